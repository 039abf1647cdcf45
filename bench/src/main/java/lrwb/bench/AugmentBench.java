package lrwb.bench;

import lrwb.engine.data.Augmentation;
import lrwb.engine.data.DataCache;
import lrwb.engine.data.DataOptions;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.run.RunOutcome;
import lrwb.engine.run.RunService;
import lrwb.engine.run.RunStatus;
import lrwb.engine.run.RunTarget;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.train.TrainingRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What augmentation costs a training run (issue 16: {@code --augment crop:4,flip,cutout} keeps the training loop within
 * 1.1× of the same run without it, because the images are augmented on the batch-copy thread, the spare core, while
 * the network trains on the batches before). The same one-epoch run of the {@code cnn} model on
 * {@code shapes:samples=4000,size=32} (3,200 training images, batch 64, 50 updates) through the {@link RunService},
 * with and without augmentation, interleaved round by round (order alternating); the data is read once beforehand
 * (the service's cache), so the clock (the job's start to its end, on the job's thread) sees training only.
 */
final class AugmentBench {
    static final String DATA = "shapes:samples=4000,size=32";
    static final String AUGMENT = "crop:4,flip,cutout";

    private AugmentBench() {
    }

    static void run(int rounds, Path work, EngineContext context) throws Exception {
        DataOptions plain = DataOptions.of(DATA);
        DataOptions augmented = plain.withAugment(Augmentation.parse(AUGMENT));
        try (RunService service = new RunService(context, new DataCache(1L << 30))) {
            MetricsSink sink = new MetricsSink();
            time(service, plain, work.resolve("augment-warmup-plain"), sink); // JIT, workspaces and the data read
            time(service, augmented, work.resolve("augment-warmup-augmented"), sink);
            List<Double> plainWall = new ArrayList<>();
            List<Double> augmentedWall = new ArrayList<>();
            List<Double> wallRatios = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                boolean plainFirst = r % 2 == 0;
                Sample a = plainFirst ? time(service, plain, work.resolve("augment-plain-" + r), sink) : null;
                Sample b = time(service, augmented, work.resolve("augment-on-" + r), sink);
                if (!plainFirst) {
                    a = time(service, plain, work.resolve("augment-plain-" + r), sink);
                }
                plainWall.add(a.wall());
                augmentedWall.add(b.wall());
                wallRatios.add(b.wall() / a.wall());
                cpuRatios.add(b.cpu() / a.cpu());
            }
            System.out.println("## Augmentation: `cnn` on " + DATA + ", batch 64, one epoch, with and without --augment "
                    + AUGMENT + ", medians of " + rounds + " interleaved rounds");
            System.out.println();
            System.out.println("| run | ms per update (wall) |");
            System.out.println("|---|---:|");
            System.out.printf("| without augmentation | %.1f |%n", Stats.median(plainWall) * 1e3);
            System.out.printf("| --augment %s | %.1f |%n", AUGMENT, Stats.median(augmentedWall) * 1e3);
            System.out.println();
            System.out.printf("Augmented / plain, median of the per-round ratios: wall %.3f× (quartiles %.3f–%.3f), CPU time "
                            + "of the job's thread %.3f× (the target: ≤ 1.1×). Machine cores: %d; load average now: %s%n",
                    Stats.median(wallRatios), Stats.quantile(wallRatios, 0.25), Stats.quantile(wallRatios, 0.75),
                    Stats.median(cpuRatios), Runtime.getRuntime().availableProcessors(), Machine.loadAverage());
            System.out.println();
        }
    }

    /** Per update of one whole one-epoch run, clocked on the job's thread from its start to its complete record. */
    private static Sample time(RunService service, DataOptions data, Path dir, MetricsSink sink) throws Exception {
        TrainingRequest request = new TrainingRequest(data, ModelSpec.parse("cnn"), OptimizerSpec.parse("adam"),
                new ConstantSchedule(1e-3), 1, 64, 7, "bench augment");
        TrainingLoop.Clock clock = new TrainingLoop.Clock(sink);
        RunOutcome end = service.startTraining(request, RunTarget.folder(dir, false), clock).await();
        if (end.status() != RunStatus.FINISHED) {
            throw new IllegalStateException("training ended " + end.status() + ": " + end.message());
        }
        return clock.sample;
    }
}
