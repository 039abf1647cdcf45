package lrwb.bench;

import lrwb.engine.data.DataCache;
import lrwb.engine.data.DataOptions;
import lrwb.engine.data.Datasets;
import lrwb.engine.data.LoadedData;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.run.RunHandle;
import lrwb.engine.run.RunListener;
import lrwb.engine.run.RunService;
import lrwb.engine.run.RunTarget;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.train.IterationMetrics;
import lrwb.engine.train.TrainingRequest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reading data (issue 16): {@code cifar:DIR} on random files of CIFAR-10's binary format and size (5 × 10,000 training
 * records and 10,000 test records of 3,073 bytes, written to the work folder: nothing is downloaded), clocked from the
 * call to the loaded arrays (target ≤ 3 s); and what the app's data cache saves when Start is clicked: the time from
 * {@code startTraining} to the first update's metrics on Fashion-MNIST (Debian's {@code dataset-fashion-mnist}, skipped
 * when absent), with the data read at the start (as before the cache) and read before by the form (the cache).
 */
final class DataLoadBench {
    static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");
    private static final int RECORD = 3073;

    private DataLoadBench() {
    }

    static void run(int rounds, Path work, EngineContext context) throws Exception {
        Path cifar = writeRandomCifar(work.resolve("cifar-10-batches-bin"));
        DataOptions options = DataOptions.of("cifar:" + cifar);
        List<Double> seconds = new ArrayList<>();
        List<Double> cpuSeconds = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Sample.Stopwatch clock = Sample.start();
            LoadedData data = Datasets.load(options);
            Sample took = clock.stop(1);
            seconds.add(took.wall());
            cpuSeconds.add(took.cpu());
            if (data.trainSize() != 50_000 || data.validationSize() != 10_000) {
                throw new IllegalStateException("read " + data.trainSize() + " + " + data.validationSize() + " images");
            }
            System.gc(); // the last set's arrays go before the next is read
        }
        System.out.println("## Reading data");
        System.out.println();
        System.out.printf("CIFAR-10 (50,000 + 10,000 random images in the binary format, files in the page cache): "
                        + "median %.2f s, fastest %.2f s, slowest %.2f s over %d reads (target ≤ 3 s); CPU time of the "
                        + "reading thread: median %.2f s; load average now: %s%n", Stats.median(seconds),
                Stats.quantile(seconds, 0), Stats.quantile(seconds, 1), rounds, Stats.median(cpuSeconds), Machine.loadAverage());
        System.out.println();
        if (!Files.isDirectory(FASHION_MNIST)) {
            System.out.println("Start to first update on Fashion-MNIST: skipped, no " + FASHION_MNIST
                    + " (apt-get install dataset-fashion-mnist)");
            System.out.println();
            return;
        }
        DataOptions fashion = DataOptions.of("idx:" + FASHION_MNIST);
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            try (RunService reading = new RunService(context, new DataCache(0))) {
                cold.add(startToFirstUpdate(reading, fashion, work.resolve("fashion-cold-" + r)));
            }
            System.gc();
            try (RunService cached = new RunService(context, new DataCache(1L << 30))) {
                cached.dataCache().load(fashion); // the form read it to learn its size
                warm.add(startToFirstUpdate(cached, fashion, work.resolve("fashion-warm-" + r)));
            }
            System.gc();
        }
        System.out.printf("Start to first update, `cnn` on Fashion-MNIST (60,000 + 10,000 images), medians of %d rounds: "
                        + "%.2f s with the data read at the start, %.2f s with it read before by the form (the app's data "
                        + "cache); load average now: %s%n", rounds, Stats.median(cold), Stats.median(warm), Machine.loadAverage());
        System.out.println();
    }

    /** Seconds from the call that starts a run (Start in the app) to its first update's metrics; the run is then cancelled. */
    private static double startToFirstUpdate(RunService service, DataOptions data, Path dir) throws Exception {
        CompletableFuture<Long> first = new CompletableFuture<>();
        long t0 = System.nanoTime();
        RunHandle handle = service.startTraining(new TrainingRequest(data, ModelSpec.parse("cnn"), OptimizerSpec.parse("adam"),
                new ConstantSchedule(1e-3), 1, 64, 7, "bench start"), RunTarget.folder(dir, false), new RunListener() {
            @Override
            public void onIteration(IterationMetrics metrics) {
                first.complete(System.nanoTime());
            }
        });
        double seconds = (first.get(10, TimeUnit.MINUTES) - t0) / 1e9;
        handle.cancel();
        handle.ended().get(10, TimeUnit.MINUTES);
        return seconds;
    }

    /** The CIFAR-10 binary layout with random pixels and labels: {@code data_batch_1..5.bin}, {@code test_batch.bin}. */
    static Path writeRandomCifar(Path dir) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(1);
        byte[] batch = new byte[10_000 * RECORD];
        for (String name : List.of("data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5", "test_batch")) {
            random.nextBytes(batch);
            for (int i = 0; i < 10_000; i++) {
                batch[i * RECORD] = (byte) random.nextInt(10);
            }
            try (OutputStream out = Files.newOutputStream(dir.resolve(name + ".bin"))) {
                out.write(batch);
            }
        }
        return dir;
    }
}
