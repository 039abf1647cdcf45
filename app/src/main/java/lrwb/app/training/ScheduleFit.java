package lrwb.app.training;

import lrwb.engine.schedule.CosineSchedule;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.LinearSchedule;
import lrwb.engine.schedule.OneCycleSchedule;
import lrwb.engine.schedule.PolynomialSchedule;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.schedule.SequentialSchedule;
import lrwb.engine.schedule.Unit;
import lrwb.engine.schedule.WarmedUpSchedule;
import lrwb.engine.schedule.Warmup;
import lrwb.engine.schedule.WsdSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A schedule with a length of its own (one-cycle's totalSteps, warmup + cosine decay, a linear ramp, a polynomial
 * decay) against the run it is trained in: whether they differ and, if so, the schedule stretched to the run, as
 * fastai's fit_one_cycle does. A one-cycle of 10,000 steps in an 80-iteration run never leaves its first ramp; a
 * cosine of 10,000 steps in 15,000 sits at its floor for the last third. Schedules without an end (constant, step,
 * cyclic, ...) always fit.
 */
public final class ScheduleFit {
    private ScheduleFit() {
    }

    /** The schedule's own length in its unit (iterations or epochs), or empty when it has none. */
    public static Optional<Long> ownLength(ScheduleSpec spec) {
        if (spec instanceof WarmedUpSchedule w) {
            return ownLength(w.schedule()).map(l -> w.warmup().steps() + l); // the schedule starts after its warmup
        } else if (spec instanceof OneCycleSchedule o) {
            return Optional.of(o.totalSteps());
        } else if (spec instanceof CosineSchedule c) {
            return Optional.of(c.warmupSteps() + c.decaySteps());
        } else if (spec instanceof LinearSchedule l && l.endFactor() != 1.0) {
            return Optional.of(l.totalSteps()); // a warmup to 1.0 (the default end) then holds, which is no length to fit
        } else if (spec instanceof PolynomialSchedule p && !p.cycle()) {
            return Optional.of(p.decaySteps());
        } else if (spec instanceof WsdSchedule w) {
            return Optional.of(w.totalSteps()); // warmup + stable + decay: then it sits at its floor
        } else if (spec instanceof SequentialSchedule q && sameUnit(q)) {
            // warmup then cosine, ...: the last part starts at the last milestone and lasts its own length
            Optional<Long> last = ownLength(q.schedules().get(q.schedules().size() - 1));
            long start = q.milestones().isEmpty() ? 0 : q.milestones().get(q.milestones().size() - 1);
            return last.map(l -> start + l);
        }
        return Optional.empty();
    }

    /** Parts counted in the unit of the whole: their lengths and the milestones add up. */
    private static boolean sameUnit(SequentialSchedule q) {
        return q.schedules().stream().allMatch(p -> p.unit() == q.unit());
    }

    /** The run's length in the schedule's unit: its epochs, or epochs × batches per epoch. */
    static long runLength(ScheduleSpec spec, int epochs, int stepsPerEpoch) {
        return spec.unit() == Unit.EPOCH ? epochs : (long) epochs * stepsPerEpoch;
    }

    /** One line saying how the schedule's length differs from the run's, or empty when it fits. */
    public static Optional<String> mismatch(ScheduleSpec spec, int epochs, int stepsPerEpoch) {
        Optional<Long> own = ownLength(spec);
        long run = runLength(spec, epochs, stepsPerEpoch);
        if (own.isEmpty() || own.get() == run || run < 1) {
            return Optional.empty();
        }
        String unit = spec.unit() == Unit.EPOCH ? "epochs" : "iterations";
        String plan = spec.unit() == Unit.EPOCH ? " epochs" : " (" + epochs + " epochs × " + stepsPerEpoch + " batches)";
        return Optional.of(String.format(Locale.ROOT, "This %s schedule lasts %,d %s; the run has %,d%s.", spec.type(), own.get(),
                unit, run, plan));
    }

    /** The schedule stretched (or shrunk) to the run's length; its shape (warmup share, peak, ends) stays. */
    public static ScheduleSpec stretched(ScheduleSpec spec, int epochs, int stepsPerEpoch) {
        return stretchedTo(spec, Math.max(1, runLength(spec, epochs, stepsPerEpoch)));
    }

    /** The schedule lasting {@code run} steps of its unit. */
    static ScheduleSpec stretchedTo(ScheduleSpec spec, long run) {
        if (spec instanceof WarmedUpSchedule w && ownLength(w).isPresent()) {
            // the warmup keeps its share of the run, and a step of it; the schedule gets the rest (a step at least)
            long warmup = Math.max(1, Math.round((double) w.warmup().steps() * run / ownLength(w).orElseThrow()));
            warmup = Math.max(1, Math.min(warmup, run - 1));
            return new WarmedUpSchedule((FormulaSchedule) stretchedTo(w.schedule(), Math.max(1, run - warmup)),
                    new Warmup(warmup, w.warmup().startFactor()));
        } else if (spec instanceof SequentialSchedule q && ownLength(q).isPresent()) {
            return stretchedSequence(q, run);
        } else if (spec instanceof OneCycleSchedule o) {
            return new OneCycleSchedule(o.maxLr(), run, o.pctStart(), o.anneal(), o.divFactor(), o.finalDivFactor(),
                    o.threePhase(), o.unit());
        } else if (spec instanceof CosineSchedule c) {
            long warmup = c.warmupSteps() == 0 ? 0
                    : Math.max(1, Math.round((double) c.warmupSteps() * run / (c.warmupSteps() + c.decaySteps())));
            warmup = Math.min(warmup, run - 1);
            return new CosineSchedule(c.lr(), Math.max(1, run - warmup), c.alpha(), warmup, c.warmupTarget(), c.unit());
        } else if (spec instanceof LinearSchedule l) {
            return new LinearSchedule(l.lr(), l.startFactor(), l.endFactor(), run, l.unit());
        } else if (spec instanceof PolynomialSchedule p) {
            return new PolynomialSchedule(p.lr(), run, p.endLr(), p.power(), p.cycle(), p.unit());
        } else if (spec instanceof WsdSchedule w) {
            return stretchedWsd(w, run);
        }
        return spec;
    }

    /** The three phases scaled by the same factor, adding up to the run exactly; a warmup and the decay keep a step at least. */
    private static WsdSchedule stretchedWsd(WsdSchedule w, long run) {
        double factor = (double) run / w.totalSteps();
        long warmup = w.warmupSteps() == 0 ? 0 : Math.max(1, Math.round(w.warmupSteps() * factor));
        long decay = Math.max(1, Math.round(w.decaySteps() * factor));
        if (warmup + decay > run) { // a run of a step or two: the decay first, then what is left for the warmup
            decay = Math.max(1, Math.min(decay, run - warmup));
            warmup = Math.max(0, Math.min(warmup, run - decay));
        }
        long stable = Math.max(0, run - warmup - decay);
        return new WsdSchedule(w.lr(), warmup, stable, decay, w.minLrRatio(), w.warmupType(), w.decayType(), w.unit());
    }

    /** Every milestone and part scaled by the same factor, so a 5 % warmup stays 5 % of the run. */
    private static SequentialSchedule stretchedSequence(SequentialSchedule q, long run) {
        double factor = (double) run / ownLength(q).orElseThrow();
        List<Long> milestones = new ArrayList<>();
        long previous = 0;
        for (long m : q.milestones()) {
            long at = Math.max(previous + 1, Math.round(m * factor));
            milestones.add(at);
            previous = at;
        }
        List<FormulaSchedule> parts = new ArrayList<>();
        for (int i = 0; i < q.schedules().size(); i++) {
            FormulaSchedule part = q.schedules().get(i);
            long start = i == 0 ? 0 : milestones.get(i - 1);
            long end = i < milestones.size() ? milestones.get(i) : Math.max(start + 1, run);
            // a warmup ramp (linear to 1.0) has no end of its own, but in a sequence it lasts until the next part
            boolean hasLength = ownLength(part).isPresent() || part instanceof LinearSchedule;
            parts.add(hasLength ? (FormulaSchedule) stretchedTo(part, Math.max(1, end - start)) : part);
        }
        return new SequentialSchedule(parts, milestones, q.unit());
    }

    /** How long the stretched schedule lasts, for the button that offers it: "Fit to this run (80 iterations)". */
    static String fitLabel(ScheduleSpec spec, int epochs, int stepsPerEpoch) {
        long run = runLength(spec, epochs, stepsPerEpoch);
        return String.format(Locale.ROOT, "Fit to this run (%,d %s)", run, spec.unit() == Unit.EPOCH ? "epochs" : "iterations");
    }
}
