package lrwb.engine.inspect;

/**
 * One colour per class, as {@code 0xRRGGBB}: Tableau's ten (matplotlib's default cycle), so class 0 is the blue
 * and class 1 the orange people know from plots; past ten, evenly spaced hues.
 */
public final class ClassColors {
    private static final int[] TABLEAU = {
            0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf};

    private ClassColors() {
    }

    public static int rgb(int classIndex) {
        if (classIndex < TABLEAU.length) {
            return TABLEAU[classIndex];
        }
        return java.awt.Color.HSBtoRGB((classIndex * 0.618034f) % 1f, 0.65f, 0.85f) & 0xffffff;
    }
}
