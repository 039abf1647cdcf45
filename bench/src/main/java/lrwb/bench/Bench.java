package lrwb.bench;

import lrwb.engine.run.RunService;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.data.Datasets;
import lrwb.engine.data.LoadedData;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.startup.EngineStartup;
import org.bytedeco.javacpp.Pointer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The performance benchmark (see bench/README.md): per-update time of a bare DL4J fit loop, of our range test
 * and of our training job on three MLP sizes, measured in one run with the variants interleaved round by round
 * (so a busy neighbour slows all of them alike), plus start-up times measured in fresh JVMs. Prints Markdown.
 *
 * <p>Arguments (any order): {@code quick} (fewer rounds, MNIST-sized set cut to 12000 examples),
 * {@code rounds=N}, {@code cases=iris,digits,mnist} (or {@code none}), {@code startups=N} (fresh JVMs per start-up figure, 0 to
 * skip them), {@code torch=cnn,cifar-cnn,mnist-mlp,iris-mlp} (or {@code none}: the comparison with PyTorch,
 * {@link TorchComparisonBench}), {@code sweep=tiny,small} (the local sweep runner's grids, {@link SweepBench}; {@code none}
 * skips it), {@code spark=tiny,small} (embedded Spark against the local runner on those grids, {@link SparkSweepBench};
 * {@code none} skips it), {@code sweepRounds=N} (rounds on the small grid; default rounds / 4, at least 3),
 * {@code sweepWarmups=N} (untimed sweeps before the local runner's rounds, for the JIT; default 1),
 * {@code boundary=none} (skips the live decision boundary's cost, {@link LiveBoundaryBench}), {@code augment=none} (skips
 * a training run with augmentation against one without, {@link AugmentBench}), {@code data=none} (skips reading CIFAR-10
 * and Start-to-first-update on Fashion-MNIST, {@link DataLoadBench}).
 */
public final class Bench {
    static final double LR = 0.01;
    static final long SEED = 42;
    private static final OptimizerSpec SGD = OptimizerSpec.of(OptimizerSpec.Kind.SGD);

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        boolean quick = options.containsKey("quick");
        int rounds = Integer.parseInt(options.getOrDefault("rounds", quick ? "7" : "31"));
        int startups = Integer.parseInt(options.getOrDefault("startups", quick ? "3" : "5"));
        List<String> caseNames = List.of(options.getOrDefault("cases", "keras,cifar-cnn,iris,digits,mnist").split(","));
        Locale.setDefault(Locale.ROOT);

        Path work = Files.createTempDirectory("lrwb-bench");
        try {
            System.out.println("# LR Workbench benchmark");
            System.out.println();
            System.out.println("Machine: " + Machine.describe());
            System.out.println("Load average at start: " + Machine.loadAverage());
            System.out.println();
            Results results = new Results();
            if (startups > 0) {
                startupFigures(startups, results);
            }
            // The benchmark's one engine context, as the app has one: every measured job runs on it.
            EngineContext context = EngineContext.create();
            EngineStartup.EngineInfo engine = new EngineStartup(context).startInBackground().get();
            System.out.println("ND4J in this JVM: " + engine.describe() + "; " + Machine.nd4jThreads()
                    + "; javacpp maxPhysicalBytes " + Pointer.maxPhysicalBytes());
            System.out.println();
            MetricsSink sink = new MetricsSink();
            List<BenchCase> cases = new ArrayList<>();
            List<String> modelForms = new ArrayList<>();
            for (String name : caseNames) {
                if (name.isBlank() || name.equals("none")) {
                    continue;
                }
                if (name.strip().equals("cifar-cnn") || name.strip().equals("keras")) {
                    modelForms.add(name.strip());
                    continue;
                }
                cases.add(switch (name.strip()) {
                    case "iris" -> BenchCase.iris(rounds);
                    case "digits" -> BenchCase.digits(work, rounds);
                    case "mnist" -> BenchCase.mnist(work, Math.max(3, rounds / 3), quick ? 12000 : 60000);
                    default -> throw new IllegalArgumentException("unknown case " + name
                            + " (iris, digits, mnist, cifar-cnn, keras)");
                });
            }
            String torchCases = options.getOrDefault("torch", String.join(",", TorchComparisonBench.caseNames()));
            if (!torchCases.equals("none")) {
                TorchComparisonBench.run(List.of(torchCases.split(",")), Math.max(3, rounds / 4), context);
            }
            if (!options.getOrDefault("boundary", "on").equals("none")) {
                LiveBoundaryBench.run(Math.max(5, rounds / 2), work, context);
            }
            List<SweepBench.Grid> sweepGrids = SweepBench.Grid.chosen(options.getOrDefault("sweep", "on"));
            // a tiny sweep takes well under a second: as many rounds as the per-update cases; a small one ~10 s
            int smallSweepRounds = Integer.parseInt(options.getOrDefault("sweepRounds", Integer.toString(Math.max(3, rounds / 4))));
            if (!sweepGrids.isEmpty()) {
                SweepBench.run(sweepGrids, Math.max(3, rounds / 2), smallSweepRounds,
                        Integer.parseInt(options.getOrDefault("sweepWarmups", "1")), work, context);
            }
            List<SweepBench.Grid> sparkGrids = SweepBench.Grid.chosen(options.getOrDefault("spark", "on"));
            if (!sparkGrids.isEmpty()) {
                SparkSweepBench.run(sparkGrids, rounds, smallSweepRounds, work, context);
            }
            if (!options.getOrDefault("augment", "on").equals("none")) {
                AugmentBench.run(Math.max(3, rounds / 2), work, context);
            }
            if (!options.getOrDefault("data", "on").equals("none")) {
                DataLoadBench.run(Math.max(3, rounds / 4), work, context);
            }
            ModelFormsBench.run(modelForms, options.getOrDefault("keras", "../engine/src/test/resources/models/mlp_4_8_3.h5"),
                    rounds, context);
            for (BenchCase c : cases) {
                runCase(c, work, sink, results, context);
            }
            System.out.println("## Per-update time of whole runs, medians over interleaved rounds (µs per update)");
            System.out.println();
            System.out.println(TABLE_HEADER);
            wallRows.forEach(System.out::println);
            System.out.println();
            System.out.println("Ratios are medians of the per-round ratios (each round times every loop once, order "
                    + "rotated). A range test run is " + "the sweep's updates plus its snapshot, restore and files; a "
                    + "training run is whole epochs from the job's start to its end, files and evaluation included. "
                    + "'stock DL4J' is the same fit loop on the same network built with DL4J's own dense and "
                    + "output layers and updater; 'bare' uses the engine's lean ones, as our jobs do. "
                    + "'mmul only' is the update's matrix products alone (plain ND4J gemm, same shapes); "
                    + "'mmul / training' is the share of the arithmetic throughput the training job reaches.");
            System.out.println();
            System.out.println("## Steady state: what each further update costs (µs per update)");
            System.out.println();
            System.out.println("Each round also times a bare loop and a range test of twice the updates and a training run "
                    + "of twice the epochs; (2n·t₂ₙ − n·tₙ) / n is the cost per update with the per-run costs (snapshot, "
                    + "restore, files, thread start, workspaces) cancelled out. Per-epoch costs (evaluation, epoch rows) "
                    + "stay in. A difference of two timings: noisier than the whole runs.");
            System.out.println();
            System.out.println(STEADY_HEADER);
            steadyWallRows.forEach(System.out::println);
            System.out.println();
            System.out.println("## The same rounds in CPU time of the thread that ran each loop");
            System.out.println();
            System.out.println("µs per update; leaves out waiting for a core, so steadier on a busy machine, and work "
                    + "done on other threads (the next chunk of batches, background validation).");
            System.out.println();
            System.out.println(TABLE_HEADER);
            cpuRows.forEach(System.out::println);
            System.out.println();
            System.out.println(STEADY_HEADER);
            steadyCpuRows.forEach(System.out::println);
            System.out.println();
            System.out.println("Load average at end: " + Machine.loadAverage());
            System.out.println();
            results.printTargets();
        } finally {
            deleteTree(work);
        }
        System.exit(0);
    }

    private static void runCase(BenchCase c, Path work, MetricsSink sink, Results results, EngineContext engine)
            throws Exception {
        LoadedData data = Datasets.load(c.data());
        Path runs = work.resolve("runs-" + c.name());
        BareLoop bare = new BareLoop(c, data, SGD, SEED, false, engine);
        BareLoop stock = new BareLoop(c, data, SGD, SEED, true, engine);
        int n = c.blockIterations();
        // As the app runs them: one read of a data set for all its runs (the CLI's one run a process reads it once too)
        RunService service = new RunService(engine, lrwb.engine.data.DataCache.withDefaultBudget());
        RangeTestLoop range = new RangeTestLoop(c, n, SGD, SEED, runs, sink, service);
        RangeTestLoop range2 = new RangeTestLoop(c, 2 * n, SGD, SEED, runs, sink, service);
        TrainingLoop train = new TrainingLoop(c, c.trainEpochs(), SGD, SEED, runs, sink, service);
        TrainingLoop train2 = new TrainingLoop(c, 2 * c.trainEpochs(), SGD, SEED, runs, sink, service);
        MmulLoop mmul = new MmulLoop(c, data);

        // Every block runs on a thread of its own, as a TrainingJob always does: ND4J keeps per-thread state
        // (workspaces, OpenMP settings), and a long-lived thread or the JVM's main thread can time differently.
        List<Variant> variants = List.of(
                new Variant(onFreshThread(() -> bare.block(n))),
                new Variant(onFreshThread(range::block)),
                new Variant(train::block),
                new Variant(onFreshThread(() -> mmul.block(n))),
                new Variant(onFreshThread(() -> stock.block(n))),
                new Variant(onFreshThread(range2::block)),
                new Variant(train2::block),
                new Variant(onFreshThread(() -> bare.block(2 * n))));
        // Warm-up: the JIT (whose C2 compiles take a core for seconds), the workspaces and the allocator settle
        // before anything counts.
        long warmUntil = System.nanoTime() + 8_000_000_000L;
        for (int i = 0; i < 3 || System.nanoTime() < warmUntil; i++) {
            for (Variant v : variants) {
                v.block.run();
            }
        }
        for (int r = 0; r < c.rounds(); r++) {
            for (int k = 0; k < variants.size(); k++) {
                Variant v = variants.get((k + r) % variants.size());
                v.samples.add(v.block.run());
            }
        }
        Variant b = variants.get(0);
        Variant rt = variants.get(1);
        Variant tr = variants.get(2);
        Variant mm = variants.get(3);
        Variant st = variants.get(4);
        Variant rt2 = variants.get(5);
        Variant tr2 = variants.get(6);
        Variant b2 = variants.get(7);
        for (boolean wall : new boolean[] {true, false}) {
            ToDoubleFunction<Sample> m = wall ? Sample::wall : Sample::cpu;
            List<Double> bareRun = b.series(m);
            List<Double> rangeRun = rt.series(m);
            List<Double> trainRun = tr.series(m);
            // Steady state: the cost of the updates a run twice as long adds, so per-run costs (snapshot, restore,
            // files, thread start) cancel out: (2n * t2n - n * tn) / n per update.
            List<Double> bareSteady = marginal(b2.series(m), bareRun);
            List<Double> rangeSteady = marginal(rt2.series(m), rangeRun);
            List<Double> trainSteady = marginal(tr2.series(m), trainRun);
            double rangeRatio = Stats.median(divide(rangeRun, bareRun));
            double trainRatio = Stats.median(divide(trainRun, bareRun));
            double mmulShare = Stats.median(divide(mm.series(m), trainRun));
            String bold = wall ? "**" : "";
            (wall ? wallRows : cpuRows).add(String.format("| %s %s | %.0f | %.0f | %.0f | %.0f | %.3f | %s%.3f%s | %s%.3f%s | %.0f | %.0f%% |",
                    c.name(), c.shape(), us(st.series(m)), us(bareRun), us(rangeRun), us(trainRun),
                    Stats.median(divide(bareRun, st.series(m))), bold, rangeRatio, bold, bold, trainRatio, bold,
                    us(mm.series(m)), 100 * mmulShare));
            double rangeSteadyRatio = Stats.median(divide(rangeSteady, bareSteady));
            double trainSteadyRatio = Stats.median(divide(trainSteady, bareSteady));
            double mmulSteadyShare = Stats.median(divide(mm.series(m), trainSteady));
            (wall ? steadyWallRows : steadyCpuRows).add(String.format(
                    "| %s %s | %.0f | %.0f | %.0f | %s%.3f%s | %s%.3f%s | %.0f%% |", c.name(), c.shape(), us(bareSteady),
                    us(rangeSteady), us(trainSteady), bold, rangeSteadyRatio, bold, bold, trainSteadyRatio, bold,
                    100 * mmulSteadyShare));
            if (wall) {
                results.cases.put(c.name(), new double[] {rangeRatio, trainRatio, mmulShare, rangeSteadyRatio,
                        trainSteadyRatio, mmulSteadyShare});
            }
        }
        if (range.lastPoints() != n) {
            wallRows.add("| (range test stopped after " + range.lastPoints() + " of " + n + " updates) |||||||||");
        }
    }

    private static final List<String> wallRows = new ArrayList<>();
    private static final List<String> cpuRows = new ArrayList<>();
    private static final List<String> steadyWallRows = new ArrayList<>();
    private static final List<String> steadyCpuRows = new ArrayList<>();
    private static final String STEADY_HEADER = "| case | bare `fit` | range test | training | range / bare | "
            + "training / bare | mmul / training |\n|---|---:|---:|---:|---:|---:|---:|";
    private static final String TABLE_HEADER = "| case | stock DL4J `fit` | bare `fit` | range test | training | "
            + "bare / stock | range / bare | training / bare | mmul only | mmul / training |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    /**
     * The bare and mmul loops run under the process settings our jobs use (one native thread; see the engine's
     * NativeSettings), applied to the calling thread as our jobs apply them: they are configuration, not overhead.
     */
    static void sameNativeSettingsAsOurJobs() {
        try {
            Class.forName("lrwb.engine.runtime.NativeSettings").getMethod("applyToCurrentThread").invoke(null);
        } catch (ReflectiveOperationException e) {
            // an engine from before NativeSettings: the bare loop runs with ND4J's defaults, as the jobs do
        }
    }

    private static Block onFreshThread(Block block) {
        return () -> {
            FutureTask<Sample> task = new FutureTask<>(block::run);
            Thread t = new Thread(task, "bench-block");
            t.setDaemon(true);
            t.start();
            return task.get();
        };
    }

    /** Microseconds: the median of per-update seconds. */
    private static double us(List<Double> seconds) {
        return 1e6 * Stats.median(seconds);
    }

    /** Round by round. */
    private static List<Double> divide(List<Double> a, List<Double> b) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            r.add(a.get(i) / b.get(i));
        }
        return r;
    }

    /** Round by round, the per-update cost of the updates the double-length run adds: {@code 2 t2n - tn}. */
    private static List<Double> marginal(List<Double> doubleLength, List<Double> singleLength) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < doubleLength.size(); i++) {
            r.add(2 * doubleLength.get(i) - singleLength.get(i));
        }
        return r;
    }

    /** Start-up figures of one JVM configuration, collected over the interleaved fresh JVMs. */
    private static final class Startup {
        final String label;
        final List<String> jvmArgs;
        final List<Double> engineMs = new ArrayList<>();
        final List<Double> readyUptime = new ArrayList<>();
        final List<Double> prepareMs = new ArrayList<>();
        final List<Double> rangeMs = new ArrayList<>();
        final List<Double> totalMs = new ArrayList<>();
        final List<Double> points = new ArrayList<>();
        final List<Double> windowWall = new ArrayList<>();

        Startup(String label, List<String> jvmArgs) {
            this.label = label;
            this.jvmArgs = jvmArgs;
        }

        void probe() throws Exception {
            ChildJvm.Output out = ChildJvm.run(StartupProbe.class.getName(), jvmArgs, Map.of(),
                    line -> line.startsWith("engineMs="), 120);
            if (out.line() == null) {
                throw new IllegalStateException("the start-up probe printed nothing");
            }
            Map<String, String> kv = keyValues(out.line());
            engineMs.add(Double.parseDouble(kv.get("engineMs")));
            readyUptime.add(Double.parseDouble(kv.get("readyUptimeMs")));
            prepareMs.add(Double.parseDouble(kv.get("prepareMs")));
            rangeMs.add(Double.parseDouble(kv.get("runMs")));
            totalMs.add(Double.parseDouble(kv.get("prepareMs")) + Double.parseDouble(kv.get("runMs")));
            points.add(Double.parseDouble(kv.get("points")));
        }

        void window(String display) throws Exception {
            List<String> args = new ArrayList<>(jvmArgs);
            args.add("-Dlrwb.exitWhenShown=true");
            ChildJvm.Output out = ChildJvm.run("lrwb.app.Launcher", args, Map.of("DISPLAY", display),
                    line -> line.startsWith("lrwb: window shown"), 120);
            if (out.line() != null) {
                windowWall.add(out.wallMs());
            }
        }

        void print() {
            String p = label.isEmpty() ? "" : " (" + label + ")";
            row("engine ready: EngineStartup's own time" + p, engineMs);
            row("engine ready: JVM uptime when ready" + p, readyUptime);
            row("first iris range test once ready: prepare (data + network)" + p, prepareMs);
            row("first iris range test once ready: run (" + (int) Stats.median(points) + " updates, restore, files)" + p,
                    rangeMs);
            row("first iris range test once ready: prepare + run" + p, totalMs);
            if (!windowWall.isEmpty()) {
                row("window shown: launch (process spawn) to stage shown" + p, windowWall);
            }
        }
    }

    private static void startupFigures(int runs, Results results) throws Exception {
        // Every figure with the engine as it ships and, interleaved, with its warm-up switched off (a property
        // engines before the warm-up ignore): the warm-up moves work from the first range test to start-up.
        List<Startup> configurations = List.of(new Startup("", List.of()),
                new Startup("no warm-up", List.of("-Dlrwb.engine.warmUp=false")));
        Optional<Xvfb> display = Xvfb.startIfNeeded();
        try {
            for (int i = 0; i < runs; i++) {
                for (Startup s : configurations) {
                    s.probe();
                    if (display.isPresent()) {
                        s.window(display.get().display());
                    }
                }
            }
        } finally {
            display.ifPresent(Xvfb::close);
        }
        System.out.println("## Start-up, medians of " + runs + " fresh JVMs each, interleaved (ms)");
        System.out.println();
        System.out.println("| figure | median | min | max |");
        System.out.println("|---|---:|---:|---:|");
        configurations.forEach(Startup::print);
        if (display.isEmpty()) {
            System.out.println("| window shown | (no display and no Xvfb) | | |");
        }
        System.out.println();
        Startup shipped = configurations.get(0);
        results.coldRangeMs = Stats.median(shipped.totalMs);
        results.coldRangePoints = (int) Stats.median(shipped.points);
        results.windowMs = shipped.windowWall.isEmpty() ? Double.NaN : Stats.median(shipped.windowWall);
    }

    private static void row(String figure, List<Double> values) {
        System.out.printf("| %s | %.0f | %.0f | %.0f |%n", figure, Stats.median(values), Stats.quantile(values, 0),
                Stats.quantile(values, 1));
    }

    private static Map<String, String> keyValues(String line) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : line.trim().split("\\s+")) {
            int eq = part.indexOf('=');
            kv.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return kv;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            for (String token : arg.trim().split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                int eq = token.indexOf('=');
                options.put(eq < 0 ? token : token.substring(0, eq), eq < 0 ? "" : token.substring(eq + 1));
            }
        }
        return options;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private interface Block {
        Sample run() throws Exception;
    }

    private static final class Variant {
        final Block block;
        final List<Sample> samples = new ArrayList<>();

        Variant(Block block) {
            this.block = block;
        }

        /** Per-update seconds of each round. */
        List<Double> series(ToDoubleFunction<Sample> metric) {
            return samples.stream().map(metric::applyAsDouble).toList();
        }
    }

    /** The targets, checked against this run's figures. */
    private static final class Results {
        final Map<String, double[]> cases = new LinkedHashMap<>();
        double coldRangeMs = Double.NaN;
        int coldRangePoints;
        double windowMs = Double.NaN;

        void printTargets() {
            System.out.println("## Targets");
            System.out.println();
            for (Map.Entry<String, double[]> e : cases.entrySet()) {
                double[] v = e.getValue();
                System.out.printf("- %s: range test / bare %.3f (steady state %.3f), training / bare %.3f (steady state "
                        + "%.3f) (target <= 1.1): whole runs %s, steady state %s%n", e.getKey(), v[0], v[3], v[1], v[4],
                        v[0] <= 1.1 && v[1] <= 1.1 ? "met" : "NOT met", v[3] <= 1.1 && v[4] <= 1.1 ? "met" : "NOT met");
            }
            if (!Double.isNaN(coldRangeMs)) {
                System.out.printf("- iris range test (%d updates) right after ND4J is ready, prepare + run: %.0f ms "
                        + "(target <= 500): %s%n", coldRangePoints, coldRangeMs, coldRangeMs <= 500 ? "met" : "NOT met");
            }
            double[] mnist = cases.get("mnist");
            if (mnist != null) {
                System.out.printf("- MNIST-sized training at %.0f%% of the mmul loop's throughput (steady state %.0f%%) "
                        + "(target >= 60%%): %s%n", 100 * mnist[2], 100 * mnist[5], mnist[2] >= 0.6 ? "met" : "NOT met");
            }
            if (!Double.isNaN(windowMs)) {
                System.out.printf("- window shown %.0f ms after launch (target < 2000): %s%n", windowMs,
                        windowMs < 2000 ? "met" : "NOT met");
            }
        }
    }
}
