# Reproduces the LR Workbench schedule {"type":"cyclic","baseLr":1.0,"maxLr":5.0,"stepSizeUp":4,"stepSizeDown":4,"mode":"triangular","gamma":1.0,"cycleMomentum":true,"baseMomentum":0.8,"maxMomentum":0.9}
import math

import optax


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


# No optax schedule cycles the momentum with the LR, and optax calls a schedule inside jit,
# where this Python cannot run: set the LR from Python through inject_hyperparams instead.
optimizer = optax.inject_hyperparams(optax.sgd)(learning_rate=lr_at(0), momentum=momentum_at(0))
# opt_state = optimizer.init(params); then before each update, with step the 0-based update count:
#     opt_state.hyperparams["learning_rate"] = lr_at(step)
#     opt_state.hyperparams["momentum"] = momentum_at(step)  # optax.adam: "b1"
