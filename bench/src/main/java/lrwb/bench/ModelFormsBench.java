package lrwb.bench;

import lrwb.engine.data.DataOptions;
import lrwb.engine.data.Datasets;
import lrwb.engine.data.ImageShape;
import lrwb.engine.data.LoadedData;
import lrwb.engine.data.ShuffledBatches;
import lrwb.engine.finder.RangeTestConfig;
import lrwb.engine.finder.RangeTestJob;
import lrwb.engine.finder.RangeTestListener;
import lrwb.engine.finder.RangeTestRequest;
import lrwb.engine.finder.SweepMode;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.Network;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.SteerableSchedule;
import lrwb.engine.train.TrainingJob;
import lrwb.engine.train.TrainingRequest;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * The networks a user brings (specs/models.md): a spec-built {@code cifar-cnn} on 32×32×3 images at batch 128 and
 * an imported Keras model on iris. For each, per update: a bare {@code fit} loop on the very network the engine
 * builds (what DL4J itself costs for that network), our range test and our training job on the same network form;
 * medians over rounds, interleaved. Ratios near 1 mean the workbench trains a user's network at DL4J's own speed.
 */
final class ModelFormsBench {
    private static final OptimizerSpec SGD = OptimizerSpec.parse("momentum:0.9");

    private record Case(String name, String shape, DataOptions options, LoadedData data, ModelSpec model, int batch,
                        int updates, int rounds) {
    }

    private ModelFormsBench() {
    }

    static void run(List<String> names, String kerasFile, int rounds, EngineContext context) throws Exception {
        List<Case> cases = new ArrayList<>();
        for (String name : names) {
            if (name.equals("cifar-cnn")) {
                LoadedData images = randomImages(512, 128, 3, 32, 10);
                cases.add(new Case("cifar-cnn", "32×32×3, batch 128", DataOptions.of("iris"), images,
                        ModelSpec.parse("cifar-cnn"), 128, 10, 3)); // a range test takes at least 10 updates
            } else if (name.equals("keras")) {
                Path file = Path.of(kerasFile);
                if (!Files.isRegularFile(file)) {
                    System.out.println("keras case skipped: no file " + file.toAbsolutePath() + " (keras=PATH)");
                    continue;
                }
                cases.add(new Case("keras", "imported 4-8-3 (" + file.getFileName() + "), iris, batch 16",
                        DataOptions.of("iris"), Datasets.load(DataOptions.of("iris")), ModelSpec.parse("keras:" + file),
                        16, 100, rounds));
            }
        }
        if (cases.isEmpty()) {
            return;
        }
        System.out.println("## Your own network: per-update time (ms), medians of interleaved rounds");
        System.out.println();
        System.out.println("| case | bare `fit` on the engine's network | range test | training job | range / bare | training / bare |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (Case c : cases) {
            measure(c, context);
        }
        System.out.println();
        System.out.println("'bare' is net.fit(batch) in a loop on the network Networks.network builds for the form (our lean"
                + " dense, softmax and convolution layers where they are equivalent, DL4J's own layers for the rest). The range test"
                + " is prepared (network built) outside the clock; the training job's time is its whole run (thread start,"
                + " evaluation included) per update.");
        System.out.println();
    }

    private static void measure(Case c, EngineContext context) throws Exception {
        NetworkShape shape = NetworkShape.of(c.data());
        double[] bare = new double[c.rounds()];
        double[] range = new double[c.rounds()];
        double[] train = new double[c.rounds()];
        for (int r = 0; r < c.rounds(); r++) {
            bare[r] = bareFit(c, shape, context);
            range[r] = rangeTest(c, context);
            train[r] = training(c, context);
        }
        double b = median(bare);
        double rt = median(range);
        double t = median(train);
        System.out.printf("| %s (%s) | %.3f | %.3f | %.3f | %.2f | %.2f |%n", c.name(), c.shape(), b * 1e3, rt * 1e3, t * 1e3,
                rt / b, t / b);
    }

    private static double bareFit(Case c, NetworkShape shape, EngineContext context) {
        Network net = Networks.network(c.model(), SGD, SteerableSchedule.constant(Bench.LR), shape, 1, context.tuning());
        Iterator<DataSet> batches = new ShuffledBatches(c.data().train(), c.batch(), 1, context).stream(0, c.updates() + 1);
        net.fit(batches.next()); // the first update builds workspaces: outside the clock, as for the others' warm runs
        Bench.sameNativeSettingsAsOurJobs();
        long start = System.nanoTime();
        for (int i = 0; i < c.updates(); i++) {
            net.fit(batches.next());
        }
        return (System.nanoTime() - start) / 1e9 / c.updates();
    }

    private static double rangeTest(Case c, EngineContext context) {
        RangeTestRequest request = new RangeTestRequest(c.options(), c.model(), SGD, c.batch(),
                RangeTestConfig.of(1e-4, 1e-3, c.updates(), SweepMode.EXP));
        RangeTestJob job = RangeTestJob.prepare(request, c.data(), context);
        long start = System.nanoTime();
        job.run(RangeTestListener.NONE, () -> false);
        return (System.nanoTime() - start) / 1e9 / c.updates();
    }

    private static double training(Case c, EngineContext context) throws Exception {
        int stepsPerEpoch = (c.data().trainSize() + c.batch() - 1) / c.batch();
        int epochs = Math.max(1, c.updates() / stepsPerEpoch);
        TrainingRequest request = new TrainingRequest(c.options(), c.model(), SGD, new ConstantSchedule(Bench.LR), epochs,
                c.batch(), 1, "bench");
        TrainingJob job = new TrainingJob(request, c.data(), context);
        long start = System.nanoTime();
        job.start().ended().get();
        return (System.nanoTime() - start) / 1e9 / ((long) epochs * stepsPerEpoch);
    }

    /** Random images (uniform pixels, random labels): the speed of a network does not depend on what it learns. */
    static LoadedData randomImages(int train, int validation, int channels, int size, int classes) {
        return new LoadedData("random " + size + "x" + size + "x" + channels, randomSet(train, channels * size * size, classes, 1),
                randomSet(validation, channels * size * size, classes, 2), channels * size * size, classes,
                classNames(classes), new ImageShape(channels, size, size));
    }

    /** Random rows of {@code features} values (uniform), random labels: an MLP's speed does not depend on them either. */
    static LoadedData randomTable(int train, int validation, int features, int classes) {
        return new LoadedData("random " + features + " features", randomSet(train, features, classes, 1),
                randomSet(validation, features, classes, 2), features, classes, classNames(classes), null);
    }

    private static DataSet randomSet(int n, int features, int classes, long seed) {
        Random random = new Random(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, features);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, classes);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, random.nextInt(classes), 1f);
        }
        return new DataSet(x, y);
    }

    private static List<String> classNames(int classes) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add("class " + i);
        }
        return names;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
