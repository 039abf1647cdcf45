# Reproduces the LR Workbench schedule {"type":"constant","lr":0.1,"warmup":{"steps":10,"startFactor":0.0}}
import torch
from transformers import get_constant_schedule_with_warmup

optimizer = torch.optim.AdamW(model.parameters(), lr=0.1)  # or any torch.optim optimizer
scheduler = get_constant_schedule_with_warmup(optimizer, num_warmup_steps=10)
# Call scheduler.step() after every optimizer.step(), i.e. once per batch, not per epoch;
# or hand both to the Trainer: Trainer(..., optimizers=(optimizer, scheduler)).
