# Reproduces the LR Workbench schedule {"type":"oneCycle","maxLr":0.1,"totalSteps":100,"pctStart":0.3,"anneal":"cos","divFactor":25.0,"finalDivFactor":10000.0,"threePhase":true,"cycleMomentum":true,"baseMomentum":0.8,"maxMomentum":0.9,"warmup":{"steps":10,"startFactor":0.2}}
import torch

# The scheduler cycles the optimizer's momentum (Adam, AdamW, NAdam: beta1).
optimizer = torch.optim.SGD(model.parameters(), lr=0.004, momentum=0.9)
warmup = torch.optim.lr_scheduler.LinearLR(
    optimizer,
    start_factor=0.2,
    end_factor=1.0,
    total_iters=10,
)
one_cycle = torch.optim.lr_scheduler.OneCycleLR(
    optimizer,
    max_lr=0.1,
    total_steps=100,
    pct_start=0.3,
    anneal_strategy="cos",
    div_factor=25.0,
    final_div_factor=10000.0,
    three_phase=True,
    cycle_momentum=True,
    base_momentum=0.8,
    max_momentum=0.9,
)
scheduler = torch.optim.lr_scheduler.SequentialLR(
    optimizer,
    schedulers=[warmup, one_cycle],
    milestones=[10],
)
# OneCycleLR raises if stepped more than total_steps times: train exactly 100 batches after the warmup.
# The warmup scheduler comes first: the cycle's scheduler, built second, sets the momentum it starts with, which holds during the warmup.
# Call scheduler.step() after every optimizer.step(), i.e. once per batch, not per epoch.
