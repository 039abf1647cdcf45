package lrwb.engine.schedule;

/** Numbers in messages as people write them: {@code 2000}, {@code 0.01}, {@code 1e-4} (Java would say 1.0E-4). */
public final class NumberText {
    private NumberText() {
    }

    public static String of(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String java = Double.toString(v); // shortest text that reads back as the same double
        int e = java.indexOf('E');
        if (e < 0) {
            return java;
        }
        String mantissa = java.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + "e" + java.substring(e + 1);
    }
}
