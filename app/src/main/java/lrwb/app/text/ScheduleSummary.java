package lrwb.app.text;

import lrwb.app.chart.NumberLabels;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.CosineRestartsSchedule;
import lrwb.engine.schedule.CosineSchedule;
import lrwb.engine.schedule.CyclicSchedule;
import lrwb.engine.schedule.ExponentialSchedule;
import lrwb.engine.schedule.InverseSqrtSchedule;
import lrwb.engine.schedule.InverseTimeSchedule;
import lrwb.engine.schedule.LinearSchedule;
import lrwb.engine.schedule.MultiStepSchedule;
import lrwb.engine.schedule.NaturalExpSchedule;
import lrwb.engine.schedule.PlateauSchedule;
import lrwb.engine.schedule.PolynomialSchedule;
import lrwb.engine.schedule.StepSchedule;
import lrwb.engine.schedule.OneCycleSchedule;
import lrwb.engine.schedule.PiecewiseSchedule;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.schedule.SequentialSchedule;
import lrwb.engine.schedule.WarmedUpSchedule;
import lrwb.engine.schedule.WsdSchedule;

import java.util.stream.Collectors;

/**
 * A schedule in a few words for names, legends and table cells: its type and the LR that matters most
 * ("constant 0.01", "cosine 0.1", "cyclic 0.001–0.1", "oneCycle max 0.3"). The full spec is in run.json.
 */
public final class ScheduleSummary {
    private ScheduleSummary() {
    }

    /** "–" when there is none (a damaged record). */
    public static String of(ScheduleSpec spec) {
        if (spec == null) {
            return "–";
        }
        if (spec instanceof WarmedUpSchedule w) {
            return of(w.schedule()) + " + warmup";
        }
        if (spec instanceof CyclicSchedule c) {
            return c.type() + " " + lr(c.baseLr()) + "–" + lr(c.maxLr());
        }
        if (spec instanceof OneCycleSchedule o) {
            return o.type() + " max " + lr(o.maxLr());
        }
        if (spec instanceof PiecewiseSchedule p) {
            return p.type() + " from " + lr(p.values().get(0));
        }
        if (spec instanceof SequentialSchedule s) {
            return s.type() + ": " + s.schedules().stream().map(ScheduleSpec::type).collect(Collectors.joining(" "));
        }
        return spec.type() + " " + lr(nominalLr(spec));
    }

    /** The spec's own {@code lr} (a warmup or start factor aside), as the user typed it. */
    private static double nominalLr(ScheduleSpec spec) {
        if (spec instanceof ConstantSchedule s) {
            return s.lr();
        } else if (spec instanceof StepSchedule s) {
            return s.lr();
        } else if (spec instanceof MultiStepSchedule s) {
            return s.lr();
        } else if (spec instanceof ExponentialSchedule s) {
            return s.lr();
        } else if (spec instanceof NaturalExpSchedule s) {
            return s.lr();
        } else if (spec instanceof InverseTimeSchedule s) {
            return s.lr();
        } else if (spec instanceof PolynomialSchedule s) {
            return s.lr();
        } else if (spec instanceof CosineSchedule s) {
            return s.lr();
        } else if (spec instanceof CosineRestartsSchedule s) {
            return s.lr();
        } else if (spec instanceof LinearSchedule s) {
            return s.lr();
        } else if (spec instanceof PlateauSchedule s) {
            return s.lr();
        } else if (spec instanceof WsdSchedule s) {
            return s.lr(); // its peak: a warmup starts lower, at lr·minLrRatio
        } else if (spec instanceof InverseSqrtSchedule s) {
            return s.lr(); // its peak: a warmup starts at 0
        }
        return spec.initialLr();
    }

    private static String lr(double v) {
        return NumberLabels.significant(v, 3);
    }
}
