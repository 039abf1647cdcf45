# Reproduces the LR Workbench schedule {"type":"sequential","schedules":[{"type":"linear","lr":0.1,"startFactor":0.01,"endFactor":1.0,"totalSteps":20},{"type":"cosine","lr":0.1,"decaySteps":100,"alpha":0.0,"warmupSteps":0},{"type":"constant","lr":0.001}],"milestones":[20,120]}
import optax

schedule = optax.join_schedules(
    schedules=[
        optax.linear_schedule(init_value=0.001, end_value=0.1, transition_steps=20),
        optax.cosine_decay_schedule(init_value=0.1, decay_steps=100, alpha=0.0),
        optax.constant_schedule(0.001),
    ],
    boundaries=[20, 120],
)
optimizer = optax.sgd(learning_rate=schedule)  # or optax.adam, optax.adamw, ...
# optax calls the schedule with the number of updates so far: each batch gets its own LR.
# JAX computes in float32 unless jax_enable_x64 is set, so values agree with LR Workbench to about 7 digits.
