#!/usr/bin/env python3
"""The benchmark's networks in PyTorch on the CPU, one thread: per-update time of a plain training loop.

    python3 torch_nets.py NETWORK BATCH UPDATES ROUNDS
    python3 torch_nets.py NETWORK BATCH UPDATES serve

NETWORK is cnn, cifar-cnn, mnist-mlp or iris-mlp (the same layers, sizes and initial shapes as the workbench's
models of those names, specs/models.md). Each round times UPDATES steps of SGD with Nesterov momentum 0.9 (lr 0.01) on
random data of the network's input shape, cycling over a few prebuilt batches; prints one line of JSON with the median
wall and thread-CPU milliseconds per update over the rounds (convolutional nets: of the faster of the NCHW and
channels-last layouts, named in "layout"). Exit 3 when torch is not installed.

With "serve" in place of ROUNDS it builds the loops, prints one line of JSON (versions, "ready"), then times one round
per line read from stdin and prints that round's wall and CPU milliseconds per update by layout ("wall_ms_by_layout",
"cpu_ms_by_layout"), until stdin ends: the benchmark interleaves these rounds with its own, so a machine that is
faster or slower for a minute is so for both sides of a ratio.

On Debian (apt-get install python3-torch) also install libopenblas0: without it torch's matrix products run on the
reference BLAS, some 15x slower (a 32x784 by 784x128 product: 1.2 ms against 0.07 ms here), and PyTorch's MLP figures
mean nothing. The line printed says which BLAS answered ("blas").
"""
import json
import os
import statistics
import sys
import time

# One thread everywhere, as the workbench runs ND4J: torch's own pool and the BLAS under it (Debian's torch calls
# the system's libblas.so.3, which is OpenBLAS once libopenblas0 is installed and the reference BLAS otherwise).
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

try:
    import torch
    import torch.nn as nn
except ImportError:
    print(json.dumps({"error": "no torch"}))
    sys.exit(3)


def network(name):
    if name == "cnn":  # conv5x5·8 same, maxpool 2, conv5x5·16 same, maxpool 2, dense 64, softmax 10
        return (1, 28, 28, 10), nn.Sequential(
            nn.Conv2d(1, 8, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(16 * 7 * 7, 64), nn.ReLU(), nn.Linear(64, 10))
    if name == "cifar-cnn":  # specs/models.md: all convolutions same and ReLU, softmax over the last 1x1x10 map
        def conv(i, o, k):
            return [nn.Conv2d(i, o, k, padding=k // 2), nn.ReLU()]
        return (3, 32, 32, 10), nn.Sequential(
            *conv(3, 32, 3), *conv(32, 64, 3), nn.MaxPool2d(2),
            *conv(64, 32, 1), *conv(32, 64, 3), *conv(64, 128, 3), nn.MaxPool2d(2),
            *conv(128, 32, 1), *conv(32, 128, 3), *conv(128, 256, 3), nn.MaxPool2d(2),
            *conv(256, 10, 1), nn.AvgPool2d(4), nn.Flatten())
    if name == "mnist-mlp":
        return (784, 10), nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
    if name == "iris-mlp":
        return (4, 3), nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
    raise SystemExit("unknown network " + name)


def main():
    name, batch, updates = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(1)  # as the workbench runs ND4J; two threads on two shared cores are many times slower
    # A convolutional net is timed in both of PyTorch's memory layouts, rounds interleaved, and the faster one counts:
    # with Debian's torch 1.13 on an AMD EPYC the default NCHW layout took 3.4x the CPU time of channels-last for `cnn`
    # (its NCHW max-pool and backward convolution), so NCHW alone would flatter the workbench.
    layouts = ["NCHW", "channels_last"] if name in ("cnn", "cifar-cnn") else ["NCHW"]
    steps = {layout: loop(name, batch, layout == "channels_last") for layout in layouts}
    versions = {"torch": torch.__version__, "blas": blas(), "mkldnn": torch.backends.mkldnn.is_available()}
    if sys.argv[4] == "serve":
        print(json.dumps({**versions, "ready": True}), flush=True)
        for _ in sys.stdin:
            wall, cpu = one_round(steps, updates)
            print(json.dumps({"wall_ms_by_layout": wall, "cpu_ms_by_layout": cpu}), flush=True)
        return
    wall = {layout: [] for layout in layouts}
    cpu = {layout: [] for layout in layouts}
    for _ in range(int(sys.argv[4])):
        round_wall, round_cpu = one_round(steps, updates)
        for layout in layouts:
            wall[layout].append(round_wall[layout])
            cpu[layout].append(round_cpu[layout])
    best = min(layouts, key=lambda layout: statistics.median(cpu[layout]))
    print(json.dumps({**versions, "layout": best, "wall_ms": statistics.median(wall[best]),
                      "cpu_ms": statistics.median(cpu[best]),
                      "cpu_ms_by_layout": {layout: statistics.median(cpu[layout]) for layout in layouts}}))


def one_round(steps, updates):
    """Wall and thread-CPU milliseconds per update of UPDATES steps in each layout."""
    wall, cpu = {}, {}
    for layout, step in steps.items():
        w, c = time.perf_counter(), time.thread_time()
        for i in range(updates):
            step(i)
        wall[layout] = (time.perf_counter() - w) / updates * 1e3
        cpu[layout] = (time.thread_time() - c) / updates * 1e3
    return wall, cpu


def loop(name, batch, channels_last):
    """One SGD step of the network on prebuilt random batches, warmed up; the step takes the update's index."""
    torch.manual_seed(1)
    shape, net = network(name)
    classes = shape[-1]
    batches = [(torch.rand(batch, *shape[:-1]), torch.randint(0, classes, (batch,))) for _ in range(8)]
    if channels_last:
        net = net.to(memory_format=torch.channels_last)
        batches = [(x.contiguous(memory_format=torch.channels_last), y) for x, y in batches]
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9, nesterov=True)
    loss_fn = nn.CrossEntropyLoss()

    def step(i):
        x, y = batches[i % len(batches)]
        optimizer.zero_grad()
        loss_fn(net(x), y).backward()
        optimizer.step()

    for i in range(3):
        step(i)
    return step


def blas():
    """The BLAS library torch's process loaded (Linux), or what torch was built with."""
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1]
                name = os.path.basename(path)
                if "blas" in name or "mkl" in name:
                    return os.path.realpath(path)
    except OSError:
        pass
    return "unknown"


if __name__ == "__main__":
    main()
