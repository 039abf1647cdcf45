"""Stand-in for torch: only what exported LR snippets use."""
from . import optim
