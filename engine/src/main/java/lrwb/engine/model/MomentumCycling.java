package lrwb.engine.model;

import lrwb.engine.schedule.CyclesMomentum;
import lrwb.engine.schedule.MomentumCurve;
import lrwb.engine.schedule.NumberText;
import lrwb.engine.schedule.ScheduleSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a schedule's cycled momentum (specs/schedules.md, "Cyclical momentum") does to a given optimizer: it drives
 * {@code momentum} for momentum and nesterov and {@code beta1} for the Adam family
 * ({@link OptimizerSpec.Kind#cycledSetting()}), and nothing for the others; the run's notes and the Designer say which.
 * Training follows the curve; a range test never does: it sweeps the LR with the optimizer's own fixed momentum.
 */
public final class MomentumCycling {
    private MomentumCycling() {
    }

    /** The curve training follows with this optimizer, or empty (no cycle, or nothing in the optimizer to cycle). */
    public static Optional<MomentumCurve> followed(ScheduleSpec schedule, OptimizerSpec optimizer) {
        return optimizer.kind().cycledSetting().isEmpty() ? Optional.empty() : MomentumCurve.of(schedule);
    }

    /**
     * One line each for the run's notes (run.json {@code modelNotes}, the CLI's stderr): which setting the cycle
     * replaces, that it does nothing with an optimizer that has neither, or that a sequential's part does not cycle.
     */
    public static List<String> notes(ScheduleSpec schedule, OptimizerSpec optimizer) {
        List<String> notes = new ArrayList<>();
        MomentumCurve.of(schedule).ifPresent(curve -> {
            CyclesMomentum c = curve.cycle();
            String range = NumberText.of(c.maxMomentum()) + " and " + NumberText.of(c.baseMomentum());
            String name = optimizer.kind().optionName();
            notes.add(optimizer.kind().cycledSetting()
                    .map(setting -> "the " + c.type() + " schedule cycles " + name + "'s " + setting.key() + " between "
                            + range + " (its own " + setting.key() + " " + NumberText.of(optimizer.value(setting))
                            + " is not used)")
                    .orElse("the " + c.type() + " schedule cycles momentum, but " + name + " has neither momentum nor"
                            + " beta1: the cycle does nothing (" + drives() + ")"));
        });
        MomentumCurve.unusedIn(schedule).ifPresent(notes::add);
        return List.copyOf(notes);
    }

    /** "it drives momentum for momentum, nesterov; beta1 for adam, ...; nothing for sgd, ..." from the optimizers themselves. */
    public static String drives() {
        return "it drives momentum for " + kinds(OptimizerSetting.MOMENTUM) + "; beta1 for " + kinds(OptimizerSetting.BETA1)
                + "; nothing for " + kinds(null);
    }

    private static String kinds(OptimizerSetting setting) {
        return Arrays.stream(OptimizerSpec.Kind.values())
                .filter(k -> k.cycledSetting().orElse(null) == setting)
                .map(OptimizerSpec.Kind::optionName).collect(Collectors.joining(", "));
    }
}
