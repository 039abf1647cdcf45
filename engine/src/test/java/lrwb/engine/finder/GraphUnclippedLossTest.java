package lrwb.engine.finder;

import lrwb.engine.data.DataOptions;
import lrwb.engine.data.Datasets;
import lrwb.engine.model.InputLayout;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.Network;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.model.lean.LeanLayers;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossNegativeLogLikelihood;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Graph networks (Keras functional models, DL4J graph files, {@code run:} graphs) record and stop on the true
 * cross-entropy too: they train on our softmax output layer, which adds back what DL4J's clip at 1e-10 removed.
 */
class GraphUnclippedLossTest {
    /** −ln 1e-10: no example's loss in DL4J's score passes it. */
    private static final double CLIPPED_MAX = -Math.log(1e-10);
    private static final NetworkShape IRIS = NetworkShape.tabular(4, 3);
    private static final EngineContext ENGINE = EngineContext.create();

    @TempDir
    static Path dir;
    private static Path graphZip;

    @BeforeAll
    static void saveAGraph() throws IOException {
        graphZip = dir.resolve("graph.zip");
        ModelSerializer.writeModel(graph(new LossMCXENT(), 0.1), graphZip.toFile(), true);
    }

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    /** A DL4J graph 4 → 16 ReLU → 3 softmax with {@code loss}, seeded, on SGD at {@code lr}. */
    private static ComputationGraph graph(ILossFunction loss, double lr) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(7).updater(new Sgd(lr))
                .graphBuilder()
                .addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(4).nOut(16).activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(loss).nIn(16).nOut(3).activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs("out")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    private static String functionalKeras() {
        try {
            return "keras:" + Path.of(GraphUnclippedLossTest.class.getResource("/models/functional_4_6_3.h5").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * (The tiny Keras model on plain SGD creeps up to its 4× stop below 23; with momentum it leaps past: loss 94 at
     * the stop, where DL4J's score would say at most 23.03.)
     */
    @ParameterizedTest
    @CsvSource({"keras functional, momentum:0.9, 1e-3", "dl4j graph, sgd, 1"})
    void aDivergingGraphRecordsLossesAbove23AndStopsOnTheFourTimesRule(String which, String optimizer, double startLr) {
        String model = which.startsWith("keras") ? functionalKeras() : "dl4j:" + graphZip;
        RangeTestConfig config = RangeTestConfig.of(startLr, 1e4, 40, SweepMode.EXP);
        RangeTestResult r = RangeTestJob.prepare(new RangeTestRequest(DataOptions.of("iris"), ModelSpec.parse(model),
                OptimizerSpec.parse(optimizer), 16, config), ENGINE).run(RangeTestListener.NONE, () -> false);

        List<RangePoint> p = r.points();
        RangePoint last = p.get(p.size() - 1);
        assertThat(last.loss()).isGreaterThan(CLIPPED_MAX);
        assertThat(r.diverged()).isTrue();
        assertThat(p.size()).isLessThan(40);
        double best = p.stream().mapToDouble(RangePoint::smoothed).min().orElseThrow();
        assertThat(last.smoothed()).isFinite().isGreaterThan(config.divergeFactor() * best); // the rule, not a NaN
        assertThat(p.subList(0, p.size() - 1)).allSatisfy(q ->
                assertThat(q.smoothed()).isLessThanOrEqualTo(config.divergeFactor() * best));
    }

    @Test
    void aGraphFromAFileTrainsOnOurSoftmaxOutputAndIsSavedWithDl4jsOwn() {
        Network net = Networks.network(ModelSpec.parse("dl4j:" + graphZip), OptimizerSpec.parse("sgd"),
                SteerableSchedule.constant(0.1), IRIS, 1, EngineTuning.defaults());
        ComputationGraph graph = (ComputationGraph) net.dl4j();
        assertThat(graph.getOutputLayer(0).getClass().getSimpleName()).isEqualTo("LeanSoftmaxOutput");
        String saved = net.configurationJson(0, 0);
        assertThat(saved).doesNotContain("Lean").contains("org.deeplearning4j.nn.conf.layers.OutputLayer");
    }

    /**
     * With nothing clipped, the loss recorded is DL4J's score: bit for bit where the softmax and loss run on ND4J
     * (the same operations on the same values as LossMCXENT), within float rounding where they run in Java (the lean
     * output sums the loss of a small batch in double, ND4J in float: ~1e-7 relative).
     */
    @Test
    void withNothingClippedTheLossIsDl4jsScore() {
        for (long javaErrorLimit : new long[] {0, EngineTuning.DEFAULT_JAVA_ERROR_LIMIT}) {
            ComputationGraph stock = graph(new LossMCXENT(), 0.1);
            ComputationGraph lean = LeanLayers.onLeanLayers(stock.clone(), javaErrorLimit);
            assertThat(lean.getOutputLayer(0).getClass().getSimpleName()).isEqualTo("LeanSoftmaxOutput");
            Network stockNet = Network.of(stock, InputLayout.FLAT, IRIS, List.of());
            Network leanNet = Network.of(lean, InputLayout.FLAT, IRIS, List.of());
            for (int i = 0; i < 4; i++) {
                DataSet batch = irisBatch(16 * i, 16);
                stockNet.fit(batch);
                leanNet.fit(batch);
                assertThat(stockNet.unclippedScore()).as("a stock output: DL4J's score").isEqualTo(stockNet.score());
                assertThat(leanNet.unclippedScore()).isEqualTo(leanNet.score());
                if (javaErrorLimit == 0) {
                    assertThat(leanNet.unclippedScore()).as("update %d, ND4J", i).isEqualTo(stockNet.score());
                } else {
                    assertThat(leanNet.unclippedScore()).as("update %d, Java", i).isCloseTo(stockNet.score(), within(1e-6));
                }
            }
            assertThat(leanNet.params()).isEqualTo(stockNet.params());
        }
    }

    /**
     * An output DL4J's own path scores (class weights; NLL is the same loss by another name) gets the same correction:
     * weights of 1 give the loss of the unweighted layer, which takes the lean shortcut.
     */
    @Test
    void anOutputOnDl4jsOwnPathGetsTheSameUnclippedLoss() {
        ILossFunction[] losses = {new LossMCXENT(), new LossMCXENT(Nd4j.ones(3)), new LossNegativeLogLikelihood()};
        double[] unclipped = new double[losses.length];
        double[] clipped = new double[losses.length];
        for (int k = 0; k < losses.length; k++) {
            ComputationGraph graph = LeanLayers.onLeanLayers(graph(losses[k], 1e4), 0);
            assertThat(graph.getOutputLayer(0).getClass().getSimpleName()).isEqualTo("LeanSoftmaxOutput");
            Network net = Network.of(graph, InputLayout.FLAT, IRIS, List.of());
            net.fit(irisBatch(0, 16)); // blows the weights up
            net.fit(irisBatch(16, 16));
            unclipped[k] = net.unclippedScore();
            clipped[k] = net.score();
        }
        assertThat(clipped[0]).isLessThanOrEqualTo(CLIPPED_MAX + 1e-6);
        assertThat(unclipped[0]).isGreaterThan(50);
        assertThat(clipped[1]).isCloseTo(clipped[0], within(1e-4 * clipped[0]));
        assertThat(unclipped[1]).isCloseTo(unclipped[0], within(1e-4 * unclipped[0]));
        assertThat(unclipped[2]).isEqualTo(unclipped[0]);
    }

    private static DataSet irisBatch(int from, int size) {
        DataSet train = Datasets.load(DataOptions.of("iris")).train();
        return new DataSet(train.getFeatures().get(NDArrayIndex.interval(from, from + size), NDArrayIndex.all()).dup(),
                train.getLabels().get(NDArrayIndex.interval(from, from + size), NDArrayIndex.all()).dup());
    }
}
