"""Stand-in for Keras 3: only what exported LR snippets use, computed in float64 on Python scalars."""
from . import ops
from . import saving
from . import callbacks
from . import optimizers
