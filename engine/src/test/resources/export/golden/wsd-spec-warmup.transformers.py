# Reproduces the LR Workbench schedule {"type":"wsd","lr":0.1,"warmupSteps":0,"stableSteps":50,"decaySteps":100,"minLrRatio":0.0,"warmupType":"linear","decayType":"1-sqrt","warmup":{"steps":30,"startFactor":0.0}}
import torch
from transformers import get_wsd_schedule

optimizer = torch.optim.AdamW(model.parameters(), lr=0.1)  # or any torch.optim optimizer
scheduler = get_wsd_schedule(
    optimizer,
    num_warmup_steps=30,
    num_decay_steps=100,
    num_stable_steps=50,
    warmup_type="linear",
    decay_type="1-sqrt",
    min_lr_ratio=0.0,
)
# Call scheduler.step() after every optimizer.step(), i.e. once per batch, not per epoch;
# or hand both to the Trainer: Trainer(..., optimizers=(optimizer, scheduler)).
