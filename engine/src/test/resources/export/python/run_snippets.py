"""Runs exported snippets: PyTorch with the real torch (or the stand-in in standin_torch), Keras, transformers and
optax against the stand-ins in standins/.

Reads a JSON list of cases from stdin: {"name", "framework": "pytorch"|"keras"|"transformers"|"optax", "code", and
"steps" (a schedule: the LR of updates 0..steps-1) or "metrics" (a plateau: the LR before and after each epoch's
metric)}. Prints a JSON list of {"name", "lrs"} (Keras schedules also "restored": the same after a get_config round
trip; PyTorch also "momentums" when the scheduler sets the optimizer's momentum or beta1), or {"name", "error"} with
the traceback.
"""
import json
import sys
import traceback
import warnings

# SequentialLR's step(0) warns that passing an epoch is deprecated; torch warns about stepping without gradients.
warnings.filterwarnings("ignore")


class FakeModel:
    """What a snippet calls `model` when torch is the stand-in (real torch refuses an empty parameter list)."""

    optimizer = None

    def parameters(self):
        return iter(())


def model_for(framework):
    if framework in ("pytorch", "transformers"):
        import torch

        if hasattr(torch, "nn"):  # the real torch
            return torch.nn.Linear(1, 1)
    return FakeModel()


def momentum_of(group):
    if "betas" in group:
        return group["betas"][0]
    return group.get("momentum")


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
    momentums = []
    momentum_at = namespace.get("momentum_at")  # a formula snippet asks the training loop to set it
    for step in range(case["steps"]):
        group = optimizer.param_groups[0]
        if momentum_at is not None:
            group["momentum"] = momentum_at(step)
        lrs.append(group["lr"])  # the LR this update uses
        momentums.append(momentum_of(group))
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
    return {"lrs": lrs, "momentums": momentums}


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


def run_optax(namespace, case):
    """optax calls a schedule with the update count; a snippet without one sets the LR from Python (lr_at)."""
    if "metrics" in case:
        plateau = namespace["plateau"]
        return {"lrs": [plateau.lr] + [plateau.step(metric) for metric in case["metrics"]]}
    steps = range(case["steps"])
    if "schedule" in namespace:
        return {"lrs": [float(namespace["schedule"](step)) for step in steps]}
    return {"lrs": [float(namespace["lr_at"](step)) for step in steps]}


RUNNERS = {"pytorch": run_pytorch, "transformers": run_pytorch, "keras": run_keras, "optax": run_optax}


def main():
    results = []
    for case in json.load(sys.stdin):
        try:
            namespace = {"__name__": "snippet", "model": model_for(case["framework"])}
            exec(compile(case["code"], case["name"], "exec"), namespace)
            run = RUNNERS[case["framework"]]
            results.append(dict(name=case["name"], **run(namespace, case)))
        except Exception:
            results.append({"name": case["name"], "error": traceback.format_exc()})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
