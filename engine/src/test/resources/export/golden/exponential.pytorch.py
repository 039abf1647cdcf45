# Reproduces the LR Workbench schedule {"type":"exponential","lr":0.05,"decayRate":0.96,"decaySteps":10,"staircase":false}
import torch


def lr_at(step):
    """The learning rate of the given 0-based optimizer update (batch)."""
    return 0.05 * 0.96 ** (step / 10)


# No built-in scheduler gives exactly this curve:
# ExponentialLR decays every step; with gamma = decayRate ** (1 / decaySteps) it would drift from decayRate ** (t / decaySteps).
# LambdaLR with the formula above gives exactly the LR Workbench value at every step.
# LambdaLR sets each LR to (initial lr) * lr_at(step): the optimizer's lr must be 1.0.
optimizer = torch.optim.SGD(model.parameters(), lr=1.0)  # or Adam, AdamW, ...: keep lr=1.0
scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lr_at)
# Call scheduler.step() after every optimizer.step(), i.e. once per batch, not per epoch.
