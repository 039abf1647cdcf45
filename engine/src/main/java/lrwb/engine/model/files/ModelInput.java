package lrwb.engine.model.files;

import lrwb.engine.model.InputLayout;
import lrwb.engine.model.NetworkShape;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;

import java.util.Optional;

/**
 * What a network reads: a number of features, or images (in a layout), as far as its file says.
 *
 * @param features for {@link InputLayout#FLAT} feature input, its width; 0 for images
 * @param height   for images; 0 where the file does not say (a DL4J conv net without an input preprocessor)
 * @param width    as height
 * @param channels for images; 0 where unknown
 * @param type     DL4J's input type, for the per-layer output shapes; null where the file does not say it all
 */
record ModelInput(InputLayout layout, long features, long height, long width, long channels, InputType type) {
    static final ModelInput UNKNOWN = new ModelInput(InputLayout.FLAT, 0, 0, 0, 0, null);

    static ModelInput of(InputType type) {
        if (type instanceof InputType.InputTypeFeedForward ff) {
            return new ModelInput(InputLayout.FLAT, ff.getSize(), 0, 0, 0, type);
        }
        if (type instanceof InputType.InputTypeConvolutionalFlat flat) {
            return new ModelInput(InputLayout.FLAT, 0, flat.getHeight(), flat.getWidth(), flat.getDepth(), type);
        }
        if (type instanceof InputType.InputTypeConvolutional conv) {
            return new ModelInput(layout(conv.getFormat()), 0, conv.getHeight(), conv.getWidth(), conv.getChannels(), type);
        }
        return UNKNOWN;
    }

    /** From the first layer of a DL4J network and the preprocessor in front of it (DL4J keeps no input type). */
    static ModelInput ofFirstLayer(Layer first, InputPreProcessor preProcessor) {
        if (preProcessor instanceof FeedForwardToCnnPreProcessor toCnn) {
            // It reshapes flat rows to [batch, channels, height, width], exactly our rows' order.
            return of(InputType.convolutionalFlat(toCnn.getInputHeight(), toCnn.getInputWidth(), toCnn.getNumChannels()));
        }
        if (preProcessor != null) {
            return UNKNOWN;
        }
        if (first instanceof ConvolutionLayer conv) {
            return new ModelInput(layout(conv.getCnn2dDataFormat()), 0, 0, 0, conv.getNIn(), null);
        }
        if (first instanceof SubsamplingLayer pool) {
            return new ModelInput(layout(pool.getCnn2dDataFormat()), 0, 0, 0, 0, null);
        }
        if (first instanceof FeedForwardLayer ff) {
            return of(InputType.feedForward(ff.getNIn()));
        }
        return UNKNOWN;
    }

    private static InputLayout layout(CNN2DFormat format) {
        return format == CNN2DFormat.NHWC ? InputLayout.NHWC : InputLayout.NCHW;
    }

    boolean isImage() {
        return features == 0 && this != UNKNOWN;
    }

    /** Why data of {@code shape} does not fit, if it does not; nothing where the file does not say enough to tell. */
    Optional<String> mismatch(NetworkShape shape) {
        if (this == UNKNOWN) {
            return Optional.empty();
        }
        boolean fits;
        if (!isImage()) {
            fits = features == shape.numFeatures(); // an image's pixels are features to a dense network
        } else {
            fits = shape.isImage()
                    && (height == 0 || height == shape.height())
                    && (width == 0 || width == shape.width())
                    && (channels == 0 || channels == shape.channels());
        }
        return fits ? Optional.empty() : Optional.of("the model reads " + describe() + ", the data has " + describe(shape));
    }

    /** {@code 784 features}, {@code 28×28×1 images} (height × width × channels, as Keras writes shapes). */
    String describe() {
        if (this == UNKNOWN) {
            return "unknown";
        }
        if (!isImage()) {
            return features + " features";
        }
        if (height == 0 || width == 0) {
            return channels == 0 ? "images" : channels + "-channel images";
        }
        return height + "×" + width + "×" + channels + " images";
    }

    static String describe(NetworkShape shape) {
        return shape.isImage()
                ? shape.height() + "×" + shape.width() + "×" + shape.channels() + " images"
                : shape.numFeatures() + " features";
    }
}
