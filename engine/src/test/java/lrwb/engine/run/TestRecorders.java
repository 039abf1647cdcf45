package lrwb.engine.run;

import lrwb.engine.train.TrainingListener;
import lrwb.engine.train.TrainingRequest;

import java.io.IOException;
import java.nio.file.Path;

/** For tests of jobs outside this package: the recorder the run service would attach, on a folder of the test's. */
public final class TestRecorders {
    private TestRecorders() {
    }

    /** Claims {@code dir} (empty or missing) and returns the training recorder writing it. */
    public static TrainingListener training(Path dir, TrainingRequest request) throws IOException {
        RecordFolder folder = RecordFolder.start(RunTarget.folder(dir, false).claim(RunKind.TRAINING, request.name()),
                RunKind.TRAINING, request.name(), request.toJson());
        return new TrainingRecorder(folder, Runnable::run, false);
    }
}
