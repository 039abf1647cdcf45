package lrwb.engine.model.layers;

import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.model.TinyData;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mlp:H1,H2} and {@code cnn} built from their layer stacks are the networks {@link Networks} builds: the same
 * initial parameters and the same parameters after fits, bit for bit, on the lean and on DL4J's stock layers. So
 * both can be routed through {@link LayerStackConfiguration} and the old path deleted.
 */
class LayerStackEquivalenceTest {
    private static final EngineTuning LEAN = EngineTuning.defaults();

    @ParameterizedTest(name = "{0} {1} on {2}, lean {3}")
    @CsvSource(delimiter = '|', value = {
            "mlp:8,4 | adam | 4x3 | true",
            "mlp:8,4 | adam | 4x3 | false",
            "mlp:6 | momentum | 1x8x8x3 | true",
            "mlp:6 | sgd | 1x8x8x3 | false",
            "cnn | adam | 1x8x8x3 | true",
            "cnn | nesterov | 1x8x8x3 | false",
            // odd sizes: cnn's pools round up (7 -> 4 -> 2), as Networks' network-wide Same mode does
            "cnn | sgd | 2x7x7x4 | true",
            "cnn | adam | 2x7x7x4 | false",
    })
    void layerStacksBuildTheNetworksOfToday(String model, String optimizer, String shapeText, boolean lean) {
        ModelSpec spec = ModelSpec.parse(model);
        NetworkShape shape = shape(shapeText);
        LayerStack stack = spec.kind() == ModelSpec.Kind.CNN ? LayerStack.cnn() : LayerStack.mlp(spec.hiddenLayers());
        OptimizerSpec opt = OptimizerSpec.parse(optimizer);
        EngineTuning tuning = lean ? LEAN : null;

        MultiLayerNetwork today = lean
                ? Networks.build(spec, opt, SteerableSchedule.constant(0.01), shape, 42, LEAN)
                : Networks.buildWithStockLayers(spec, opt, SteerableSchedule.constant(0.01), shape, 42);
        MultiLayerNetwork stacked = LayerStackConfiguration.network(stack, opt.updater(SteerableSchedule.constant(0.01)),
                42, shape, tuning);

        assertThat(stacked.numParams()).isEqualTo(today.numParams()).isEqualTo(stack.totalParams(shape));
        assertThat(stacked.getnLayers()).isEqualTo(today.getnLayers());
        assertThat(stacked.params().toFloatVector()).as("initial parameters").containsExactly(today.params().toFloatVector());
        for (int i = 0; i < 3; i++) {
            DataSet batch = TinyData.batch(shape, 8, i);
            today.fit(batch);
            stacked.fit(batch);
            assertThat(stacked.score()).as("score of fit %d", i).isEqualTo(today.score());
        }
        assertThat(stacked.params().toFloatVector()).as("parameters after 3 fits").containsExactly(today.params().toFloatVector());
        INDArray state = today.getUpdater().getStateViewArray(); // null for plain SGD, which keeps none
        if (state == null) {
            assertThat(stacked.getUpdater().getStateViewArray()).isNull();
        } else {
            assertThat(stacked.getUpdater().getStateViewArray().toFloatVector()).as("updater state")
                    .containsExactly(state.toFloatVector());
        }
    }

    /** {@code 4x3}: 4 features, 3 classes; {@code 1x8x8x3}: channels x height x width images, 3 classes. */
    private static NetworkShape shape(String text) {
        List<Integer> d = java.util.Arrays.stream(text.split("x")).map(Integer::parseInt).toList();
        return d.size() == 2 ? NetworkShape.tabular(d.get(0), d.get(1)) : NetworkShape.image(d.get(0), d.get(1), d.get(2), d.get(3));
    }
}
