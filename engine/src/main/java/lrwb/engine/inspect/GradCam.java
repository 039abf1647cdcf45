package lrwb.engine.inspect;

import lrwb.engine.model.InputLayout;
import lrwb.engine.model.NetworkShape;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.layers.LossLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Grad-CAM (Selvaraju et al. 2017) of a layer-list network: where in an image the network found the evidence for
 * a class. For one image and class {@code c}, with {@code A_k} the {@code k}-th feature map of the chosen
 * convolutional layer (after its activation function) and {@code y_c} the class's score:
 * <pre>
 *   alpha_k = mean over (i, j) of  d y_c / d A_k[i, j]
 *   map     = ReLU( sum_k alpha_k * A_k )
 * </pre>
 * upsampled bilinearly to the image's size ({@link HeatMap#resized}) and divided by its maximum.
 * <p>
 * The score {@code y_c} is the output layer's pre-activation, the logit before the softmax, as the paper takes it
 * ({@link #score()}); only a network that ends in a parameterless loss layer gives its input instead. The gradient
 * is DL4J's own backward pass, layer by layer from the output down to the chosen layer, in inference mode: a
 * batch-normalisation layer passes gradients through its running statistics (the affine map it applies at
 * inference), and dropout, off at inference, is removed from the copy the maps are computed on.
 */
public final class GradCam {
    /** What the heat map's gradient is taken of. */
    public enum Score {
        LOGIT("the class's logit (the output layer's pre-softmax score)"),
        OUTPUT("the class's output (the network ends in a loss layer without weights)");

        private final String description;

        Score(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final MultiLayerNetwork net;
    private final InputLayout layout;
    private final NetworkShape shape;
    private final ConvLayer layer;
    private final Score score;

    /**
     * @param net    the network; not changed (the maps are computed on a copy without dropout)
     * @param layout how our flat image rows reach its first layer
     * @param shape  the data's shape; must be images
     * @param layer  a convolutional layer of {@code net} ({@link ConvLayer#choose})
     */
    public GradCam(MultiLayerNetwork net, InputLayout layout, NetworkShape shape, ConvLayer layer) {
        if (!shape.isImage()) {
            throw new InspectException("Grad-CAM needs image data, not " + shape);
        }
        this.net = net.clone();
        this.net.initGradientsView(); // a network read from a file for inference has none; backpropGradient writes there
        for (int i = 0; i < this.net.getnLayers(); i++) {
            this.net.getLayer(i).conf().getLayer().setIDropout(null);
        }
        this.layout = layout;
        this.shape = shape;
        this.layer = layer;
        Layer output = this.net.getOutputLayer();
        if (output.getParam("W") != null) {
            score = Score.LOGIT;
        } else if (output instanceof LossLayer) {
            score = Score.OUTPUT;
        } else {
            throw new InspectException("Grad-CAM cannot take the score of the output layer ("
                    + ConvLayer.typeName(output.conf().getLayer()) + ")");
        }
    }

    public ConvLayer layer() {
        return layer;
    }

    public Score score() {
        return score;
    }

    /**
     * One heat map per row, at the image's size, for the class asked for that row.
     *
     * @param flatRows {@code [n, channels * height * width]} images as the data holds them
     * @param classes  the class of each row (usually the predicted one)
     */
    public List<HeatMap> heatMaps(INDArray flatRows, int[] classes) {
        int n = (int) flatRows.size(0);
        if (classes.length != n) {
            throw new IllegalArgumentException(n + " rows but " + classes.length + " classes");
        }
        LayerWorkspaceMgr workspaces = LayerWorkspaceMgr.noWorkspaces();
        int last = net.getnLayers() - 1;
        int k = layer.index();
        INDArray[] inputs = new INDArray[last + 1];
        INDArray x = layout.adapt(flatRows, shape).castTo(net.params().dataType());
        INDArray maps = null;
        for (int i = 0; i <= last; i++) {
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre != null) {
                x = pre.preProcess(x, n, workspaces);
            }
            inputs[i] = x;
            x = net.getLayer(i).activate(x, false, workspaces);
            if (i == k) {
                maps = x.dup();
            }
        }
        INDArray epsilon = outputEpsilon(classes, n);
        for (int i = last; i > k; i--) {
            if (i < last) {
                epsilon = backprop(net.getLayer(i), inputs[i], epsilon, workspaces);
            }
            InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre != null) {
                epsilon = pre.backprop(epsilon, n, workspaces);
            }
        }
        if (((ConvolutionLayer) net.getLayer(k).conf().getLayer()).getCnn2dDataFormat() == CNN2DFormat.NHWC) {
            maps = maps.permute(0, 3, 1, 2);
            epsilon = epsilon.permute(0, 3, 1, 2);
        }
        return camOf(maps.dup('c'), epsilon.dup('c'));
    }

    /** d y_c / d (the output layer's input), one row per example. */
    private INDArray outputEpsilon(int[] classes, int n) {
        int numClasses = shape.numClasses();
        INDArray oneHot = Nd4j.zeros(net.params().dataType(), n, numClasses);
        for (int i = 0; i < n; i++) {
            oneHot.putScalar(i, classes[i], 1);
        }
        if (score == Score.OUTPUT) {
            return oneHot;
        }
        INDArray weights = net.getOutputLayer().getParam("W"); // [nIn, nOut]: z = x W + b
        return oneHot.mmul(weights.transpose());
    }

    private static INDArray backprop(Layer layer, INDArray input, INDArray epsilon, LayerWorkspaceMgr workspaces) {
        if (layer instanceof BatchNormalization) {
            // At inference batch norm is y = a * x + b per channel; DL4J's backward pass would use batch statistics.
            INDArray atOne = layer.activate(Nd4j.onesLike(input), false, workspaces).dup();
            INDArray atZero = layer.activate(Nd4j.zerosLike(input), false, workspaces).dup();
            return epsilon.mul(atOne.subi(atZero));
        }
        layer.setInput(input, workspaces);
        return layer.backpropGradient(epsilon, workspaces).getSecond();
    }

    /** ReLU(sum_k alpha_k A_k), alpha_k the spatial mean of the gradient, for each example: {@code [n, C, H, W]}. */
    private List<HeatMap> camOf(INDArray maps, INDArray gradients) {
        int n = (int) maps.size(0);
        int channels = (int) maps.size(1);
        int h = (int) maps.size(2);
        int w = (int) maps.size(3);
        float[] a = maps.data().asFloat();
        float[] g = gradients.data().asFloat();
        int plane = h * w;
        List<HeatMap> result = new ArrayList<>(n);
        for (int e = 0; e < n; e++) {
            double[] cam = new double[plane];
            for (int c = 0; c < channels; c++) {
                int base = (e * channels + c) * plane;
                double alpha = 0;
                for (int p = 0; p < plane; p++) {
                    alpha += g[base + p];
                }
                alpha /= plane;
                for (int p = 0; p < plane; p++) {
                    cam[p] += alpha * a[base + p];
                }
            }
            float[] relu = new float[plane];
            for (int p = 0; p < plane; p++) {
                relu[p] = (float) Math.max(0, cam[p]);
            }
            result.add(new HeatMap(h, w, relu).resized(shape.height(), shape.width()).normalised());
        }
        return result;
    }
}
