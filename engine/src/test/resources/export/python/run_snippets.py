"""Runs exported PyTorch/Keras snippets against the stand-in packages next to this file.

Reads a JSON list of cases from stdin: {"name", "framework": "pytorch"|"keras", "code", and "steps" (a schedule:
the LR of updates 0..steps-1) or "metrics" (a plateau: the LR before and after each epoch's metric)}.
Prints a JSON list of {"name", "lrs"} (Keras schedules also "restored": the same after a get_config round trip),
or {"name", "error"} with the traceback.
"""
import json
import sys
import traceback


class FakeModel:
    """What a snippet calls `model`."""

    optimizer = None

    def parameters(self):
        return iter(())


def run_pytorch(namespace, case):
    optimizer = namespace["optimizer"]
    scheduler = namespace.get("scheduler")
    if "metrics" in case:
        lrs = [optimizer.param_groups[0]["lr"]]
        for metric in case["metrics"]:
            scheduler.step(metric)
            lrs.append(optimizer.param_groups[0]["lr"])
        return {"lrs": lrs}
    lrs = []
    for _ in range(case["steps"]):
        lrs.append(optimizer.param_groups[0]["lr"])  # the LR this update uses
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
    return {"lrs": lrs}


def run_keras(namespace, case):
    import keras

    optimizer = namespace["optimizer"]
    if "metrics" in case:
        callback = namespace["reduce_lr"]
        model = FakeModel()
        model.optimizer = optimizer
        callback.set_model(model)
        lrs = [float(optimizer.learning_rate)]
        for epoch, metric in enumerate(case["metrics"]):
            callback.on_epoch_end(epoch, {"val_loss": metric, "loss": metric, "val_accuracy": metric})
            lrs.append(float(optimizer.learning_rate))
        return {"lrs": lrs}
    schedule = optimizer.learning_rate
    steps = range(case["steps"])
    if not callable(schedule):
        return {"lrs": [float(schedule) for _ in steps]}
    restored = keras.optimizers.schedules.deserialize(
        json.loads(json.dumps(keras.optimizers.schedules.serialize(schedule))))
    return {"lrs": [float(schedule(step)) for step in steps], "restored": [float(restored(step)) for step in steps]}


def main():
    results = []
    for case in json.load(sys.stdin):
        try:
            namespace = {"__name__": "snippet", "model": FakeModel()}
            exec(compile(case["code"], case["name"], "exec"), namespace)
            run = run_pytorch if case["framework"] == "pytorch" else run_keras
            results.append(dict(name=case["name"], **run(namespace, case)))
        except Exception:
            results.append({"name": case["name"], "error": traceback.format_exc()})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
