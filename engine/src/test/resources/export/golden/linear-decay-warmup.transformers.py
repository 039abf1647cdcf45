# Reproduces the LR Workbench schedule {"type":"linear","lr":0.1,"startFactor":1.0,"endFactor":0.0,"totalSteps":100,"warmup":{"steps":10,"startFactor":0.0}}
import torch
from transformers import get_linear_schedule_with_warmup

optimizer = torch.optim.AdamW(model.parameters(), lr=0.1)  # or any torch.optim optimizer
scheduler = get_linear_schedule_with_warmup(
    optimizer,
    num_warmup_steps=10,
    num_training_steps=110,
)
# Call scheduler.step() after every optimizer.step(), i.e. once per batch, not per epoch;
# or hand both to the Trainer: Trainer(..., optimizers=(optimizer, scheduler)).
