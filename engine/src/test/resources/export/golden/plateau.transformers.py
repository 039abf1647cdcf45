# Reproduces the LR Workbench schedule {"type":"plateau","lr":0.1,"monitor":"valLoss","mode":"min","factor":0.1,"patience":2,"threshold":1.0E-4,"thresholdMode":"rel","cooldown":0,"minLr":0.0,"eps":1.0E-8}
import torch
from transformers import get_reduce_on_plateau_schedule

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)  # or Adam, AdamW, ...
scheduler = get_reduce_on_plateau_schedule(
    optimizer,
    mode="min",
    factor=0.1,
    patience=2,
    threshold=1e-4,
    threshold_mode="rel",
    cooldown=0,
    min_lr=0.0,
    eps=1e-8,
)
# Once per epoch, after computing val_loss: scheduler.step(val_loss)
