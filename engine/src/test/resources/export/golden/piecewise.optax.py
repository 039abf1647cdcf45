# Reproduces the LR Workbench schedule {"type":"piecewise","boundaries":[100,110,120],"values":[1.0,0.1,0.01,0.001]}
import optax

schedule = optax.piecewise_constant_schedule(
    init_value=1.0,
    boundaries_and_scales={101: 0.1 / 1.0, 111: 0.01 / 0.1, 121: 0.001 / 0.01},
)
optimizer = optax.sgd(learning_rate=schedule)  # or optax.adam, optax.adamw, ...
# optax calls the schedule with the number of updates so far: each batch gets its own LR.
# JAX computes in float32 unless jax_enable_x64 is set, so values agree with LR Workbench to about 7 digits.
