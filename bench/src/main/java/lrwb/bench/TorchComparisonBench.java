package lrwb.bench;

import lrwb.engine.data.DataOptions;
import lrwb.engine.data.LoadedData;
import lrwb.engine.data.ShuffledBatches;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.Network;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.runtime.NativeSettings;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.SteerableSchedule;
import lrwb.engine.train.TrainingJob;
import lrwb.engine.train.TrainingRequest;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workbench's networks against the same networks in PyTorch (issue #15's targets): per update, stock DL4J's
 * {@code fit} on the network built with DL4J's own layers, our lean {@code fit} on the network the engine builds, our
 * training job, and PyTorch's plain loop ({@code bench/torch/torch_nets.py}, one thread) when {@code python3} has
 * torch. SGD with Nesterov momentum 0.9 throughout, random data of the network's input shape. The loops are
 * interleaved round by round, PyTorch's in a child process asked for a round after each of ours ({@link TorchRounds}),
 * and each ratio against PyTorch is the median of the rounds' own ratios. Both wall time and the
 * CPU time of the thread that ran the loop are reported: on a busy machine the CPU times are the steadier comparison
 * (every loop here runs on one thread).
 */
final class TorchComparisonBench {
    private static final OptimizerSpec NESTEROV = OptimizerSpec.parse("nesterov:0.9");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * @param stockUpdates   fewer for networks DL4J's stock layers take seconds an update on
     * @param trainingEpochs the training job's length: enough updates that its start and per-epoch evaluation are
     *                       spread as over a real run's (validation sets of about the share MNIST's 10,000 of 60,000 are)
     */
    private record Case(String name, String shape, ModelSpec model, LoadedData data, int batch, int updates,
                        int stockUpdates, int trainingEpochs) {
    }

    /** Wall and thread-CPU seconds per update; for PyTorch, the memory layout that was faster (else null). */
    private record Timing(double wall, double cpu, String layout) {
        Timing(double wall, double cpu) {
            this(wall, cpu, null);
        }
    }

    private TorchComparisonBench() {
    }

    static List<String> caseNames() {
        return List.of("cnn", "cifar-cnn", "mnist-mlp", "iris-mlp");
    }

    static void run(List<String> names, int rounds, EngineContext context) throws Exception {
        List<Case> cases = new ArrayList<>();
        for (String name : names) {
            cases.add(switch (name) {
                // 256 updates an epoch (a real Fashion-MNIST epoch is 938): with 64, a new network's first updates
                // (its buffers faulted in, ~10 ms more than steady ones) weighed four times what they do in a real run
                case "cnn" -> new Case(name, "28×28×1, batch 64", ModelSpec.cnn(),
                        ModelFormsBench.randomImages(64 * 256, 2048, 1, 28, 10), 64, 32, 4, 2);
                // 12 updates an epoch: with 4, the job's start (a new network's first passes through DL4J's
                // workspaces and oneDNN's kernel generation, ~2 s for this network) was most of what it timed.
                case "cifar-cnn" -> new Case(name, "32×32×3, batch 128", ModelSpec.parse("cifar-cnn"),
                        ModelFormsBench.randomImages(128 * 12, 256, 3, 32, 10), 128, 4, 1, 1);
                case "mnist-mlp" -> new Case(name, "784-128-10, batch 32", ModelSpec.parse("mnist-mlp"),
                        ModelFormsBench.randomTable(32 * 300, 1600, 784, 10), 32, 100, 100, 2);
                case "iris-mlp" -> new Case(name, "4-16-3, batch 16", ModelSpec.parse("mlp:16"),
                        ModelFormsBench.randomTable(16 * 40, 150, 4, 3), 16, 400, 400, 10);
                default -> throw new IllegalArgumentException("unknown torch case " + name + " (" + caseNames() + ")");
            });
        }
        if (cases.isEmpty()) {
            return;
        }
        System.out.println("## Against PyTorch: per-update time (ms), medians of rounds, one thread each");
        System.out.println();
        System.out.println("ND4J build: " + (NativeSettings.nativeBuild().isEmpty() ? "plain" : NativeSettings.nativeBuild())
                + ", " + NativeSettings.threads() + " native thread(s)" + (NativeSettings.threads() == 1 ? ""
                : " (OMP_NUM_THREADS: the CPU column counts only the loop's own thread, so it flatters ours)")
                + "; PyTorch: " + torchVersion() + ", 1 thread. Wall / CPU of the loop's thread.");
        System.out.println();
        System.out.println("| network | stock DL4J `fit` | our `fit` | our training job (wall) | PyTorch | stock / ours "
                + "| ours / PyTorch (CPU) | training / PyTorch (wall) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Case c : cases) {
            measure(c, rounds, context);
        }
        System.out.println();
        System.out.println("'stock DL4J' is net.fit(batch) on the network built with DL4J's own layers and updater; 'our fit'"
                + " the same loop on the network the engine builds (lean convolution, batch norm, dense and output layers,"
                + " oneDNN build);"
                + " the training job is a whole run of a few epochs through TrainingJob (thread, batches, per-epoch"
                + " evaluation) per update. PyTorch: bench/torch/torch_nets.py, torch.set_num_threads(1), the same layers;"
                + " convolutional nets in the faster of its NCHW and channels-last layouts (named when channels-last), a round of"
                + " it after each round of ours; the ratios are medians of the rounds' own ratios.");
        System.out.println();
    }

    private static void measure(Case c, int rounds, EngineContext context) throws Exception {
        NetworkShape shape = NetworkShape.of(c.data());
        List<Timing> stock = new ArrayList<>();
        List<Timing> lean = new ArrayList<>();
        List<Double> training = new ArrayList<>();
        List<TorchRounds.Round> torchRounds = new ArrayList<>();
        int caseRounds = Math.max(1, c.name().equals("cifar-cnn") ? rounds / 5 : rounds);
        try (TorchRounds torch = TorchRounds.start(command(c.name(), String.valueOf(c.batch()), String.valueOf(c.updates()),
                "serve"))) {
            for (int r = 0; r < caseRounds; r++) {
                stock.add(fitLoop(Network.of(Networks.buildWithStockLayers(c.model(), NESTEROV,
                        SteerableSchedule.constant(Bench.LR), shape, 1)), c, c.stockUpdates(), context));
                lean.add(fitLoop(Networks.network(c.model(), NESTEROV, SteerableSchedule.constant(Bench.LR), shape, 1,
                        context.tuning()), c, c.updates(), context));
                training.add(training(c, context));
                if (torch != null && torchRounds.size() == r) { // right after ours: both sides see the same minute
                    try {
                        torchRounds.add(torch.round());
                    } catch (IOException failed) { // the rounds so far still pair with ours; no more are asked for
                        System.out.println("(" + c.name() + ": PyTorch's loop stopped after " + r + " rounds: "
                                + failed.getMessage() + ")");
                    }
                }
            }
        }
        Timing s = median(stock);
        Timing l = median(lean);
        double t = median(training, x -> x);
        if (torchRounds.isEmpty()) {
            System.out.printf("| %s (%s) | %s | %s | %.3f | – | %.2f | – | – |%n", c.name(), c.shape(), cell(s), cell(l),
                    t * 1e3, s.cpu() / l.cpu());
            return;
        }
        // PyTorch's faster layout over all rounds; each ratio is the median of the rounds' own ratios
        String layout = torchRounds.get(0).cpuMs().keySet().stream()
                .min(java.util.Comparator.comparingDouble(k -> median(torchRounds, r -> r.cpuMs().get(k)))).orElseThrow();
        Timing torch = new Timing(median(torchRounds, r -> r.wallMs().get(layout)) / 1e3,
                median(torchRounds, r -> r.cpuMs().get(layout)) / 1e3, layout);
        List<Double> fitRatios = new ArrayList<>();
        List<Double> trainingRatios = new ArrayList<>();
        for (int r = 0; r < torchRounds.size(); r++) { // pairs: PyTorch's rounds are the first of ours
            fitRatios.add(lean.get(r).cpu() * 1e3 / torchRounds.get(r).cpuMs().get(layout));
            trainingRatios.add(training.get(r) * 1e3 / torchRounds.get(r).wallMs().get(layout));
        }
        System.out.printf("| %s (%s) | %s | %s | %.3f | %s | %.2f | %.2f | %.2f |%n", c.name(), c.shape(), cell(s), cell(l),
                t * 1e3, cell(torch), s.cpu() / l.cpu(), median(fitRatios, x -> x), median(trainingRatios, x -> x));
    }

    private static String cell(Timing t) {
        return String.format("%.3f / %.3f", t.wall() * 1e3, t.cpu() * 1e3)
                + (t.layout() == null || t.layout().equals("NCHW") ? "" : " (" + t.layout().replace('_', '-') + ")");
    }

    private static Timing fitLoop(Network net, Case c, int updates, EngineContext context) {
        Iterator<DataSet> batches = new ShuffledBatches(c.data().train(), c.batch(), 1, context).stream(0, updates + 2);
        Bench.sameNativeSettingsAsOurJobs();
        net.fit(batches.next()); // the first updates build workspaces: outside the clock
        net.fit(batches.next());
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < updates; i++) {
            net.fit(batches.next());
        }
        return new Timing((System.nanoTime() - wall) / 1e9 / updates, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9 / updates);
    }

    private static double training(Case c, EngineContext context) throws Exception {
        int stepsPerEpoch = (c.data().trainSize() + c.batch() - 1) / c.batch();
        TrainingRequest request = new TrainingRequest(DataOptions.of("iris"), c.model(), NESTEROV,
                new ConstantSchedule(Bench.LR), c.trainingEpochs(), c.batch(), 1, "bench");
        TrainingJob job = new TrainingJob(request, c.data(), context);
        long start = System.nanoTime();
        job.start().ended().get();
        return (System.nanoTime() - start) / 1e9 / ((long) stepsPerEpoch * c.trainingEpochs());
    }

    private static final Pattern VERSION = Pattern.compile("\"torch\": \"([^\"]+)\"");
    private static final Pattern BLAS = Pattern.compile("\"blas\": \"([^\"]+)\"");

    private static String torchVersion() throws IOException, InterruptedException {
        String out = runScript("iris-mlp", "16", "1", "1");
        Matcher m = VERSION.matcher(out == null ? "" : out);
        Matcher blas = BLAS.matcher(out == null ? "" : out);
        return m.find() ? m.group(1) + " on " + (blas.find() ? blas.group(1) : "an unknown BLAS") : "not installed (python3 -c 'import torch' fails: apt-get install python3-torch), its column is skipped";
    }

    private static String runScript(String... args) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null; // no python3
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor(30, TimeUnit.MINUTES) && process.exitValue() == 0 ? out : null;
    }

    /** python3 on bench/torch/torch_nets.py with {@code args}, from the repository's root or from bench/. */
    private static List<String> command(String... args) {
        Path script = Path.of("torch", "torch_nets.py");
        if (!Files.isRegularFile(script)) {
            script = Path.of("bench", "torch", "torch_nets.py");
        }
        List<String> command = new ArrayList<>(List.of(python(), script.toString()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** Debian's python3 (where apt's python3-torch lives) before whatever python3 comes first on the PATH. */
    private static String python() {
        String override = System.getenv("LRWB_BENCH_PYTHON");
        if (override != null && !override.isBlank()) {
            return override;
        }
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private static Timing median(List<Timing> timings) {
        return new Timing(median(timings, Timing::wall), median(timings, Timing::cpu));
    }

    private static <T> double median(List<T> values, ToDoubleFunction<T> value) {
        double[] sorted = values.stream().mapToDouble(value).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
