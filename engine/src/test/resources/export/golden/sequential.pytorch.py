# Reproduces the LR Workbench schedule {"type":"sequential","schedules":[{"type":"linear","lr":0.1,"startFactor":0.01,"endFactor":1.0,"totalSteps":20},{"type":"cosine","lr":0.1,"decaySteps":100,"alpha":0.0,"warmupSteps":0},{"type":"constant","lr":0.001}],"milestones":[20,120]}
import torch

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)  # or Adam, AdamW, ...
linear = torch.optim.lr_scheduler.LinearLR(
    optimizer,
    start_factor=0.01,
    end_factor=1.0,
    total_iters=20,
)
cosine = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=100, eta_min=0.0)
constant = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lambda step: 0.01)
scheduler = torch.optim.lr_scheduler.SequentialLR(
    optimizer,
    schedulers=[linear, cosine, constant],
    milestones=[20, 120],
)
# SequentialLR starts each scheduler at its milestone with step(0), which warns that passing an epoch is deprecated: harmless.
# Call scheduler.step() after every optimizer.step(), i.e. once per batch, not per epoch.
