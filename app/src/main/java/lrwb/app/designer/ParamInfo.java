package lrwb.app.designer;

import java.util.List;

/**
 * How the form presents one parameter of a schedule type: its control, the slider's range and scale, the
 * allowed names of a choice, and a one-line explanation. The spec itself stays the judge of what is valid;
 * the slider range is only where values usually are (the text field accepts anything and the spec says no).
 *
 * @param sliderMax upper end of the slider; {@link #HORIZON} means "the chart's length in the curve's unit"
 * @param optional   whether the field may be left empty (then it is absent from the JSON)
 * @param whenAbsent what the field shows while the JSON does not have it (the spec's default), or ""
 */
public record ParamInfo(String name, ParamKind kind, boolean logSlider, double sliderMin, double sliderMax,
                        List<String> choices, boolean optional, String help, String whenAbsent) {
    /** Slider maximum placeholder: the chart's length, so step sliders span what is on screen. */
    public static final double HORIZON = -1;

    public ParamInfo {
        choices = List.copyOf(choices);
    }

    /** A learning rate: log slider over the five decades where LRs live (the text field takes any value). */
    static ParamInfo lr(String name, String help) {
        return new ParamInfo(name, ParamKind.NUMBER, true, 1e-5, 1, List.of(), false, help, "");
    }

    /** A learning rate that may be absent. */
    static ParamInfo optionalLr(String name, String help) {
        return new ParamInfo(name, ParamKind.NUMBER, true, 1e-5, 1, List.of(), true, help, "");
    }

    /** A step count: integer slider from 1 to the chart's length. */
    static ParamInfo steps(String name, String help) {
        return new ParamInfo(name, ParamKind.INTEGER, false, 1, HORIZON, List.of(), false, help, "");
    }

    /** A step count that may be absent, as 0 or an empty field (a warmup's steps). */
    static ParamInfo optionalCount(String name, String help) {
        return new ParamInfo(name, ParamKind.INTEGER, false, 0, HORIZON, List.of(), true, help, "");
    }

    /** A factor in 0..1 that may be absent (then the spec's default, shown greyed). */
    static ParamInfo optionalFactor(String name, String whenAbsent, String help) {
        return new ParamInfo(name, ParamKind.NUMBER, false, 0, 1, List.of(), true, help, whenAbsent);
    }

    static ParamInfo count(String name, double max, String help) {
        return new ParamInfo(name, ParamKind.INTEGER, false, 0, max, List.of(), false, help, "");
    }

    /** A number on a linear slider. */
    static ParamInfo linear(String name, double min, double max, String help) {
        return new ParamInfo(name, ParamKind.NUMBER, false, min, max, List.of(), false, help, "");
    }

    /** A factor in 0..1. */
    static ParamInfo factor(String name, String help) {
        return linear(name, 0, 1, help);
    }

    /** A positive number spanning decades (decay constants, divisors, thresholds). */
    static ParamInfo log(String name, double min, double max, String help) {
        return new ParamInfo(name, ParamKind.NUMBER, true, min, max, List.of(), false, help, "");
    }

    static ParamInfo bool(String name, String help) {
        return new ParamInfo(name, ParamKind.BOOLEAN, false, 0, 0, List.of(), false, help, "");
    }

    static ParamInfo choice(String name, List<String> choices, String help) {
        return new ParamInfo(name, ParamKind.CHOICE, false, 0, 0, choices, false, help, "");
    }

    /** A choice whose absence means {@code whenAbsent} (shown, but not written until changed). */
    static ParamInfo choice(String name, List<String> choices, String whenAbsent, String help) {
        return new ParamInfo(name, ParamKind.CHOICE, false, 0, 0, choices, false, help, whenAbsent);
    }

    static ParamInfo integers(String name, String help) {
        return new ParamInfo(name, ParamKind.INTEGER_LIST, false, 0, 0, List.of(), false, help, "");
    }

    static ParamInfo numbers(String name, String help) {
        return new ParamInfo(name, ParamKind.NUMBER_LIST, false, 0, 0, List.of(), false, help, "");
    }

    public boolean hasSlider() {
        return kind == ParamKind.NUMBER || kind == ParamKind.INTEGER;
    }
}
