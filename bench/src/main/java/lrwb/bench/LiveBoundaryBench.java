package lrwb.bench;

import lrwb.engine.data.DataOptions;
import lrwb.engine.data.Datasets;
import lrwb.engine.inspect.LiveBoundary;
import lrwb.engine.inspect.PlanePoints;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.run.RunListener;
import lrwb.engine.run.RunOutcome;
import lrwb.engine.run.RunService;
import lrwb.engine.run.RunStart;
import lrwb.engine.run.RunStatus;
import lrwb.engine.run.RunTarget;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.train.IterationMetrics;
import lrwb.engine.train.TrainingRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the live decision boundary costs a training job (issue 16: at most 5% of its updates per second): the same
 * moons run (1000 points, mlp:32,16, batch 32, SGD at a too-high LR, as a class would watch it), started through the
 * run service with and without a {@link LiveBoundary} watching it from its first update — each copy of the parameters
 * computed into an 80x80 boundary and drawn as the app's 520-pixel picture, on the boundary's own thread — interleaved
 * round by round, order alternating. Reported: updates per second of both (wall, and CPU time of the job's thread) and
 * the median of the per-round ratios, with the frames drawn per second.
 */
final class LiveBoundaryBench {
    private static final int EPOCHS = 80;
    private static final int PIXELS = 520;
    private static final TrainingRequest REQUEST = new TrainingRequest(DataOptions.of("moons:samples=1000"),
            ModelSpec.parse("mlp:32,16"), OptimizerSpec.parse("sgd"), new ConstantSchedule(1.5), EPOCHS, 32, 11,
            "bench live boundary");

    private LiveBoundaryBench() {
    }

    private record Timed(Sample sample, int frames, double seconds, double boundaryCpuSeconds) {
    }

    static void run(int rounds, Path work, EngineContext context) throws Exception {
        PlanePoints plane = PlanePoints.of(Datasets.load(REQUEST.data()));
        List<Double> wallRatios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        List<Double> plainWall = new ArrayList<>();
        List<Double> watchedWall = new ArrayList<>();
        List<Double> plainCpu = new ArrayList<>();
        List<Double> watchedCpu = new ArrayList<>();
        List<Double> framesPerSecond = new ArrayList<>();
        List<Double> cpuPerFrame = new ArrayList<>();
        List<Double> coreShare = new ArrayList<>();
        try (RunService service = new RunService(context)) {
            time(service, work.resolve("boundary-warmup-a"), plane, false); // JIT and ND4J warm, both paths
            time(service, work.resolve("boundary-warmup-b"), plane, true);
            for (int r = 0; r < rounds; r++) {
                boolean plainFirst = r % 2 == 0;
                Timed a = plainFirst ? time(service, work.resolve("boundary-plain-" + r), plane, false) : null;
                Timed b = time(service, work.resolve("boundary-live-" + r), plane, true);
                if (!plainFirst) {
                    a = time(service, work.resolve("boundary-plain-" + r), plane, false);
                }
                plainWall.add(1 / a.sample().wall());
                watchedWall.add(1 / b.sample().wall());
                plainCpu.add(1 / a.sample().cpu());
                watchedCpu.add(1 / b.sample().cpu());
                wallRatios.add(a.sample().wall() / b.sample().wall());
                cpuRatios.add(a.sample().cpu() / b.sample().cpu());
                framesPerSecond.add(b.frames() / b.seconds());
                cpuPerFrame.add(b.boundaryCpuSeconds() / Math.max(1, b.frames()));
                coreShare.add(b.boundaryCpuSeconds() / b.seconds());
            }
        }
        System.out.println("## Live decision boundary: its cost to the training job, medians of " + rounds
                + " interleaved rounds");
        System.out.println();
        System.out.println("moons:samples=1000, mlp:32,16, batch 32, sgd lr 1.5, " + EPOCHS + " epochs through the run "
                + "service; 'watched': a LiveBoundary (80x80 cells, drawn at " + PIXELS + " px) from the first update.");
        System.out.println();
        System.out.println("| run | updates/s (wall) | updates/s (CPU of the job's thread) | frames/s |");
        System.out.println("|---|---:|---:|---:|");
        System.out.printf("| not watched | %.0f | %.0f | |%n", Stats.median(plainWall), Stats.median(plainCpu));
        System.out.printf("| watched live | %.0f | %.0f | %.1f |%n", Stats.median(watchedWall), Stats.median(watchedCpu),
                Stats.median(framesPerSecond));
        System.out.printf("| watched / not watched | %.3f | %.3f | |%n", Stats.median(wallRatios), Stats.median(cpuRatios));
        System.out.println();
        System.out.printf("The boundary's own thread: %.1f ms CPU per frame (80x80 cells computed and the picture drawn), "
                + "%.1f%% of a core while the run trains: what the job loses when no core is spare.%n%n",
                1000 * Stats.median(cpuPerFrame), 100 * Stats.median(coreShare));
        System.out.println("Ratios are medians of the per-round ratios (1.000: no cost; the target is >= 0.95). Cores: "
                + Runtime.getRuntime().availableProcessors() + "; load average now: " + Machine.loadAverage());
        System.out.println();
    }

    private static Timed time(RunService service, Path dir, PlanePoints plane, boolean watched) throws Exception {
        AtomicInteger frames = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong boundaryCpu = new java.util.concurrent.atomic.AtomicLong();
        LiveBoundary[] live = new LiveBoundary[1];
        Sample[] sample = new Sample[1];
        long t0 = System.nanoTime();
        RunOutcome end = service.startTraining(REQUEST, RunTarget.folder(dir, false), new RunListener() {
            private Sample.Stopwatch stopwatch;
            private long iterations;

            @Override
            public void onStarted(RunStart start) {
                if (watched) {
                    live[0] = LiveBoundary.watch(start.handle(), plane.extent(), LiveBoundary.LIVE_SIZE, frame -> {
                        plane.picture(frame.boundary(), PIXELS);
                        frames.incrementAndGet();
                        boundaryCpu.set(Sample.cpuNow()); // the boundary's thread is the LiveBoundary's own: all its CPU
                    });
                }
                stopwatch = Sample.start(); // on the job's thread, as is the end
            }

            @Override
            public void onIteration(IterationMetrics metrics) {
                iterations = metrics.iteration() + 1;
            }

            @Override
            public void onEnded(RunOutcome outcome) {
                sample[0] = stopwatch.stop(iterations);
            }
        }).await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (live[0] != null) {
            live[0].close();
        }
        if (end.status() != RunStatus.FINISHED && end.status() != RunStatus.DIVERGED) {
            throw new IllegalStateException("the bench run ended " + end.status() + ": " + end.message());
        }
        return new Timed(sample[0], frames.get(), seconds, boundaryCpu.get() / 1e9);
    }
}
