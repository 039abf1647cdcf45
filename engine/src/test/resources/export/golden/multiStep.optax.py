# Reproduces the LR Workbench schedule {"type":"multiStep","lr":0.1,"milestones":[0,10,30,30,200],"gamma":0.1}
import optax

schedule = optax.piecewise_constant_schedule(
    init_value=0.1,
    boundaries_and_scales={0: 0.1, 10: 0.1, 30: 0.1 ** 2, 200: 0.1},
)
optimizer = optax.sgd(learning_rate=schedule)  # or optax.adam, optax.adamw, ...
# optax calls the schedule with the number of updates so far: each batch gets its own LR.
# JAX computes in float32 unless jax_enable_x64 is set, so values agree with LR Workbench to about 7 digits.
