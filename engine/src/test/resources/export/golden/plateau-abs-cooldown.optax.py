# Reproduces the LR Workbench schedule {"type":"plateau","lr":0.1,"monitor":"valLoss","mode":"min","factor":0.5,"patience":1,"threshold":0.01,"thresholdMode":"abs","cooldown":2,"minLr":0.001,"eps":1.0E-8}
import math

import optax


class ReduceLROnPlateau:
    """torch.optim.lr_scheduler.ReduceLROnPlateau's rule; step(metric) once per epoch gives the next LR."""

    def __init__(self):
        self.lr = 0.1
        self.best = math.inf
        self.bad_epochs = 0
        self.cooldown = 0

    def step(self, metric):
        if metric < self.best - 0.01:
            self.best = metric
            self.bad_epochs = 0
        else:
            self.bad_epochs += 1
        if self.cooldown > 0:
            self.cooldown -= 1
            self.bad_epochs = 0
        if self.bad_epochs > 1:
            new_lr = max(self.lr * 0.5, 0.001)
            if self.lr - new_lr > 1e-8:
                self.lr = new_lr
            self.cooldown = 2
            self.bad_epochs = 0
        return self.lr


# optax.contrib.reduce_on_plateau reduces after patience bad epochs (here: more than patience) and
# has no eps: this class keeps torch's rule, and inject_hyperparams takes its LR.
plateau = ReduceLROnPlateau()
optimizer = optax.inject_hyperparams(optax.sgd)(learning_rate=plateau.lr)  # or optax.adam, ...
# Once per epoch, after computing val_loss:
#     opt_state.hyperparams["learning_rate"] = plateau.step(val_loss)
