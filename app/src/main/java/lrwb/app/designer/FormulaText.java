package lrwb.app.designer;

import lrwb.app.chart.NumberLabels;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.CosineRestartsSchedule;
import lrwb.engine.schedule.CosineSchedule;
import lrwb.engine.model.MomentumCycling;
import lrwb.engine.schedule.CyclesMomentum;
import lrwb.engine.schedule.CyclicSchedule;
import lrwb.engine.schedule.ExponentialSchedule;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.InverseSqrtSchedule;
import lrwb.engine.schedule.InverseTimeSchedule;
import lrwb.engine.schedule.LinearSchedule;
import lrwb.engine.schedule.MomentumCurve;
import lrwb.engine.schedule.MultiStepSchedule;
import lrwb.engine.schedule.NaturalExpSchedule;
import lrwb.engine.schedule.OneCycleSchedule;
import lrwb.engine.schedule.PiecewiseSchedule;
import lrwb.engine.schedule.PlateauSchedule;
import lrwb.engine.schedule.PolynomialSchedule;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.schedule.SequentialSchedule;
import lrwb.engine.schedule.StepSchedule;
import lrwb.engine.schedule.Unit;
import lrwb.engine.schedule.WarmedUpSchedule;
import lrwb.engine.schedule.WsdSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The formula of a schedule as specs/schedules.md writes it, then the same formula with the current numbers,
 * then a few values it gives: for reading in class what a slider just did.
 */
public final class FormulaText {
    private FormulaText() {
    }

    /**
     * @param totalSteps    iterations on the chart (for the sample values and restart positions)
     * @param stepsPerEpoch for epoch-unit schedules
     */
    public static String describe(ScheduleSpec spec, int totalSteps, int stepsPerEpoch) {
        List<String> lines = new ArrayList<>(formula(spec, totalSteps, stepsPerEpoch));
        MomentumCurve momentum = MomentumCurve.of(spec).orElse(null);
        if (momentum != null) {
            lines.add("");
            lines.addAll(momentum(spec, momentum.cycle()));
        } else if (spec instanceof CyclesMomentum) {
            lines.add("momentum: not cycled (cycleMomentum is off): the optimizer's own momentum holds");
        }
        MomentumCurve.unusedIn(spec).ifPresent(note -> lines.add(note.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                + note.substring(1)));
        if (spec instanceof FormulaSchedule f) {
            lines.add("");
            lines.add(samples(f, totalSteps, stepsPerEpoch));
            if (momentum != null) {
                lines.add(momentumSamples(momentum, totalSteps, stepsPerEpoch));
            }
        }
        return String.join("\n", lines);
    }

    /**
     * The momentum formula of a schedule that cycles it (specs/schedules.md, "Cyclical momentum"); it runs opposite
     * the LR with the same phases and shape, and holds at its first value through a warmup in front.
     */
    private static List<String> momentum(ScheduleSpec spec, CyclesMomentum c) {
        List<String> out = new ArrayList<>();
        if (spec instanceof WarmedUpSchedule w) {
            out.add("t < " + w.warmup().steps() + ":  momentum(t) = maxMomentum = " + n(c.maxMomentum())
                    + "  (held through the warmup; then the cycle starts " + w.warmup().steps() + " steps late)");
        }
        if (c instanceof CyclicSchedule s) {
            out.add("momentum(t) = maxMomentum − (maxMomentum − baseMomentum) · s(t) · f");
            out.add("            = " + n(s.maxMomentum()) + " − (" + n(s.maxMomentum()) + " − " + n(s.baseMomentum()) + ") · s(t) · f");
        } else if (c instanceof OneCycleSchedule s) {
            long up = Math.round(s.pctStart() * s.totalSteps()) - 1;
            String shape = s.anneal() == OneCycleSchedule.Anneal.COS ? "cosine" : "linearly";
            String max = "maxMomentum " + n(s.maxMomentum());
            String base = "baseMomentum " + n(s.baseMomentum());
            out.add(s.threePhase()
                    ? "momentum falls " + shape + " from " + max + " to " + base + " by step " + up + ", back up by step "
                            + (2 * up) + ", then holds"
                    : "momentum falls " + shape + " from " + max + " to " + base + " by step " + up + ", then rises back by step "
                            + (s.totalSteps() - 1));
        }
        out.add("It drives the optimizer's momentum: " + MomentumCycling.drives().replaceFirst("^it drives ", ""));
        return out;
    }

    private static String momentumSamples(MomentumCurve m, int totalSteps, int spe) {
        return "Momentum at iteration " + valuesAt(totalSteps, t -> m.atIteration(t, spe));
    }

    private static List<String> formula(ScheduleSpec spec, int totalSteps, int spe) {
        List<String> out = new ArrayList<>();
        if (spec instanceof WarmedUpSchedule w) {
            long steps = w.warmup().steps();
            double s = w.warmup().startFactor();
            out.add("t < " + steps + ":  lr(t) = f(0) · (startFactor + (1 − startFactor) · t / " + steps + ")");
            out.add("          = " + n(w.schedule().lrAtIteration(0, spe)) + " · (" + n(s) + " + " + n(1 - s) + " · t / " + steps + ")");
            out.add("t ≥ " + steps + ":  lr(t) = f(t − " + steps + "), f being " + ScheduleTypes.title(w.type()) + ":");
            for (String line : formula(w.schedule(), totalSteps, spe)) {
                out.add("    " + line);
            }
            return out;
        }
        if (spec instanceof ConstantSchedule s) {
            out.add("lr(t) = lr");
            out.add("      = " + n(s.lr()));
        } else if (spec instanceof StepSchedule s) {
            out.add("lr(t) = lr · gamma^floor(t / stepSize)");
            out.add("      = " + n(s.lr()) + " · " + n(s.gamma()) + "^floor(t / " + s.stepSize() + ")");
        } else if (spec instanceof MultiStepSchedule s) {
            out.add("lr(t) = lr · gamma^(number of milestones ≤ t)");
            out.add("      = " + n(s.lr()) + " · " + n(s.gamma()) + "^(number of {" + join(s.milestones()) + "} ≤ t)");
        } else if (spec instanceof PiecewiseSchedule s) {
            out.add("lr(t) = values[i] for boundaries[i−1] < t ≤ boundaries[i]");
            List<Long> b = s.boundaries();
            out.add("      = " + n(s.values().get(0)) + "  for t ≤ " + b.get(0));
            for (int i = 1; i < b.size(); i++) {
                out.add("        " + n(s.values().get(i)) + "  for " + b.get(i - 1) + " < t ≤ " + b.get(i));
            }
            out.add("        " + n(s.values().get(b.size())) + "  for t > " + b.get(b.size() - 1));
        } else if (spec instanceof ExponentialSchedule s) {
            String p = s.staircase() ? "floor(t / decaySteps)" : "t / decaySteps";
            out.add("lr(t) = lr · decayRate^(" + p + ")");
            out.add("      = " + n(s.lr()) + " · " + n(s.decayRate()) + "^(" + p.replace("decaySteps", Long.toString(s.decaySteps())) + ")");
        } else if (spec instanceof NaturalExpSchedule s) {
            out.add("lr(t) = lr · e^(−k·t)");
            out.add("      = " + n(s.lr()) + " · e^(−" + n(s.k()) + "·t)");
        } else if (spec instanceof InverseTimeSchedule s) {
            String p = s.staircase() ? "floor(t / decaySteps)" : "t / decaySteps";
            out.add("lr(t) = lr / (1 + decayRate · " + p + ")");
            out.add("      = " + n(s.lr()) + " / (1 + " + n(s.decayRate()) + " · " + p.replace("decaySteps", Long.toString(s.decaySteps())) + ")");
        } else if (spec instanceof PolynomialSchedule s) {
            if (s.cycle()) {
                out.add("lr(t) = (lr − endLr) · (1 − t/D)^power + endLr,  D = decaySteps · max(1, ceil(t / decaySteps))");
                out.add("      = (" + n(s.lr()) + " − " + n(s.endLr()) + ") · (1 − t/D)^" + n(s.power()) + " + " + n(s.endLr())
                        + ",  D = " + s.decaySteps() + " · max(1, ceil(t / " + s.decaySteps() + "))");
            } else {
                out.add("lr(t) = (lr − endLr) · (1 − min(t, decaySteps) / decaySteps)^power + endLr");
                out.add("      = (" + n(s.lr()) + " − " + n(s.endLr()) + ") · (1 − min(t, " + s.decaySteps() + ") / "
                        + s.decaySteps() + ")^" + n(s.power()) + " + " + n(s.endLr()));
            }
        } else if (spec instanceof CosineSchedule s) {
            if (s.warmupTarget() == null) {
                out.add("lr(t) = lr · ((1 − alpha) · (1 + cos(π · min(t, D) / D)) / 2 + alpha),  D = decaySteps");
                out.add("      = " + n(s.lr()) + " · (" + n(1 - s.alpha()) + " · (1 + cos(π · min(t, " + s.decaySteps() + ") / "
                        + s.decaySteps() + ")) / 2 + " + n(s.alpha()) + ")");
            } else {
                long w = s.warmupSteps();
                out.add("t < warmupSteps:  lr(t) = lr + (warmupTarget − lr) · t / warmupSteps");
                out.add("                        = " + n(s.lr()) + " + (" + n(s.warmupTarget()) + " − " + n(s.lr()) + ") · t / " + w);
                out.add("t ≥ warmupSteps:  lr(t) = warmupTarget · ((1 − alpha) · (1 + cos(π · min(t − W, D) / D)) / 2 + alpha)");
                out.add("                        = " + n(s.warmupTarget()) + " · (" + n(1 - s.alpha()) + " · (1 + cos(π · min(t − " + w
                        + ", " + s.decaySteps() + ") / " + s.decaySteps() + ")) / 2 + " + n(s.alpha()) + ")");
            }
        } else if (spec instanceof CosineRestartsSchedule s) {
            out.add("period i: firstDecaySteps · tMul^i steps, peak lr · mMul^i;");
            out.add("at fraction f of period i:");
            out.add("lr = lr · ((1 − alpha) · mMul^i · (1 + cos(π · f)) / 2 + alpha)");
            out.add("   = " + n(s.lr()) + " · (" + n(1 - s.alpha()) + " · " + n(s.mMul()) + "^i · (1 + cos(π · f)) / 2 + " + n(s.alpha()) + ")");
            out.add("restarts at t = " + restarts(s, horizon(s, totalSteps, spe)));
        } else if (spec instanceof LinearSchedule s) {
            out.add("lr(t) = lr · (startFactor + (endFactor − startFactor) · min(t, totalSteps) / totalSteps)");
            out.add("      = " + n(s.lr()) + " · (" + n(s.startFactor()) + " + (" + n(s.endFactor()) + " − " + n(s.startFactor())
                    + ") · min(t, " + s.totalSteps() + ") / " + s.totalSteps() + ")");
        } else if (spec instanceof CyclicSchedule s) {
            String f = switch (s.mode()) {
                case TRIANGULAR -> "1";
                case TRIANGULAR2 -> "1 / 2^(cycle − 1)";
                case EXP_RANGE -> n(s.gamma()) + "^t";
            };
            out.add("lr(t) = baseLr + (maxLr − baseLr) · s(t) · f");
            out.add("      = " + n(s.baseLr()) + " + (" + n(s.maxLr()) + " − " + n(s.baseLr()) + ") · s(t) · " + f);
            out.add("s rises 0 → 1 over " + s.stepSizeUp() + " steps, falls 1 → 0 over " + s.stepSizeDown() + ";");
            out.add("cycle = floor(1 + t / " + (s.stepSizeUp() + s.stepSizeDown()) + ")");
        } else if (spec instanceof OneCycleSchedule s) {
            long up = Math.round(s.pctStart() * s.totalSteps()) - 1;
            out.add("start = maxLr / divFactor = " + n(s.maxLr()) + " / " + n(s.divFactor()) + " = " + sig(s.initialValue()));
            out.add("min = start / finalDivFactor = " + sig(s.initialValue()) + " / " + n(s.finalDivFactor()) + " = " + sig(s.minValue()));
            String shape = s.anneal() == OneCycleSchedule.Anneal.COS ? "cosine" : "linearly";
            if (s.threePhase()) {
                out.add("rises " + shape + " to maxLr " + n(s.maxLr()) + " by step " + up + ", back to start by step "
                        + (2 * up) + ", then to min at step " + (s.totalSteps() - 1));
            } else {
                out.add("rises " + shape + " to maxLr " + n(s.maxLr()) + " by step " + up + ", then falls to min at step "
                        + (s.totalSteps() - 1));
            }
        } else if (spec instanceof WsdSchedule s) {
            wsd(s, out);
        } else if (spec instanceof InverseSqrtSchedule s) {
            if (s.warmupSteps() > 0) {
                out.add("t < warmupSteps:  lr(t) = lr · t / warmupSteps");
                out.add("                        = " + n(s.lr()) + " · t / " + s.warmupSteps());
                out.add("t ≥ warmupSteps:  lr(t) = lr / √((t − warmupSteps + timescale) / timescale)");
                out.add("                        = " + n(s.lr()) + " / √((t − " + s.warmupSteps() + " + " + s.timescale() + ") / "
                        + s.timescale() + ")");
            } else {
                out.add("lr(t) = lr / √((t + timescale) / timescale)");
                out.add("      = " + n(s.lr()) + " / √((t + " + s.timescale() + ") / " + s.timescale() + ")");
            }
            out.add("halves " + (3 * s.timescale()) + " steps after the warmup, quarters after " + (15 * s.timescale()));
        } else if (spec instanceof SequentialSchedule s) {
            List<Long> m = s.milestones();
            for (int i = 0; i < s.schedules().size(); i++) {
                FormulaSchedule part = s.schedules().get(i);
                String range = i == 0 ? (m.isEmpty() ? "all t" : "t < " + m.get(0))
                        : i == m.size() ? "t ≥ " + m.get(i - 1) : m.get(i - 1) + " ≤ t < " + m.get(i);
                String local = i == 0 ? "t" : "t − " + m.get(i - 1);
                out.add("Part " + (i + 1) + ", " + range + ": " + ScheduleTypes.title(part.type()) + " at " + local);
                for (String line : formula(part, totalSteps, spe)) {
                    out.add("    " + line);
                }
            }
        } else if (spec instanceof PlateauSchedule s) {
            boolean min = s.mode() == PlateauSchedule.Mode.MIN;
            boolean rel = s.thresholdMode() == PlateauSchedule.ThresholdMode.REL;
            String better = min ? (rel ? "< best · (1 − " + n(s.threshold()) + ")" : "< best − " + n(s.threshold()))
                    : (rel ? "> best · (1 + " + n(s.threshold()) + ")" : "> best + " + n(s.threshold()));
            out.add("lr starts at " + n(s.lr()) + ".");
            out.add("After each epoch: " + s.monitor().json() + " is better if " + better);
            out.add("More than " + s.patience() + " epochs without better:  lr ← max(lr · " + n(s.factor())
                    + ", " + n(s.minLr()) + ")");
            out.add("Then wait " + s.cooldown() + " epoch(s) before counting again.");
            out.add("Cuts smaller than eps = " + n(s.eps()) + " are skipped.");
        }
        if (spec.unit() == Unit.EPOCH) {
            out.add("t counts epochs: t = floor(iteration / " + spe + ")");
        }
        return out;
    }

    /** The four phases, each with its shape f and the numbers in it. */
    private static void wsd(WsdSchedule s, List<String> out) {
        long w = s.warmupSteps();
        long decayStart = w + s.stableSteps();
        long end = s.totalSteps();
        out.add("lr(t) = lr · (f · (1 − minLrRatio) + minLrRatio) in the warmup and the decay");
        out.add("      = " + n(s.lr()) + " · (f · " + n(1 - s.minLrRatio()) + " + " + n(s.minLrRatio()) + ")");
        if (w > 0) {
            String f = switch (s.warmupType()) {
                case LINEAR -> "p";
                case COSINE -> "(1 − cos(π · p)) / 2";
                case ONE_MINUS_SQRT -> "1 − √(1 − p)";
            };
            out.add("warmup  t < " + w + ":  f = " + f + ",  p = t / " + w + "  (" + s.warmupType().json() + ")");
        }
        if (s.stableSteps() > 0) {
            out.add("stable  " + w + " ≤ t < " + decayStart + ":  lr(t) = " + n(s.lr()));
        }
        String f = switch (s.decayType()) {
            case COSINE -> "(1 + cos(π · p)) / 2";
            case LINEAR -> "1 − p";
            case ONE_MINUS_SQRT -> "1 − √p";
            case SQUARE -> "1 − p²";
        };
        out.add("decay   " + decayStart + " ≤ t < " + end + ":  f = " + f + ",  p = (t − " + decayStart + ") / " + s.decaySteps()
                + "  (" + s.decayType().json() + ")");
        out.add("after   t ≥ " + end + ":  lr(t) = lr · minLrRatio = " + n(s.lr() * s.minLrRatio()));
    }

    private static long horizon(ScheduleSpec s, int totalSteps, int spe) {
        return s.unit() == Unit.EPOCH ? Math.max(1, totalSteps / spe) : totalSteps;
    }

    private static String restarts(CosineRestartsSchedule s, long horizon) {
        List<String> at = new ArrayList<>();
        double start = 0;
        double period = s.firstDecaySteps();
        while (start + period < horizon && at.size() < 8) {
            start += period;
            period *= s.tMul();
            at.add(NumberLabels.significant(start, 6));
        }
        return at.isEmpty() ? "none within the chart" : String.join(", ", at) + (start + period < horizon ? ", …" : "");
    }

    private static String samples(FormulaSchedule f, int totalSteps, int spe) {
        return "At iteration " + valuesAt(totalSteps, t -> f.lrAtIteration(t, spe));
    }

    /** "0 → v,  2,499 → v, ..." at the start, the quarters and the end of the chart. */
    private static String valuesAt(int totalSteps, java.util.function.LongToDoubleFunction value) {
        long last = Math.max(0, totalSteps - 1);
        long[] at = {0, last / 4, last / 2, 3 * last / 4, last};
        List<String> parts = new ArrayList<>();
        long previous = -1;
        for (long t : at) {
            if (t != previous) {
                parts.add(NumberLabels.significant(t, 7) + " → " + sig(value.applyAsDouble(t)));
                previous = t;
            }
        }
        return String.join(",  ", parts);
    }

    /**
     * A number for reading: exact when short (0.1, 2e-4, 10000), else rounded to 4 significant digits, so a
     * value handed over from a range test reads 3.107e-4, not 0.00031066237622244595.
     */
    static String n(double v) {
        String exact = FieldCodec.number(v);
        if (exact.replaceAll("e.*$", "").replaceAll("[^0-9]", "").replaceAll("^0+", "").length() <= 5 || Math.abs(v) >= 1e5) {
            return exact;
        }
        return NumberLabels.significant(v, 4).replace(",", "");
    }

    private static String sig(double v) {
        return NumberLabels.significant(v, 4);
    }

    private static String join(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
