package lrwb.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Random changes to training images, made as batches are built (see {@link Augmenter}); validation images are never
 * changed. As text: a comma-separated list of {@code crop:P} (pad every side with P zeros, then cut a random
 * image-sized window), {@code flip} (mirror left-right with probability 0.5), {@code cutout:N} (zero an N x N square
 * centred on a random pixel, clipped at the border, as DeVries and Taylor's cutout) and {@code cutout} (random
 * erasing with Keras' {@code get_random_eraser} defaults: probability 0.5, area 0.02-0.4 of the image, aspect
 * 0.3-3.3, filled with one random pixel value). Zero means 0 after normalisation: black under {@code unit}, the
 * channel mean under {@code standard}.
 *
 * @param cropPadding   0 for no crop
 * @param flip          horizontal flip with probability 0.5
 * @param cutoutSize    0 for no cutout square
 * @param randomErasing Keras-style random erasing
 */
public record Augmentation(int cropPadding, boolean flip, int cutoutSize, boolean randomErasing) {
    /** Larger paddings and squares only blank the image; the limit keeps typos like crop:400 from doing so silently. */
    public static final int MAX_PIXELS = 1024;
    public static final String FORMS = "crop:P, flip, cutout:N or cutout (random erasing), comma-separated, or none";
    /** The text of no augmentation. */
    public static final String NONE = "none";

    public Augmentation {
        OptionRules.between(null, "augment crop", cropPadding, 0, MAX_PIXELS);
        OptionRules.between(null, "augment cutout", cutoutSize, 0, MAX_PIXELS);
        if (cutoutSize > 0 && randomErasing) {
            throw new DataException("augment: choose cutout:N (a square) or cutout (random erasing), not both");
        }
    }

    public boolean isNone() {
        return cropPadding == 0 && !flip && cutoutSize == 0 && !randomErasing;
    }

    /**
     * Reads {@code crop:4,flip,cutout:8}; blank text and {@code none} are no augmentation.
     *
     * @throws DataException naming {@code augment} and the part it cannot read
     */
    public static Augmentation parse(String text) {
        int crop = 0;
        int cutout = 0;
        boolean flip = false;
        boolean erasing = false;
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase(NONE)) {
            return new Augmentation(0, false, 0, false);
        }
        List<String> seen = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            String part = raw.strip().toLowerCase(Locale.ROOT);
            int colon = part.indexOf(':');
            String name = colon < 0 ? part : part.substring(0, colon).strip();
            if (seen.contains(name)) {
                throw new DataException("augment: " + name + " is given twice");
            }
            seen.add(name);
            switch (name) {
                case "crop" -> crop = pixels(part, colon, "crop", 1);
                case "flip" -> {
                    if (colon >= 0) {
                        throw new DataException("augment: flip takes no value (got " + OptionRules.quoted(raw.strip()) + ")");
                    }
                    flip = true;
                }
                case "cutout" -> {
                    if (colon < 0) {
                        erasing = true;
                    } else {
                        cutout = pixels(part, colon, "cutout", 1);
                    }
                }
                default -> throw new DataException("augment: unknown part " + OptionRules.quoted(raw.strip()) + ": use " + FORMS);
            }
        }
        return new Augmentation(crop, flip, cutout, erasing);
    }

    private static int pixels(String part, int colon, String name, int min) {
        if (colon < 0) {
            throw new DataException("augment: " + name + " needs a pixel count, e.g. " + name + ":4");
        }
        String value = part.substring(colon + 1).strip();
        int v;
        try {
            v = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new DataException("augment " + name + " must be an integer in [" + min + ", " + MAX_PIXELS + "] (got "
                    + OptionRules.quoted(value) + ")");
        }
        return OptionRules.between(null, "augment " + name, v, min, MAX_PIXELS);
    }

    /** The text {@link #parse} reads back to this; {@code none} for none. */
    public String text() {
        List<String> parts = new ArrayList<>();
        if (cropPadding > 0) {
            parts.add("crop:" + cropPadding);
        }
        if (flip) {
            parts.add("flip");
        }
        if (cutoutSize > 0) {
            parts.add("cutout:" + cutoutSize);
        }
        if (randomErasing) {
            parts.add("cutout");
        }
        return parts.isEmpty() ? NONE : String.join(",", parts);
    }
}
