package lrwb.engine.model;

import lrwb.engine.model.lean.LeanLayers;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;


/**
 * A network's configuration as a saved file holds it: DL4J's stock layers in place of our lean ones, each
 * updater's LR as the number it is at the current iteration instead of the run's live schedule object (which only
 * this program knows, and which a later run replaces anyway), and no {@link OptimizerWeightDecay}: the decay belongs
 * to the run's optimizer (as torch keeps weight_decay in the optimizer, not the model), run.json records it, and a
 * run continuing from the file brings its own; a cycled momentum likewise gives way to the optimizer's own fixed
 * momentum (β1). Any DL4J program reads the file back.
 */
final class PortableConfiguration {
    private PortableConfiguration() {
    }

    static String json(MultiLayerConfiguration live, int iteration, int epoch) {
        MultiLayerConfiguration conf = LeanLayers.stockConfiguration(live);
        conf.setIterationCount(iteration);
        conf.setEpochCount(epoch);
        conf.getConfs().forEach(layer -> fixLearningRate(layer.getLayer(), iteration, epoch));
        return conf.toJson();
    }

    static String json(ComputationGraphConfiguration live, int iteration, int epoch) {
        ComputationGraphConfiguration conf = LeanLayers.stockConfiguration(live);
        conf.setIterationCount(iteration);
        conf.setEpochCount(epoch);
        conf.getVertices().values().forEach(vertex -> {
            if (vertex instanceof LayerVertex layerVertex) {
                NeuralNetConfiguration layerConf = layerVertex.getLayerConf();
                fixLearningRate(layerConf.getLayer(), iteration, epoch);
            }
        });
        return conf.toJson();
    }

    private static void fixLearningRate(Layer layer, int iteration, int epoch) {
        if (layer instanceof BaseLayer base) {
            OptimizerWeightDecay.strip(base); // the run's optimizer's, recorded in run.json; not the model's
            base.setIUpdater(withCurrentLr(base.getIUpdater(), iteration, epoch));
            base.setBiasUpdater(withCurrentLr(base.getBiasUpdater(), iteration, epoch));
        }
    }

    private static IUpdater withCurrentLr(IUpdater updater, int iteration, int epoch) {
        if (updater == null || !updater.hasLearningRate()) {
            return updater;
        }
        if (updater instanceof PublishedOptimizer published) {
            return published.stockEquivalent(updater.getLearningRate(iteration, epoch));
        }
        IUpdater copy = updater.clone();
        copy.setLrAndSchedule(updater.getLearningRate(iteration, epoch), null);
        if (copy instanceof SteeredUpdater steered) {
            steered.followMomentum(null);
        } else if (copy instanceof Nesterovs nesterovs) {
            nesterovs.setMomentumISchedule(null);
        }
        return copy;
    }

}
