package lrwb.app.inspect;

import lrwb.engine.inspect.Misclassified;

import java.awt.image.BufferedImage;

/**
 * One tile of the misclassified grid.
 *
 * @param caption {@code true → predicted}
 * @param detail  the validation index and the confidence
 * @param image   the image as it looks
 * @param heat    the image with its Grad-CAM overlay, or null while Grad-CAM is off or being computed
 */
public record MistakeTile(Misclassified mistake, String caption, String detail, BufferedImage image, BufferedImage heat) {
    MistakeTile withHeat(BufferedImage overlay) {
        return new MistakeTile(mistake, caption, detail, image, overlay);
    }
}
