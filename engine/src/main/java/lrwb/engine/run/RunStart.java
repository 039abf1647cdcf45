package lrwb.engine.run;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run is about to do, known once its data is loaded: for progress bars, ETAs and schedules made from it.
 *
 * @param plannedIterations updates planned (a range test may stop earlier, when the loss diverges)
 * @param plannedEpochs     training: epochs planned; a range test: 0
 * @param handle            the run's controls, the same the start returned: a listener that steers the run has them
 *                          before the first update, however its own thread and the starting thread interleave
 * @param modelNotes        what was done to the network to fit the run, one line each (e.g. {@code replaced the output
 *                          layer: 22 -> 10 classes}); empty for networks the workbench built
 */
public record RunStart(RunKind kind, Path folder, String datasetName, int trainSize, int validationSize, int stepsPerEpoch,
                       long plannedIterations, int plannedEpochs, RunHandle handle, List<String> modelNotes) {
    public RunStart {
        modelNotes = List.copyOf(modelNotes);
    }
}
