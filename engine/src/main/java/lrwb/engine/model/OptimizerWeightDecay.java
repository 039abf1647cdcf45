package lrwb.engine.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An optimizer's {@code wd} (torch's {@code weight_decay}), as a DL4J regularization: DL4J hands an updater the
 * gradient only, never the weights, and applies a layer's regularizations around the updater with the weights at
 * hand — before it ({@link ApplyStep#BEFORE_UPDATER}) or after it ({@link ApplyStep#POST_UPDATER}). DL4J then does
 * {@code w -= gradView}.
 * <ul>
 * <li>coupled (torch's SGD, Adam, RMSprop, ... {@code weight_decay}): g ← g + wd·w before the rule, so the decay goes
 *     through the moments and the adaptive scaling. Same arithmetic as DL4J's {@code L2Regularization(wd)}.</li>
 * <li>decoupled (torch.optim.AdamW; SGDW): w ← w − lr·wd·w beside the rule's step, lr being the LR of this very
 *     iteration (the schedule's), which DL4J passes in. torch does {@code w.mul_(1 − lr·wd)} before the step; the step
 *     does not read w, so subtracting lr·wd·w after it is the same. Same arithmetic as DL4J's
 *     {@code WeightDecay(wd, applyLR=true)}.</li>
 * </ul>
 * Unlike DL4J's two, it adds nothing to the score: torch reports the loss without the decay, and so do we, so a
 * range test's or a training run's loss curve compares with PyTorch's and across weight decays. It belongs to the
 * run's optimizer, not to the model: a saved model.zip does not carry it ({@link #strip}); run.json's optimizer text
 * does. DL4J configuration, hence Jackson (shaded) annotations, like the updaters.
 */
public final class OptimizerWeightDecay implements Regularization {
    private static final long serialVersionUID = 1L;

    @JsonProperty("coefficient")
    private final double coefficient;
    @JsonProperty("decoupled")
    private final boolean decoupled;

    @JsonCreator
    public OptimizerWeightDecay(@JsonProperty("coefficient") double coefficient, @JsonProperty("decoupled") boolean decoupled) {
        if (!(coefficient > 0 && Double.isFinite(coefficient))) {
            throw new IllegalArgumentException("weight decay must be a number > 0 (got " + coefficient + ")");
        }
        this.coefficient = coefficient;
        this.decoupled = decoupled;
    }

    public double coefficient() {
        return coefficient;
    }

    public boolean decoupled() {
        return decoupled;
    }

    /**
     * Adds this decay to every trained parameter of {@code net}, weights and biases alike, as torch's
     * {@code weight_decay} decays every parameter it is given. Not touched: frozen layers (a {@link NoOp} updater, as
     * a file marks them) and batch normalisation's γ and β, which DL4J never regularizes (its
     * {@code BatchNormalization.getRegularizationByParam} answers null; torch would decay them). DL4J reads a layer's
     * regularizations at every update, so this works on a network already initialised (and on lean layers).
     */
    public void installIn(Model net) {
        Layer[] layers = net instanceof MultiLayerNetwork list ? list.getLayers()
                : net instanceof ComputationGraph graph ? graph.getLayers() : null;
        if (layers == null) {
            throw new IllegalArgumentException("not a DL4J network: " + net.getClass().getName());
        }
        for (Layer layer : layers) {
            if (layer.getConfig() instanceof BaseLayer conf && !(conf.getIUpdater() instanceof NoOp)) {
                // New lists: a layer's lists may be shared with the configuration it was copied from.
                conf.setRegularization(with(conf.getRegularization()));
                conf.setRegularizationBias(with(conf.getRegularizationBias()));
            }
        }
    }

    private List<Regularization> with(List<Regularization> regularizations) {
        List<Regularization> all = regularizations == null ? new ArrayList<>() : new ArrayList<>(regularizations);
        all.add(this);
        return all;
    }

    /**
     * {@code layer}'s regularizations without an optimizer's decay, in new lists: for the saved configuration, which
     * keeps the model's own regularization (a layer's l2) and is read by any DL4J program.
     */
    static void strip(BaseLayer layer) {
        layer.setRegularization(without(layer.getRegularization()));
        layer.setRegularizationBias(without(layer.getRegularizationBias()));
    }

    private static List<Regularization> without(List<Regularization> regularizations) {
        return regularizations == null ? null
                : new ArrayList<>(regularizations.stream().filter(r -> !(r instanceof OptimizerWeightDecay)).toList());
    }

    @Override
    public ApplyStep applyStep() {
        return decoupled ? ApplyStep.POST_UPDATER : ApplyStep.BEFORE_UPDATER;
    }

    @Override
    public void apply(INDArray param, INDArray gradView, double lr, int iteration, int epoch) {
        double scale = decoupled ? lr * coefficient : coefficient;
        // gradView += scale * param, in place, as DL4J's own L2Regularization and WeightDecay do it.
        Nd4j.getBlasWrapper().level1().axpy(param.length(), scale, param, gradView);
    }

    @Override
    public double score(INDArray param, int iteration, int epoch) {
        return 0;
    }

    @Override
    public OptimizerWeightDecay clone() {
        return this; // immutable
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptimizerWeightDecay other && Double.compare(coefficient, other.coefficient) == 0
                && decoupled == other.decoupled;
    }

    @Override
    public int hashCode() {
        return Objects.hash(coefficient, decoupled);
    }

    @Override
    public String toString() {
        return "OptimizerWeightDecay(" + coefficient + (decoupled ? ", decoupled)" : ", coupled)");
    }
}
