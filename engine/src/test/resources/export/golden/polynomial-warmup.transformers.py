# Reproduces the LR Workbench schedule {"type":"polynomial","lr":0.1,"decaySteps":100,"endLr":0.001,"power":2.0,"cycle":false,"warmup":{"steps":10,"startFactor":0.0}}
import torch
from transformers import get_polynomial_decay_schedule_with_warmup

optimizer = torch.optim.AdamW(model.parameters(), lr=0.1)  # or any torch.optim optimizer
scheduler = get_polynomial_decay_schedule_with_warmup(
    optimizer,
    num_warmup_steps=10,
    num_training_steps=110,
    lr_end=0.001,
    power=2.0,
)
# Call scheduler.step() after every optimizer.step(), i.e. once per batch, not per epoch;
# or hand both to the Trainer: Trainer(..., optimizers=(optimizer, scheduler)).
