# Reproduces the LR Workbench schedule {"type":"cyclic","baseLr":1.0,"maxLr":5.0,"stepSizeUp":4,"stepSizeDown":4,"mode":"triangular","gamma":1.0,"cycleMomentum":true,"baseMomentum":0.8,"maxMomentum":0.9}
import math

import torch


def lr_at(step):
    """The learning rate of the given 0-based optimizer update (batch)."""
    cycle = math.floor(1 + step / 8.0)
    x = 1 + step / 8.0 - cycle  # position in the cycle, 0..1
    s = x / 0.5 if x <= 0.5 else (x - 1) / (0.5 - 1)  # 0 -> 1 -> 0
    return 1.0 + (5.0 - 1.0) * s


def momentum_at(step):
    """The momentum (Adam: beta1) of the given 0-based optimizer update (batch)."""
    cycle = math.floor(1 + step / 8.0)
    x = 1 + step / 8.0 - cycle  # position in the cycle, 0..1
    s = x / 0.5 if x <= 0.5 else (x - 1) / (0.5 - 1)  # 0 -> 1 -> 0
    return 0.9 + (0.8 - 0.9) * s


# No transformers get_*_schedule function gives exactly this curve (they warm up from 0, and their
# cosines rise again after num_training_steps); like them, this is a LambdaLR over the formula.
# LambdaLR with the formula above gives exactly the LR Workbench value at every step.
# LambdaLR sets each LR to (initial lr) * lr_at(step): the optimizer's lr must be 1.0.
optimizer = torch.optim.SGD(model.parameters(), lr=1.0)  # or Adam, AdamW, ...: keep lr=1.0
scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lr_at)
# Call scheduler.step() after every optimizer.step(), i.e. once per batch, not per epoch.
# LambdaLR sets only the LR. Set the cycled momentum yourself before each optimizer.step(), with step the
# 0-based update:  for group in optimizer.param_groups: group["momentum"] = momentum_at(step)
# (Adam, AdamW, NAdam: group["betas"] = (momentum_at(step), group["betas"][1]))
