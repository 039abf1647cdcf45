package lrwb.engine.run;

import lrwb.engine.data.DataOptions;
import lrwb.engine.data.Datasets;
import lrwb.engine.data.LoadedData;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.Network;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Epochs that end within {@link NetworkCheckpoint#WRITE_INTERVAL_MILLIS} of the checkpoint's start or of its last
 * write leave their copy waiting instead of each starting a zip write; the end writes the last epoch's, on the
 * waiting thread when the writer has not taken it.
 */
class NetworkCheckpointTest {
    private static final LoadedData IRIS = Datasets.load(DataOptions.of("iris"));

    /** Holds the tasks handed to it: a writer that has not had a core yet. */
    private static final class HeldTasks implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }
    }

    private static Network iris() {
        return Networks.network(ModelSpec.mlp(4), OptimizerSpec.parse("nesterov:0.9"), SteerableSchedule.constant(0.01),
                NetworkShape.of(IRIS), 3, EngineTuning.defaults());
    }

    @Test
    void quickEpochsWaitAndTheEndWritesTheLastOnTheWaitingThread(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve(RunFiles.MODEL);
        HeldTasks writer = new HeldTasks();
        Network net = iris();
        net.fit(IRIS.train()); // a cold JVM's first fit can take longer than the interval, which starts with the checkpoint
        NetworkCheckpoint checkpoint = new NetworkCheckpoint(zip, writer, NetworkSaving.EVERY_EPOCH);
        for (int epoch = 1; epoch <= 3; epoch++) {
            net.fit(IRIS.train());
            net.setEpochCount(epoch);
            checkpoint.epochEnded(net);
        }
        checkpoint.writeIfDue(); // the flusher, well inside the interval
        assertThat(writer.tasks).as("no write started within the interval").isEmpty();
        assertThat(zip).doesNotExist();

        checkpoint.awaitWritten();

        assertThat(writer.tasks).isEmpty();
        MultiLayerNetwork saved = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), true);
        assertThat(saved.getEpochCount()).as("the last epoch's copy").isEqualTo(3);
        assertThat(saved.getIterationCount()).isEqualTo(4);
        assertThat(saved.params().toFloatVector()).containsExactly(net.params().toFloatVector());
        assertThat(saved.getUpdater().getStateViewArray().toFloatVector()).as("the last epoch's momentum, taken again in place")
                .containsExactly(net.updaterState().toFloatVector());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(RunFiles.MODEL); // no temp file left
        }
    }
}
