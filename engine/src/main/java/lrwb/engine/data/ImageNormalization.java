package lrwb.engine.data;

import java.util.Locale;

/**
 * How image pixels reach the network. Tabular data is always standardised per feature on the training split;
 * this choice is for images only.
 */
public enum ImageNormalization {
    /** Pixels divided by 255, in [0, 1]: what every image source did before the choice existed, so the default. */
    UNIT,
    /**
     * Per channel, {@code (pixel / 255 - mean) / (std + 1e-6)} with mean and std of the training split only, applied to
     * training and validation alike: Keras' feature-wise centring and std normalisation (its 1e-6 included).
     */
    STANDARD;

    /** The name as the CLI and run.json spell it. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws DataException naming {@code normalize} unless the text is {@code unit} or {@code standard} */
    public static ImageNormalization parse(String text) {
        if (text != null) {
            for (ImageNormalization n : values()) {
                if (n.text().equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return n;
                }
            }
        }
        throw new DataException("normalize must be unit or standard (got " + OptionRules.quoted(String.valueOf(text)) + ")");
    }
}
