# Reproduces the LR Workbench schedule {"type":"cosine","lr":0.1,"decaySteps":100,"alpha":0.0,"warmupSteps":0,"warmup":{"steps":10,"startFactor":0.0}}
import torch
from transformers import get_cosine_with_hard_restarts_schedule_with_warmup

optimizer = torch.optim.AdamW(model.parameters(), lr=0.1)  # or any torch.optim optimizer
scheduler = get_cosine_with_hard_restarts_schedule_with_warmup(
    optimizer,
    num_warmup_steps=10,
    num_training_steps=110,
    num_cycles=1,  # one cosine, then 0: get_cosine_schedule_with_warmup would rise again
)
# Call scheduler.step() after every optimizer.step(), i.e. once per batch, not per epoch;
# or hand both to the Trainer: Trainer(..., optimizers=(optimizer, scheduler)).
