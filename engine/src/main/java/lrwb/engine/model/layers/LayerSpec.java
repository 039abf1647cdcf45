package lrwb.engine.model.layers;

import lrwb.engine.model.ModelSpec;

import java.util.List;

/**
 * One layer of a {@link LayerStack}, as specs/models.md ("Layer spec (JSON)") defines it: an immutable record per
 * layer type, validated on construction (a message names the field and the rule; {@link LayerStack#parse} adds the
 * layer's index). Defaults are Keras': activation {@code identity}, padding {@code valid}, a pool's stride its size,
 * batch norm's momentum 0.99 and eps 1e-3.
 *
 * <p>Beyond the table of specs/models.md: {@code dense} and {@code conv2d} take an optional {@code l2} of their own
 * (the cifar-cnn preset regularises only its 3×3 convolutions), and the pools take {@code padding} (the {@code cnn}
 * model pools with {@code same} padding).
 */
public sealed interface LayerSpec {
    /** As {@code mlp:H1,...}: a typo such as 6400000 units must not exhaust memory before anything is reported. */
    int MAX_UNITS = ModelSpec.MAX_LAYER_SIZE;
    /** Kernels, pool windows and strides; far beyond any image a laptop trains on. */
    int MAX_WINDOW = 64;

    /** The type names of the JSON, in the order of specs/models.md. */
    List<String> TYPES = List.of(Dense.TYPE, Conv2d.TYPE, MaxPool.TYPE, AvgPool.TYPE, GlobalAvgPool.TYPE,
            BatchNorm.TYPE, Dropout.TYPE, Activation.TYPE);

    /** The JSON type name, e.g. {@code conv2d}. */
    String type();

    /** Whether it reads an image map (height × width × channels) rather than a vector. */
    default boolean spatial() {
        return false;
    }

    /** @param l2 Keras' kernel l2 factor c of this layer; null: the stack's */
    record Dense(int units, LayerActivation activation, Double l2) implements LayerSpec {
        public static final String TYPE = "dense";

        public Dense {
            Check.range("units", units, 1, MAX_UNITS);
            Check.required("activation", activation);
            if (l2 != null) {
                Check.nonNegative("l2", l2);
            }
        }

        public Dense(int units, LayerActivation activation) {
            this(units, activation, null);
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** Square kernels and strides. @param l2 Keras' kernel l2 factor c of this layer; null: the stack's */
    record Conv2d(int filters, int kernel, int stride, Padding padding, LayerActivation activation, Double l2)
            implements LayerSpec {
        public static final String TYPE = "conv2d";

        public Conv2d {
            Check.range("filters", filters, 1, MAX_UNITS);
            Check.range("kernel", kernel, 1, MAX_WINDOW);
            Check.range("stride", stride, 1, MAX_WINDOW);
            Check.required("padding", padding);
            Check.required("activation", activation);
            if (l2 != null) {
                Check.nonNegative("l2", l2);
            }
        }

        public Conv2d(int filters, int kernel, Padding padding, LayerActivation activation) {
            this(filters, kernel, 1, padding, activation, null);
        }

        public Conv2d withL2(Double factor) {
            return new Conv2d(filters, kernel, stride, padding, activation, factor);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public boolean spatial() {
            return true;
        }
    }

    /** A square pooling window; {@link MaxPool} and {@link AvgPool}. */
    sealed interface Pool extends LayerSpec {
        int size();

        int stride();

        Padding padding();

        @Override
        default boolean spatial() {
            return true;
        }
    }

    record MaxPool(int size, int stride, Padding padding) implements Pool {
        public static final String TYPE = "maxPool";

        public MaxPool {
            Check.range("size", size, 1, MAX_WINDOW);
            Check.range("stride", stride, 1, MAX_WINDOW);
            Check.required("padding", padding);
        }

        /** Keras' default: stride = size, valid padding. */
        public MaxPool(int size) {
            this(size, size, Padding.VALID);
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    record AvgPool(int size, int stride, Padding padding) implements Pool {
        public static final String TYPE = "avgPool";

        public AvgPool {
            Check.range("size", size, 1, MAX_WINDOW);
            Check.range("stride", stride, 1, MAX_WINDOW);
            Check.required("padding", padding);
        }

        /** Keras' default: stride = size, valid padding. */
        public AvgPool(int size) {
            this(size, size, Padding.VALID);
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** The mean of each channel over the whole map: a vector of one value per channel. */
    record GlobalAvgPool() implements LayerSpec {
        public static final String TYPE = "globalAvgPool";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public boolean spatial() {
            return true;
        }
    }

    /**
     * Per channel (images) or per feature (vectors), as Keras' BatchNormalization.
     *
     * @param momentum how much of the running mean and variance each batch keeps (DL4J's decay), in [0, 1)
     * @param eps      added to the variance, > 0
     */
    record BatchNorm(double momentum, double eps) implements LayerSpec {
        public static final String TYPE = "batchNorm";
        public static final double DEFAULT_MOMENTUM = 0.99;
        public static final double DEFAULT_EPS = 1e-3;

        public BatchNorm {
            Check.fraction("momentum", momentum);
            Check.positive("eps", eps);
        }

        public BatchNorm() {
            this(DEFAULT_MOMENTUM, DEFAULT_EPS);
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** @param rate the fraction of activations DROPPED in training, as Keras and PyTorch (DL4J's argument is the fraction kept) */
    record Dropout(double rate) implements LayerSpec {
        public static final String TYPE = "dropout";

        public Dropout {
            Check.fraction("rate", rate);
        }

        /** DL4J's dropout argument: the probability of keeping an activation. */
        public double retainProbability() {
            return 1 - rate;
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    record Activation(LayerActivation activation) implements LayerSpec {
        public static final String TYPE = "activation";

        public Activation {
            Check.required("activation", activation);
        }

        @Override
        public String type() {
            return TYPE;
        }
    }
}
