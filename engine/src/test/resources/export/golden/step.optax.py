# Reproduces the LR Workbench schedule {"type":"step","lr":0.1,"stepSize":7,"gamma":0.5}
import optax

schedule = optax.exponential_decay(
    init_value=0.1,
    transition_steps=7,
    decay_rate=0.5,
    staircase=True,
)
optimizer = optax.sgd(learning_rate=schedule)  # or optax.adam, optax.adamw, ...
# optax calls the schedule with the number of updates so far: each batch gets its own LR.
# JAX computes in float32 unless jax_enable_x64 is set, so values agree with LR Workbench to about 7 digits.
