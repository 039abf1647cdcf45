package lrwb.app.sweeps;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lrwb.app.form.FormErrors;
import lrwb.app.form.InputField;
import lrwb.app.form.RunSetup;
import lrwb.app.form.RunSetupForm;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.InvalidSpecException;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.sweep.GridDraft;
import lrwb.engine.train.TrainingRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * The Sweeps workspace's grid form: the base run (the data, network, optimizer, batch size and seed that Training and
 * the LR Finder share, the epochs and a base LR) and the axes (the LR as a log range or a list, optimizers, seeds,
 * schedules). {@link #read} gives the typed grid or null with a message at every wrong field; {@link #cellCount}
 * says, while the user types, how many cells the axes make.
 */
public final class SweepForm {
    private final InputField name = new InputField("name", "LR sensitivity");
    private final RunSetupForm setup = new RunSetupForm(false);
    private final InputField epochs = new InputField("epochs", "10");
    private final InputField baseLr = new InputField("base LR", "0.01");
    private final ObjectProperty<LrAxisMode> lrMode = new SimpleObjectProperty<>(this, "lrMode", LrAxisMode.RANGE);
    private final InputField lrFrom = new InputField("LR from", "1e-4");
    private final InputField lrTo = new InputField("LR to", "1");
    private final InputField lrPoints = new InputField("points", "9");
    private final InputField lrList = new InputField("LRs", "0.001, 0.01, 0.1");
    private final InputField optimizers = new InputField("optimizers", "sgd, momentum:0.9, adam");
    private final InputField seeds = new InputField("seeds", "");
    private final ObservableList<ScheduleSpec> schedules = FXCollections.observableArrayList();
    private final BooleanProperty stopDiverged = new SimpleBooleanProperty(this, "stopDiverged", true);

    public InputField name() {
        return name;
    }

    public RunSetupForm setup() {
        return setup;
    }

    public InputField epochs() {
        return epochs;
    }

    /** The constant LR of the base run: what every cell trains with when neither the LR nor the schedule is an axis. */
    public InputField baseLr() {
        return baseLr;
    }

    public ObjectProperty<LrAxisMode> lrModeProperty() {
        return lrMode;
    }

    public InputField lrFrom() {
        return lrFrom;
    }

    public InputField lrTo() {
        return lrTo;
    }

    public InputField lrPoints() {
        return lrPoints;
    }

    public InputField lrList() {
        return lrList;
    }

    /** Comma-separated optimizers ({@code sgd, momentum:0.9, adam}); empty: the base optimizer only. */
    public InputField optimizers() {
        return optimizers;
    }

    /** Comma-separated seeds; empty: the base seed only. */
    public InputField seeds() {
        return seeds;
    }

    /** The schedule axis: empty for none (each cell trains at a constant LR). */
    public ObservableList<ScheduleSpec> schedules() {
        return schedules;
    }

    public BooleanProperty stopDivergedProperty() {
        return stopDiverged;
    }

    /** The fields whose text changes the grid (for a live count and check). */
    List<InputField> gridFields() {
        return List.of(name, setup.dataset(), setup.model(), setup.optimizer(), setup.batch(), setup.valSplit(), setup.seed(),
                setup.normalize(), epochs, baseLr, lrFrom, lrTo, lrPoints, lrList, optimizers, seeds);
    }

    /**
     * How many cells the axes make, and of what, without judging the values: "27 cells: 9 LRs × 3 optimizers",
     * "1 cell". An axis whose size cannot be read yet (points not a number) counts as one value.
     */
    public String cellCount() {
        List<String> parts = new ArrayList<>();
        long total = 1;
        int lrs = switch (lrMode.get()) {
            case RANGE -> {
                try {
                    yield Math.max(0, Integer.parseInt(lrPoints.text()));
                } catch (NumberFormatException e) {
                    yield 1;
                }
            }
            case LIST -> AxisLists.count(lrList.text());
            case NONE -> 0;
        };
        int[] sizes = {lrs, AxisLists.optimizerCount(optimizers.text()), schedules.size(), AxisLists.count(seeds.text())};
        String[] words = {"LR", "optimizer", "schedule", "seed"};
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] > 0) {
                total *= sizes[i];
                parts.add(sizes[i] + " " + words[i] + (sizes[i] == 1 ? "" : "s"));
            }
        }
        String cells = String.format("%,d", total) + (total == 1 ? " cell" : " cells");
        return parts.isEmpty() ? cells + ": the base run alone" : cells + ": " + String.join(" × ", parts);
    }

    /**
     * The grid the form describes, or null with a message at every wrong field. The values are the engine's types
     * (so the engine's rules and messages apply); that the cells make valid runs is the engine's check
     * ({@link GridDraft#grid()}).
     */
    public GridDraft read(FormErrors errors) {
        RunSetup s = setup.read(errors);
        long e = epochs.integer(errors);
        if (!epochs.hasError() && (e < 1 || e > TrainingRequest.MAX_EPOCHS)) {
            errors.add(epochs, "epochs must be a whole number from 1 to " + TrainingRequest.MAX_EPOCHS + " (got " + epochs.text() + ")");
        }
        double lr = baseLr.number(errors);
        ScheduleSpec base = null;
        if (!baseLr.hasError()) {
            try {
                base = new ConstantSchedule(lr);
            } catch (InvalidSpecException ex) {
                errors.add(baseLr, "base LR " + ex.getMessage().replaceFirst("^constant\\.lr:? ?", ""));
            }
        }
        List<Double> lrValues = List.of();
        GridDraft.LogRange range = null;
        if (lrMode.get() == LrAxisMode.RANGE) {
            double from = lrFrom.number(errors);
            double to = lrTo.number(errors);
            long points = lrPoints.integer(errors);
            if (!lrPoints.hasError() && (points < 1 || points > 10_000)) {
                errors.add(lrPoints, "points must be a whole number from 1 to 10000 (got " + lrPoints.text() + ")");
            }
            if (!lrFrom.hasError() && !(from > 0)) {
                errors.add(lrFrom, "LR from must be above 0: the range is log-spaced (got " + lrFrom.text() + ")");
            }
            if (!lrTo.hasError() && !lrFrom.hasError() && !(to >= from)) {
                errors.add(lrTo, "LR to must be at least LR from (got " + lrTo.text() + " < " + lrFrom.text() + ")");
            }
            range = new GridDraft.LogRange(from, to, (int) points);
        } else if (lrMode.get() == LrAxisMode.LIST) {
            lrValues = AxisLists.numbers(lrList, errors);
            if (!lrList.hasError() && lrValues.isEmpty()) {
                errors.add(lrList, "LRs: the list is empty; write at least one LR, or choose no LR axis");
            }
        }
        List<OptimizerSpec> optimizerValues = AxisLists.optimizers(optimizers, errors);
        List<Long> seedValues = AxisLists.wholeNumbers(seeds, errors);
        if (name.text().isEmpty()) {
            errors.add(name, "name must not be empty: it names the sweep's folder and its charts");
        }
        if (s == null || !errors.isEmpty()) {
            return null;
        }
        try {
            TrainingRequest request = new TrainingRequest(s.data(), s.model(), s.optimizer(), base, (int) e, s.batchSize(), s.seed(),
                    name.text());
            return new GridDraft(name.text(), request, lrValues, range, optimizerValues, List.copyOf(schedules), seedValues,
                    stopDiverged.get());
        } catch (InvalidSpecException ex) {
            errors.add(ex.field().equals("epochs") ? epochs : setup.batch(), ex.getMessage());
            return null;
        }
    }

    /**
     * The field an engine message about the grid is about, from the field it names ({@code axes.optimizer[1]},
     * {@code base.model}, {@code schedule cosine.lr}); null when it is about the grid as a whole (too many cells).
     */
    InputField fieldFor(String field) {
        String f = field == null ? "" : field.toLowerCase(java.util.Locale.ROOT);
        boolean axis = f.startsWith("axes.");
        if (f.contains("optimizer")) {
            return axis ? optimizers : setup.optimizer();
        }
        if (f.contains("seed")) {
            return axis ? seeds : setup.seed();
        }
        if (f.startsWith("axes.lr")) {
            return lrMode.get() == LrAxisMode.LIST ? lrList : lrPoints.text().isEmpty() ? lrFrom : f.contains("points") ? lrPoints : lrFrom;
        }
        if (f.contains("schedule") || f.contains("lr")) {
            return switch (lrMode.get()) {
                case RANGE -> lrFrom;
                case LIST -> lrList;
                case NONE -> baseLr;
            };
        }
        if (f.contains("epochs")) {
            return epochs;
        }
        if (f.contains("batch")) {
            return setup.batch();
        }
        if (f.contains("model")) {
            return setup.model();
        }
        if (f.contains("dataset") || f.contains("valsplit")) {
            return setup.dataset();
        }
        if (f.equals("name")) {
            return name;
        }
        return null;
    }
}
