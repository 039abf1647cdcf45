# Reproduces the LR Workbench schedule {"type":"cosine","lr":0.1,"decaySteps":100,"alpha":0.0,"warmupSteps":0,"warmup":{"steps":20,"startFactor":0.1}}
import torch

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)  # or Adam, AdamW, ...
warmup = torch.optim.lr_scheduler.LinearLR(
    optimizer,
    start_factor=0.1,
    end_factor=1.0,
    total_iters=20,
)
cosine = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=100, eta_min=0.0)
# Keeps the end value: CosineAnnealingLR would rise again after T_max.
hold = torch.optim.lr_scheduler.MultiplicativeLR(optimizer, lr_lambda=lambda step: 1.0)
scheduler = torch.optim.lr_scheduler.SequentialLR(
    optimizer,
    schedulers=[warmup, cosine, hold],
    milestones=[20, 121],
)
# SequentialLR starts each scheduler at its milestone with step(0), which warns that passing an epoch is deprecated: harmless.
# Call scheduler.step() after every optimizer.step(), i.e. once per batch, not per epoch.
