package lrwb.engine.export;

import java.util.Locale;

/**
 * Number literals for generated Java and Python. A schedule's numbers must reach the framework bit for bit,
 * so doubles are written in a form that parses back to the same double in both languages.
 */
final class Literal {
    private Literal() {
    }

    /** The shortest round-tripping form, with Python-style exponents ({@code 1e-4}, valid Java too). */
    static String decimal(double v) {
        String s = Double.toString(v).replace(".0E", "e").replace('E', 'e');
        if (Double.parseDouble(s) != v) {
            // JDK 17's Double.toString is not always the shortest form; 17 significant digits always round-trip.
            s = String.format(Locale.ROOT, "%.17g", v);
        }
        return s;
    }

    /** An integer for Python (which has no size suffix). */
    static String integer(long v) {
        return Long.toString(v);
    }

    /** An integer for Java: {@code L} suffix once it no longer fits an int literal. */
    static String javaInteger(long v) {
        return v == (int) v ? Long.toString(v) : v + "L";
    }

    /** A Java int, capped: DL4J counts iterations and epochs in ints, so a larger step is never reached. */
    static String javaInt(long v) {
        return Long.toString(Math.min(v, Integer.MAX_VALUE));
    }

    static String pythonBool(boolean b) {
        return b ? "True" : "False";
    }

    static String pythonString(String s) {
        return "\"" + s + "\"";
    }
}
