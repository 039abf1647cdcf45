from . import lr_scheduler


class SGD:
    def __init__(self, params, lr, **kwargs):
        self.defaults = dict(kwargs, lr=lr)
        self.param_groups = [dict(self.defaults, params=list(params))]

    def step(self):
        pass

    def zero_grad(self):
        pass


class AdamW(SGD):
    pass
