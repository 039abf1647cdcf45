package lrwb.engine.export;

import java.util.Map;

/**
 * The Keras {@code LearningRateSchedule} subclasses a snippet defines where Keras has no exact built-in. They are
 * written as a practitioner would (constructor arguments, {@code get_config}, registered for model saving) and
 * compute with {@code keras.ops}, so they also work inside a compiled training step.
 */
final class KerasClasses {
    static final String CONSTANT = "ConstantLR";
    static final String NATURAL_EXP = "NaturalExpDecay";
    static final String COSINE_RESTARTS = "CosineRestarts";
    static final String LINEAR = "LinearLR";
    static final String CYCLIC = "CyclicLR";
    static final String ONE_CYCLE = "OneCycleLR";
    static final String PER_EPOCH = "PerEpoch";
    static final String SEQUENTIAL = "SequentialLR";
    static final String WSD = "WarmupStableDecay";
    static final String INVERSE_SQRT = "InverseSqrtDecay";
    static final String WARMUP = "Warmup";

    private static final String REGISTER = "@keras.saving.register_keras_serializable(package=\"lr_workbench\")\n";

    private static final Map<String, String> SOURCES = Map.ofEntries(Map.entry(
            CONSTANT, """
                    class ConstantLR(keras.optimizers.schedules.LearningRateSchedule):
                        \"""The same LR at every step, as a schedule object for use inside SequentialLR.\"""

                        def __init__(self, learning_rate):
                            self.learning_rate = learning_rate

                        def __call__(self, step):
                            return ops.cast(self.learning_rate, "float32")

                        def get_config(self):
                            return {"learning_rate": self.learning_rate}
                    """), Map.entry(
            NATURAL_EXP, """
                    class NaturalExpDecay(keras.optimizers.schedules.LearningRateSchedule):
                        \"""initial_learning_rate * exp(-decay_rate * step), like TF1's natural_exp_decay.\"""

                        def __init__(self, initial_learning_rate, decay_rate):
                            self.initial_learning_rate = initial_learning_rate
                            self.decay_rate = decay_rate

                        def __call__(self, step):
                            step = ops.cast(step, "float32")
                            return self.initial_learning_rate * ops.exp(-self.decay_rate * step)

                        def get_config(self):
                            return {"initial_learning_rate": self.initial_learning_rate, "decay_rate": self.decay_rate}
                    """), Map.entry(
            COSINE_RESTARTS, """
                    class CosineRestarts(keras.optimizers.schedules.LearningRateSchedule):
                        \"""SGDR as keras.optimizers.schedules.CosineDecayRestarts (for t_mul != 1), but with the restart
                        index corrected where rounding in floor(log(...) / log(t_mul)) puts it one period early exactly
                        at a restart, which would give the minimum LR instead of the new peak there. It stays a closed
                        form, not a loop over the periods, so that it works on tensors.\"""

                        def __init__(self, initial_learning_rate, first_decay_steps, t_mul=2.0, m_mul=1.0, alpha=0.0):
                            self.initial_learning_rate = initial_learning_rate
                            self.first_decay_steps = first_decay_steps
                            self.t_mul = t_mul
                            self.m_mul = m_mul
                            self.alpha = alpha

                        def __call__(self, step):
                            f = ops.cast(step, "float32") / self.first_decay_steps
                            i = ops.floor(ops.log(1 - f * (1 - self.t_mul)) / math.log(self.t_mul))  # restart index
                            period = ops.power(self.t_mul, i)
                            # Move i by one where rounding put it off, so that f lies in period i.
                            later = (1 - period * self.t_mul) / (1 - self.t_mul) <= f
                            earlier = ops.logical_and(i > 0, (1 - period) / (1 - self.t_mul) > f)
                            i = ops.where(later, i + 1, ops.where(earlier, i - 1, i))
                            period = ops.where(later, period * self.t_mul, ops.where(earlier, period / self.t_mul, period))
                            f = (f - (1 - period) / (1 - self.t_mul)) / period  # fraction of period i done
                            peak = ops.power(self.m_mul, i)
                            return self.initial_learning_rate * (
                                (1 - self.alpha) * peak * (1 + ops.cos(math.pi * f)) / 2 + self.alpha
                            )

                        def get_config(self):
                            return {
                                "initial_learning_rate": self.initial_learning_rate,
                                "first_decay_steps": self.first_decay_steps,
                                "t_mul": self.t_mul,
                                "m_mul": self.m_mul,
                                "alpha": self.alpha,
                            }
                    """), Map.entry(
            LINEAR, """
                    class LinearLR(keras.optimizers.schedules.LearningRateSchedule):
                        \"""learning_rate times a factor going linearly from start_factor to end_factor over total_steps,
                        then staying there (torch.optim.lr_scheduler.LinearLR): a warmup or a linear decay.\"""

                        def __init__(self, learning_rate, start_factor=1 / 3, end_factor=1.0, total_steps=5):
                            self.learning_rate = learning_rate
                            self.start_factor = start_factor
                            self.end_factor = end_factor
                            self.total_steps = total_steps

                        def __call__(self, step):
                            done = ops.minimum(ops.cast(step, "float32"), self.total_steps)
                            factor = self.start_factor + (self.end_factor - self.start_factor) * done / self.total_steps
                            return self.learning_rate * factor

                        def get_config(self):
                            return {
                                "learning_rate": self.learning_rate,
                                "start_factor": self.start_factor,
                                "end_factor": self.end_factor,
                                "total_steps": self.total_steps,
                            }
                    """), Map.entry(
            CYCLIC, """
                    class CyclicLR(keras.optimizers.schedules.LearningRateSchedule):
                        \"""Cyclical learning rate as torch.optim.lr_scheduler.CyclicLR computes it: a triangle between
                        base_lr and max_lr, kept ("triangular"), halved every cycle ("triangular2") or scaled by
                        gamma ** step ("exp_range").\"""

                        def __init__(self, base_lr, max_lr, step_size_up=2000, step_size_down=None, mode="triangular", gamma=1.0):
                            self.base_lr = base_lr
                            self.max_lr = max_lr
                            self.step_size_up = step_size_up
                            self.step_size_down = step_size_up if step_size_down is None else step_size_down
                            self.mode = mode
                            self.gamma = gamma

                        def __call__(self, step):
                            step = ops.cast(step, "float32")
                            total = float(self.step_size_up + self.step_size_down)
                            ratio = self.step_size_up / total
                            cycle = ops.floor(1 + step / total)
                            x = 1 + step / total - cycle  # position in the cycle, 0..1
                            s = ops.where(x <= ratio, x / ratio, (x - 1) / (ratio - 1))  # 0 -> 1 -> 0
                            if self.mode == "triangular2":
                                scale = 1 / ops.power(2.0, cycle - 1)
                            elif self.mode == "exp_range":
                                scale = ops.power(self.gamma, step)
                            else:
                                scale = 1.0
                            return self.base_lr + (self.max_lr - self.base_lr) * s * scale

                        def get_config(self):
                            return {
                                "base_lr": self.base_lr,
                                "max_lr": self.max_lr,
                                "step_size_up": self.step_size_up,
                                "step_size_down": self.step_size_down,
                                "mode": self.mode,
                                "gamma": self.gamma,
                            }
                    """), Map.entry(
            ONE_CYCLE, """
                    class OneCycleLR(keras.optimizers.schedules.LearningRateSchedule):
                        \"""The 1cycle policy as torch.optim.lr_scheduler.OneCycleLR computes the LR (without its momentum
                        cycling): from max_lr / div_factor up to max_lr over pct_start of the steps, then down to
                        max_lr / div_factor / final_div_factor (three_phase: back to the start value first).\"""

                        def __init__(self, max_lr, total_steps, pct_start=0.3, anneal_strategy="cos", div_factor=25.0,
                                     final_div_factor=1e4, three_phase=False):
                            self.max_lr = max_lr
                            self.total_steps = total_steps
                            self.pct_start = pct_start
                            self.anneal_strategy = anneal_strategy
                            self.div_factor = div_factor
                            self.final_div_factor = final_div_factor
                            self.three_phase = three_phase

                        def _anneal(self, start, end, pct):
                            if self.anneal_strategy == "cos":
                                return end + (start - end) * (1 + ops.cos(math.pi * pct)) / 2
                            return start + (end - start) * pct

                        def __call__(self, step):
                            step = ops.cast(step, "float32")
                            initial = self.max_lr / self.div_factor
                            last = initial / self.final_div_factor
                            up_end = self.pct_start * self.total_steps - 1
                            if self.three_phase:
                                phases = [(up_end, initial, self.max_lr),
                                          (2 * self.pct_start * self.total_steps - 2, self.max_lr, initial),
                                          (self.total_steps - 1, initial, last)]
                            else:
                                phases = [(up_end, initial, self.max_lr), (self.total_steps - 1, self.max_lr, last)]
                            # Each phase anneals over [previous end, its end]; the first phase not yet over applies.
                            values, start = [], 0.0
                            for end, start_lr, end_lr in phases:
                                values.append((end, self._anneal(start_lr, end_lr, (step - start) / (end - start))))
                                start = end
                            lr = values[-1][1]
                            for end, value in reversed(values[:-1]):
                                lr = ops.where(step <= end, value, lr)
                            return ops.where(step >= self.total_steps - 1, last, lr)

                        def get_config(self):
                            return {
                                "max_lr": self.max_lr,
                                "total_steps": self.total_steps,
                                "pct_start": self.pct_start,
                                "anneal_strategy": self.anneal_strategy,
                                "div_factor": self.div_factor,
                                "final_div_factor": self.final_div_factor,
                                "three_phase": self.three_phase,
                            }
                    """), Map.entry(
            PER_EPOCH, """
                    class PerEpoch(keras.optimizers.schedules.LearningRateSchedule):
                        \"""Calls a schedule with the epoch index: Keras passes the number of updates, this schedule counts epochs.\"""

                        def __init__(self, schedule, steps_per_epoch):
                            self.schedule = schedule
                            self.steps_per_epoch = steps_per_epoch

                        def __call__(self, step):
                            return self.schedule(ops.floor_divide(step, self.steps_per_epoch))

                        def get_config(self):
                            return {
                                "schedule": keras.optimizers.schedules.serialize(self.schedule),
                                "steps_per_epoch": self.steps_per_epoch,
                            }

                        @classmethod
                        def from_config(cls, config):
                            return cls(keras.optimizers.schedules.deserialize(config["schedule"]), config["steps_per_epoch"])
                    """), Map.entry(
            SEQUENTIAL, """
                    class SequentialLR(keras.optimizers.schedules.LearningRateSchedule):
                        \"""Schedules one after another, like torch.optim.lr_scheduler.SequentialLR: from step
                        milestones[i] on, schedules[i + 1] runs, counting its own steps from 0.\"""

                        def __init__(self, schedules, milestones):
                            self.schedules = schedules
                            self.milestones = milestones

                        def __call__(self, step):
                            lr = self.schedules[0](step)
                            for milestone, schedule in zip(self.milestones, self.schedules[1:]):
                                # ops.where computes both branches: never call a part with a step before its start.
                                lr = ops.where(step >= milestone, schedule(ops.maximum(step - milestone, 0)), lr)
                            return lr

                        def get_config(self):
                            return {
                                "schedules": [keras.optimizers.schedules.serialize(s) for s in self.schedules],
                                "milestones": self.milestones,
                            }

                        @classmethod
                        def from_config(cls, config):
                            schedules = [keras.optimizers.schedules.deserialize(s) for s in config["schedules"]]
                            return cls(schedules, config["milestones"])
                    """), Map.entry(
            WSD, """
                    class WarmupStableDecay(keras.optimizers.schedules.LearningRateSchedule):
                        \"""Warmup-stable-decay as transformers' get_wsd_schedule computes it (times learning_rate): up from
                        learning_rate * min_lr_ratio over warmup_steps, learning_rate for stable_steps, then down to
                        learning_rate * min_lr_ratio over decay_steps and there for good.\"""

                        def __init__(self, learning_rate, warmup_steps, stable_steps, decay_steps, min_lr_ratio=0.0,
                                     warmup_type="linear", decay_type="cosine"):
                            self.learning_rate = learning_rate
                            self.warmup_steps = warmup_steps
                            self.stable_steps = stable_steps
                            self.decay_steps = decay_steps
                            self.min_lr_ratio = min_lr_ratio
                            self.warmup_type = warmup_type
                            self.decay_type = decay_type

                        def _warmup(self, p):  # rises 0 -> 1
                            if self.warmup_type == "cosine":
                                return (1 - ops.cos(math.pi * p)) / 2
                            if self.warmup_type == "1-sqrt":
                                return 1 - ops.sqrt(1 - p)
                            return p

                        def _decay(self, p):  # falls 1 -> 0
                            if self.decay_type == "linear":
                                return 1 - p
                            if self.decay_type == "1-sqrt":
                                return 1 - ops.sqrt(p)
                            if self.decay_type == "square":
                                return 1 - p * p
                            return (1 + ops.cos(math.pi * p)) / 2

                        def _scaled(self, factor):
                            return self.learning_rate * (factor * (1 - self.min_lr_ratio) + self.min_lr_ratio)

                        def __call__(self, step):
                            step = ops.cast(step, "float32")
                            decay_start = self.warmup_steps + self.stable_steps
                            end = decay_start + self.decay_steps
                            # ops.where computes every branch: keep each ramp's p within [0, 1] where it does not apply.
                            warmup_p = ops.minimum(step / max(self.warmup_steps, 1), 1.0)
                            decay_p = ops.minimum(ops.maximum(step - decay_start, 0.0) / self.decay_steps, 1.0)
                            lr = ops.where(step < end, self._scaled(self._decay(decay_p)), self.learning_rate * self.min_lr_ratio)
                            lr = ops.where(step < decay_start, self.learning_rate, lr)
                            return ops.where(step < self.warmup_steps, self._scaled(self._warmup(warmup_p)), lr)

                        def get_config(self):
                            return {
                                "learning_rate": self.learning_rate,
                                "warmup_steps": self.warmup_steps,
                                "stable_steps": self.stable_steps,
                                "decay_steps": self.decay_steps,
                                "min_lr_ratio": self.min_lr_ratio,
                                "warmup_type": self.warmup_type,
                                "decay_type": self.decay_type,
                            }
                    """), Map.entry(
            INVERSE_SQRT, """
                    class InverseSqrtDecay(keras.optimizers.schedules.LearningRateSchedule):
                        \"""Inverse square-root decay as transformers' get_inverse_sqrt_schedule computes it (times
                        learning_rate): linear warmup from 0 over warmup_steps, then
                        learning_rate / sqrt((step - warmup_steps + timescale) / timescale).\"""

                        def __init__(self, learning_rate, warmup_steps=0, timescale=None):
                            self.learning_rate = learning_rate
                            self.warmup_steps = warmup_steps
                            self.timescale = timescale if timescale is not None else (warmup_steps or 10_000)

                        def __call__(self, step):
                            step = ops.cast(step, "float32")
                            warmup = self.learning_rate * step / max(self.warmup_steps, 1)
                            # ops.where computes both branches: the decay at a step before the warmup's end is not used.
                            after = ops.maximum(step, float(self.warmup_steps))
                            decay = self.learning_rate / ops.sqrt((after - self.warmup_steps + self.timescale) / self.timescale)
                            return ops.where(step < self.warmup_steps, warmup, decay)

                        def get_config(self):
                            return {
                                "learning_rate": self.learning_rate,
                                "warmup_steps": self.warmup_steps,
                                "timescale": self.timescale,
                            }
                    """), Map.entry(
            WARMUP, """
                    class Warmup(keras.optimizers.schedules.LearningRateSchedule):
                        \"""A linear warmup in front of any schedule, as transformers' get_*_schedule_with_warmup: for the first
                        warmup_steps units, schedule(0) * (start_factor + (1 - start_factor) * t / warmup_steps); then the
                        schedule, started warmup_steps units late. A unit is steps_per_unit updates (1, or the batches of an
                        epoch).\"""

                        def __init__(self, schedule, warmup_steps, start_factor=0.0, steps_per_unit=1):
                            self.schedule = schedule
                            self.warmup_steps = warmup_steps
                            self.start_factor = start_factor
                            self.steps_per_unit = steps_per_unit

                        def __call__(self, step):
                            t = ops.floor_divide(step, self.steps_per_unit)
                            ramp = self.schedule(0) * (self.start_factor + (1 - self.start_factor) * t / self.warmup_steps)
                            # ops.where computes both branches: never call the schedule with a step before its start.
                            after = self.schedule(ops.maximum(step - self.warmup_steps * self.steps_per_unit, 0))
                            return ops.where(t < self.warmup_steps, ramp, after)

                        def get_config(self):
                            return {
                                "schedule": keras.optimizers.schedules.serialize(self.schedule),
                                "warmup_steps": self.warmup_steps,
                                "start_factor": self.start_factor,
                                "steps_per_unit": self.steps_per_unit,
                            }

                        @classmethod
                        def from_config(cls, config):
                            schedule = keras.optimizers.schedules.deserialize(config["schedule"])
                            return cls(schedule, config["warmup_steps"], config["start_factor"], config["steps_per_unit"])
                    """));

    private KerasClasses() {
    }

    /** The class's source, registered so that a saved model can be loaded again. */
    static String source(String name) {
        String source = SOURCES.get(name);
        if (source == null) {
            throw new IllegalArgumentException("no Keras class " + name);
        }
        return REGISTER + source.strip();
    }
}
