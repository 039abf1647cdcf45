package lrwb.engine.schedule;

/**
 * One learning-rate schedule as specs/schedules.md defines it: an immutable value that the chart, the
 * JSON file, the code export and the trainer all read. Instances are valid by construction: every
 * constructor checks the spec's rules and throws {@link InvalidSpecException} naming the field.
 */
public sealed interface ScheduleSpec permits FormulaSchedule, PlateauSchedule {

    /** The JSON {@code type} name, e.g. {@code cyclic}. */
    String type();

    Unit unit();

    /** The learning rate before any update: what the chart starts at and plateau starts from. */
    double initialLr();
}
