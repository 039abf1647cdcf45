package lrwb.app.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Short, readable numbers for tick labels and read-outs. Learning rates span 1e-6..10, so a fixed number of
 * decimals is unreadable at one end or the other; these print significant digits and switch to {@code 3e-4}
 * notation for small or large magnitudes, the way people write learning rates.
 */
public final class NumberLabels {
    private NumberLabels() {
    }

    /** {@code value} with up to {@code digits} significant digits, trailing zeros dropped: 0.1, 0.00316, 2e-4, 12,000. */
    public static String significant(double value, int digits) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        double abs = Math.abs(value);
        if (abs < 1e-3 || abs >= 1e6) {
            String s = String.format(Locale.ROOT, "%." + (digits - 1) + "e", value);
            int e = s.indexOf('e');
            String mantissa = trimZeros(s.substring(0, e));
            int exponent = Integer.parseInt(s.substring(e + 1));
            return mantissa + "e" + exponent;
        }
        String s = new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
        return Math.abs(Double.parseDouble(s)) >= 10_000 ? withThousands(s) : s;
    }

    /** A decade label for {@code 10^exponent}: 1e-3, 0.01, 0.1, 1, 10, 100, 1e3. */
    public static String decade(double exponent) {
        double rounded = Math.rint(exponent);
        if (Math.abs(exponent - rounded) > 1e-9) {
            return significant(Math.pow(10, exponent), 2);
        }
        int k = (int) rounded;
        if (k >= -2 && k <= 2) {
            return significant(Math.pow(10, k), 1);
        }
        return "1e" + k;
    }

    /** A tick label on a linear axis whose ticks are {@code tickUnit} apart: enough digits to tell ticks apart. */
    public static String linearTick(double value, double tickUnit) {
        if (Math.abs(value) < tickUnit * 1e-9) {
            return "0";
        }
        double abs = Math.abs(value);
        if (abs < 1e-3 || abs >= 1e7) {
            int digits = Math.max(1, (int) Math.ceil(Math.log10(abs / tickUnit) + 1e-9) + 1);
            return significant(value, Math.min(digits, 6));
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(tickUnit) - 1e-9));
        String s = trimZeros(String.format(Locale.ROOT, "%." + decimals + "f", value));
        return abs >= 10_000 ? withThousands(s) : s;
    }

    private static String trimZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String withThousands(String s) {
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        String rest = dot < 0 ? "" : s.substring(dot);
        boolean negative = whole.startsWith("-");
        String digits = negative ? whole.substring(1) : whole;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(i));
        }
        return (negative ? "-" : "") + b + rest;
    }
}
