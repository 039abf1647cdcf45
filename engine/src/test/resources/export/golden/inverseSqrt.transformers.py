# Reproduces the LR Workbench schedule {"type":"inverseSqrt","lr":1.0,"warmupSteps":4,"timescale":4}
import torch
from transformers import get_inverse_sqrt_schedule

optimizer = torch.optim.AdamW(model.parameters(), lr=1.0)  # or any torch.optim optimizer
scheduler = get_inverse_sqrt_schedule(optimizer, num_warmup_steps=4, timescale=4)
# Call scheduler.step() after every optimizer.step(), i.e. once per batch, not per epoch;
# or hand both to the Trainer: Trainer(..., optimizers=(optimizer, scheduler)).
