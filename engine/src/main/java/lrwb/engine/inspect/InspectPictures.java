package lrwb.engine.inspect;

import lrwb.engine.data.ChannelStats;
import lrwb.engine.data.ImageShape;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The pictures of an inspection, drawn with Java2D (no JavaFX: the CLI writes them as PNGs, the app shows them):
 * a data image, a Grad-CAM overlay, a captioned grid, a decision boundary.
 */
public final class InspectPictures {
    /** How much of the heat map's colour an overlaid pixel takes at full heat (the article's 0.5-ish blend). */
    static final double OVERLAY_OPACITY = 0.55;
    /** How strongly a decision boundary's background takes its class colour (the rest is white). */
    static final double BOUNDARY_TINT = 0.55;

    private InspectPictures() {
    }

    /**
     * One image of the data as it looks: normalised pixels mapped back through the training split's per-channel
     * statistics, then clamped to [0, 1]; one channel is grey, three are RGB, other counts show their first channel.
     *
     * @param values one example's features, {@code (channel, row, column)} order
     * @param stats  the data's per-channel statistics, or null for [0, 1] pixels
     */
    public static BufferedImage image(float[] values, ImageShape shape, ChannelStats stats) {
        int h = shape.height();
        int w = shape.width();
        int plane = h * w;
        double[] means = stats == null ? null : stats.means();
        double[] stds = stats == null ? null : stats.stds();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                int r = level(values, p, 0, means, stds);
                int g = shape.channels() == 3 ? level(values, plane + p, 1, means, stds) : r;
                int b = shape.channels() == 3 ? level(values, 2 * plane + p, 2, means, stds) : r;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static int level(float[] values, int i, int channel, double[] means, double[] stds) {
        double v = values[i];
        if (means != null) {
            v = v * (stds[channel] + ChannelStats.EPSILON) + means[channel];
        }
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    /** {@code image} with {@code heat} (same size) blended over it in the "jet" colours, more opaque where hotter. */
    public static BufferedImage overlay(BufferedImage image, HeatMap heat) {
        if (heat.width() != image.getWidth() || heat.height() != image.getHeight()) {
            throw new IllegalArgumentException("a " + heat.height() + "x" + heat.width() + " map over a "
                    + image.getHeight() + "x" + image.getWidth() + " image");
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                float v = heat.at(y, x);
                double alpha = OVERLAY_OPACITY * (0.35 + 0.65 * v);
                out.setRGB(x, y, blend(image.getRGB(x, y), jet(v), alpha));
            }
        }
        return out;
    }

    /** The "jet" colour map: blue (0) through cyan, yellow, to red (1). */
    static int jet(double v) {
        double t = Math.max(0, Math.min(1, v));
        int r = channel(1.5 - Math.abs(4 * t - 3));
        int g = channel(1.5 - Math.abs(4 * t - 2));
        int b = channel(1.5 - Math.abs(4 * t - 1));
        return (r << 16) | (g << 8) | b;
    }

    private static int channel(double v) {
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }

    static int blend(int under, int over, double alpha) {
        int r = (int) Math.round(((under >> 16) & 255) * (1 - alpha) + ((over >> 16) & 255) * alpha);
        int g = (int) Math.round(((under >> 8) & 255) * (1 - alpha) + ((over >> 8) & 255) * alpha);
        int b = (int) Math.round((under & 255) * (1 - alpha) + (over & 255) * alpha);
        return (r << 16) | (g << 8) | b;
    }

    /** A picture with up to two lines of caption under it. */
    public record Tile(BufferedImage picture, String caption, String detail) {
    }

    /**
     * The tiles in rows of {@code columns}, each picture scaled (nearest neighbour, so pixels stay sharp) to
     * {@code tileSize} pixels wide, captions under it.
     */
    public static BufferedImage grid(List<Tile> tiles, int columns, int tileSize) {
        int cols = Math.max(1, Math.min(columns, Math.max(1, tiles.size())));
        int rows = Math.max(1, (tiles.size() + cols - 1) / cols);
        int gap = 8;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        int lineHeight = 14;
        int cellW = Math.max(tileSize, 96) + gap;
        int cellH = tileSize + 3 * lineHeight + gap + 4; // the caption on up to two lines, the detail on one
        BufferedImage out = new BufferedImage(cols * cellW + gap, rows * cellH + gap, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            FontMetrics metrics = g.getFontMetrics();
            for (int i = 0; i < tiles.size(); i++) {
                Tile tile = tiles.get(i);
                int x = gap + (i % cols) * cellW;
                int y = gap + (i / cols) * cellH;
                int scaledH = tileSize * tile.picture().getHeight() / tile.picture().getWidth();
                g.drawImage(tile.picture(), x, y, tileSize, scaledH, null);
                g.setColor(Color.DARK_GRAY);
                List<String> caption = wrap(tile.caption(), metrics::stringWidth, cellW - gap);
                for (int line = 0; line < caption.size(); line++) {
                    g.drawString(caption.get(line), x, y + tileSize + (line + 1) * lineHeight);
                }
                if (tile.detail() != null) {
                    g.setColor(Color.GRAY);
                    g.drawString(fit(tile.detail(), metrics::stringWidth, cellW - gap), x, y + tileSize + (caption.size() + 1) * lineHeight);
                }
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * A caption on one line when it fits {@code width}, else on two: "true →" / "predicted" when the first fits, else
     * broken at the last space that lets the first line fit; a second line still too long ends in "…".
     */
    static List<String> wrap(String text, java.util.function.ToIntFunction<String> widthOf, int width) {
        if (text == null || widthOf.applyAsInt(text) <= width) {
            return List.of(text == null ? "" : text);
        }
        int arrow = text.indexOf(" → ");
        if (arrow > 0 && widthOf.applyAsInt(text.substring(0, arrow + 2)) <= width) {
            return List.of(text.substring(0, arrow + 2), fit(text.substring(arrow + 3), widthOf, width));
        }
        for (int space = text.lastIndexOf(' '); space > 0; space = text.lastIndexOf(' ', space - 1)) {
            String first = text.substring(0, space);
            if (widthOf.applyAsInt(first) <= width) {
                return List.of(first, fit(text.substring(space + 1), widthOf, width));
            }
        }
        return List.of(fit(text, widthOf, width));
    }

    private static String fit(String text, java.util.function.ToIntFunction<String> widthOf, int width) {
        if (text == null || widthOf.applyAsInt(text) <= width) {
            return text == null ? "" : text;
        }
        String cut = text;
        while (cut.length() > 1 && widthOf.applyAsInt(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    /** Room around a boundary's plot for the axes: tick labels left and below, a little air above and right. */
    static final int AXIS_LEFT = 46;
    static final int AXIS_BOTTOM = 34;
    static final int AXIS_TOP = 10;
    static final int AXIS_RIGHT = 12;

    /**
     * The decision boundary as a picture of {@code pixels} a side: axes in the network's input units (x1 below, x2
     * left, about five ticks each) around the plot, where each cell is the class colours mixed by their
     * probabilities, lightened towards white ({@link #background}, scaled bilinearly), and the points on top, a dot
     * of their class's colour with a dark rim.
     *
     * @param points {@code [n, 2]} points as {@code [x, y]} rows, in the extent's units; may be empty
     * @param labels each point's class
     */
    public static BufferedImage boundary(DecisionBoundary boundary, float[][] points, int[] labels, int pixels) {
        return boundary(boundary, boundaryOverlay(boundary.extent(), points, labels, pixels));
    }

    /**
     * The decision boundary under an overlay made by {@link #boundaryOverlay} for its extent: what a live view draws
     * a few times a second, the overlay (axes and points, the costly part) made once.
     */
    public static BufferedImage boundary(DecisionBoundary boundary, BufferedImage overlay) {
        int pixels = overlay.getWidth();
        BufferedImage out = new BufferedImage(pixels, pixels, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, pixels, pixels);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(background(boundary), AXIS_LEFT, AXIS_TOP, plotSide(pixels, true), plotSide(pixels, false), null);
            g.drawImage(overlay, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static int plotSide(int pixels, boolean width) {
        return Math.max(1, pixels - (width ? AXIS_LEFT + AXIS_RIGHT : AXIS_TOP + AXIS_BOTTOM));
    }

    /** What a boundary picture of {@code pixels} a side shows over the probabilities: axes and points, transparent elsewhere. */
    public static BufferedImage boundaryOverlay(PlaneExtent e, float[][] points, int[] labels, int pixels) {
        BufferedImage out = new BufferedImage(pixels, pixels, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        int w = plotSide(pixels, true);
        int h = plotSide(pixels, false);
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            axes(g, e, w, h);
            g.setClip(AXIS_LEFT, AXIS_TOP, w, h);
            g.setStroke(new BasicStroke(0.8f));
            double radius = Math.max(1.8, Math.min(w, h) / 130.0);
            for (int i = 0; i < points.length; i++) {
                double x = AXIS_LEFT + (points[i][0] - e.xMin()) / (e.xMax() - e.xMin()) * w;
                double y = AXIS_TOP + (e.yMax() - points[i][1]) / (e.yMax() - e.yMin()) * h;
                var dot = new java.awt.geom.Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius);
                g.setColor(new Color(ClassColors.rgb(labels[i])));
                g.fill(dot);
                g.setColor(new Color(0x303030));
                g.draw(dot);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The plot's frame, ticks and their labels, and the axis names. */
    private static void axes(Graphics2D g, PlaneExtent e, int w, int h) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics metrics = g.getFontMetrics();
        g.setColor(new Color(0x555555));
        g.drawRect(AXIS_LEFT, AXIS_TOP, w, h);
        for (double v : ticks(e.xMin(), e.xMax())) {
            int x = AXIS_LEFT + (int) Math.round((v - e.xMin()) / (e.xMax() - e.xMin()) * w);
            g.drawLine(x, AXIS_TOP + h, x, AXIS_TOP + h + 4);
            String text = tickText(v);
            g.drawString(text, x - metrics.stringWidth(text) / 2, AXIS_TOP + h + 5 + metrics.getAscent());
        }
        for (double v : ticks(e.yMin(), e.yMax())) {
            int y = AXIS_TOP + (int) Math.round((e.yMax() - v) / (e.yMax() - e.yMin()) * h);
            g.drawLine(AXIS_LEFT - 4, y, AXIS_LEFT, y);
            String text = tickText(v);
            g.drawString(text, AXIS_LEFT - 6 - metrics.stringWidth(text), y + metrics.getAscent() / 2 - 1);
        }
        g.drawString("x1", AXIS_LEFT + w - metrics.stringWidth("x1"), AXIS_TOP + h + 5 + metrics.getAscent() + metrics.getHeight() - 2);
        g.drawString("x2", 4, AXIS_TOP + metrics.getAscent());
    }

    /** About five round values inside {@code [min, max]}: steps of 1, 2 or 5 times a power of ten. */
    static double[] ticks(double min, double max) {
        double raw = (max - min) / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / power < 1.5 ? power : raw / power < 3.5 ? 2 * power : raw / power < 7.5 ? 5 * power : 10 * power;
        double first = Math.ceil(min / step) * step;
        int n = (int) Math.floor((max - first) / step + 1e-9) + 1;
        double[] ticks = new double[Math.max(0, n)];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = Math.abs(first + i * step) < step * 1e-9 ? 0 : first + i * step; // no "-0"
        }
        return ticks;
    }

    private static String tickText(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** One pixel per cell: the class colours mixed by the cell's probabilities, lightened towards white. */
    public static BufferedImage background(DecisionBoundary boundary) {
        int size = boundary.size();
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                out.setRGB(c, r, blend(0xffffff, mixedColour(boundary, r, c), BOUNDARY_TINT));
            }
        }
        return out;
    }

    /** The class colours of a cell mixed by its probabilities. */
    public static int mixedColour(DecisionBoundary boundary, int row, int column) {
        double r = 0, gr = 0, b = 0;
        for (int k = 0; k < boundary.numClasses(); k++) {
            double p = boundary.probability(row, column, k);
            int rgb = ClassColors.rgb(k);
            r += p * ((rgb >> 16) & 255);
            gr += p * ((rgb >> 8) & 255);
            b += p * (rgb & 255);
        }
        return (clamp(r) << 16) | (clamp(gr) << 8) | clamp(b);
    }

    private static int clamp(double v) {
        return (int) Math.round(Math.max(0, Math.min(255, v)));
    }
}
