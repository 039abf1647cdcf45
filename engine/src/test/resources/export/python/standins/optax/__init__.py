"""Stand-in for optax: the schedules of optax/schedules/_schedule.py and _join.py, copied as published at
google-deepmind/optax commit 2edbcbe2390da13983b92cbef94ac0460ecde1c5 (logic unchanged; docstrings and logging
left out), over a scalar float64 stand-in for jax.numpy. Real optax computes in float32 unless jax_enable_x64 is set.
Also inject_hyperparams and sgd, just enough for a snippet to build its optimizer."""
import math


class _ScalarNumpy:
    """The jax.numpy functions the schedules use, on Python floats (jnp.where evaluates both branches too)."""

    pi = math.pi

    @staticmethod
    def clip(x, low, high):
        return min(max(x, low), high)

    @staticmethod
    def maximum(a, b):
        return max(a, b)

    @staticmethod
    def minimum(a, b):
        return min(a, b)

    @staticmethod
    def sign(x):
        return (x > 0) - (x < 0)

    @staticmethod
    def where(condition, a, b):
        return a if condition else b

    @staticmethod
    def power(a, b):
        return float(a) ** b

    @staticmethod
    def floor(x):
        return math.floor(x)

    @staticmethod
    def cos(x):
        return math.cos(x)


jnp = _ScalarNumpy()


def constant_schedule(value):
    return lambda count: value


def polynomial_schedule(init_value, end_value, power, transition_steps, transition_begin=0):
    if transition_steps <= 0:
        return lambda count: init_value
    if transition_begin < 0:
        transition_begin = 0

    def schedule(count):
        count = jnp.clip(count - transition_begin, 0, transition_steps)
        frac = 1 - count / transition_steps
        return (init_value - end_value) * (frac**power) + end_value

    return schedule


def linear_schedule(init_value, end_value, transition_steps, transition_begin=0):
    return polynomial_schedule(
        init_value=init_value,
        end_value=end_value,
        power=1,
        transition_steps=transition_steps,
        transition_begin=transition_begin,
    )


def piecewise_constant_schedule(init_value, boundaries_and_scales=None):
    if boundaries_and_scales is not None:
        all_positive = all(scale >= 0.0 for scale in boundaries_and_scales.values())
        if not all_positive:
            raise ValueError('`piecewise_constant_schedule` expects non-negative scale factors')

    def schedule(count):
        v = init_value
        if boundaries_and_scales is not None:
            for threshold, scale in sorted(boundaries_and_scales.items()):
                indicator = jnp.maximum(0.0, jnp.sign(threshold - count))
                v = v * indicator + (1 - indicator) * scale * v
        return v

    return schedule


def exponential_decay(init_value, transition_steps, decay_rate, transition_begin=0, staircase=False, end_value=None):
    if transition_steps <= 0:
        return lambda count: init_value
    if decay_rate == 0:
        return lambda count: init_value
    if transition_begin < 0:
        transition_begin = 0
    if end_value is not None:
        clip_fn = jnp.maximum if decay_rate < 1.0 else jnp.minimum

    def schedule(count):
        decreased_count = count - transition_begin
        p = decreased_count / transition_steps
        if staircase:
            p = jnp.floor(p)
        decayed_value = jnp.where(
            decreased_count <= 0, init_value, init_value * jnp.power(decay_rate, p)
        )
        if end_value is not None:
            decayed_value = clip_fn(decayed_value, end_value)
        return decayed_value

    return schedule


def cosine_decay_schedule(init_value, decay_steps, alpha=0.0, exponent=1.0):
    if not decay_steps > 0:
        raise ValueError('The cosine_decay_schedule requires positive decay_steps, got' f' {decay_steps=}.')

    def schedule(count):
        # optax: decay_steps, count = jax.tree.map(lambda x: float(x) if isinstance(x, int) else x, ...)
        steps = float(decay_steps)
        count = float(count)
        count = jnp.minimum(count, steps)
        cosine_decay = 0.5 * (1 + jnp.cos(jnp.pi * count / steps))
        decayed = (1 - alpha) * cosine_decay**exponent + alpha
        return init_value * decayed

    return schedule


def join_schedules(schedules, boundaries):
    def schedule(step):
        output = schedules[0](step)
        for boundary, schedule in zip(boundaries, schedules[1:]):
            output = jnp.where(step < boundary, output, schedule(step - boundary))
        return output

    return schedule


class _Optimizer:
    def __init__(self, **hyperparams):
        self.hyperparams = hyperparams


def sgd(learning_rate, momentum=None, nesterov=False):
    return _Optimizer(learning_rate=learning_rate, momentum=momentum, nesterov=nesterov)


def inject_hyperparams(inner_factory):
    return lambda **hyperparams: inner_factory(**hyperparams)
