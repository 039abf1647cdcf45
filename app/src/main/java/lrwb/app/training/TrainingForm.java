package lrwb.app.training;

import lrwb.app.files.ScheduleLibrary;
import lrwb.app.form.FormErrors;
import lrwb.app.form.InputField;
import lrwb.app.form.RunSetup;
import lrwb.app.form.RunSetupForm;
import lrwb.engine.schedule.InvalidSpecException;
import lrwb.engine.train.TrainingRequest;

/** The Training workspace's inputs: the setup shared with the LR Finder, the number of epochs and the schedule. */
public final class TrainingForm {
    static final int MAX_EPOCHS = TrainingRequest.MAX_EPOCHS;

    private final RunSetupForm setup = new RunSetupForm();
    private final InputField epochs = new InputField("epochs", "10");
    private final ScheduleChoice schedule;

    public TrainingForm(ScheduleLibrary library) {
        schedule = new ScheduleChoice(library);
    }

    public RunSetupForm setup() {
        return setup;
    }

    public InputField epochs() {
        return epochs;
    }

    public ScheduleChoice schedule() {
        return schedule;
    }

    /** A complete request named after what it trains, or null with a message at every wrong field. */
    public TrainingRequest read(FormErrors errors) {
        RunSetup s = setup.read(errors);
        long e = epochs.integer(errors);
        if (!epochs.hasError() && (e < 1 || e > MAX_EPOCHS)) {
            errors.add(epochs, "epochs must be a whole number from 1 to " + MAX_EPOCHS + " (got " + epochs.text() + ")");
        }
        ScheduleChoice.Chosen chosen = schedule.read(errors);
        if (s == null || chosen == null || !errors.isEmpty()) {
            return null;
        }
        String name = s.data().source() + " · " + s.model().describe() + " · " + s.optimizer().shortName() + " · " + chosen.label();
        try {
            return new TrainingRequest(s.data(), s.model(), s.optimizer(), chosen.spec(), (int) e, s.batchSize(), s.seed(), name);
        } catch (InvalidSpecException ex) {
            errors.add(ex.field().equals("epochs") ? epochs : setup.batch(), ex.getMessage());
            return null;
        }
    }
}
