package lrwb.spark;

import lrwb.engine.sweep.CellBackend;
import lrwb.engine.sweep.CellSink;
import lrwb.engine.sweep.SweepCell;
import lrwb.engine.sweep.SweepGrid;
import lrwb.engine.sweep.SweepRow;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import scala.collection.JavaConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;
import scala.util.Try;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sweep's cells as Apache Spark tasks, one task per cell: the pending cells' JSON text is parallelised with one
 * partition per cell, each task runs the cell on its executor ({@link CellTask}) and returns the row and the run
 * folder's files, and the driver hands each to the sink ({@link CellSink#finishedRemotely}), which writes it under
 * the sweep folder exactly as the local runner would have.
 *
 * <p>Rows arrive as cells finish, not at the end: all cells are one job ({@link SparkContext#submitJob}) whose result
 * handler Spark calls on the driver as each task succeeds. ({@code toLocalIterator} would also stream, but it runs
 * one job per partition, one after the other: one cell at a time. A job per cell with {@code collectAsync} would
 * work too, at thousands of jobs for a large grid.) The handler runs on Spark's scheduler thread, so it only queues
 * the result; the thread in {@link #run} writes it.
 *
 * <p>One SparkContext per backend (Spark allows one per JVM): made by {@link SparkCellsProvider}, stopped by
 * {@link #close}.
 */
public final class SparkCells implements CellBackend {

    /** How long a cancelled sweep waits for its killed tasks to end (their runs stop within a batch). */
    private static final long KILLED_TASKS_WAIT_S = 30;

    private final JavaSparkContext spark;
    private final String jobGroup = "lrwb-sweep-" + UUID.randomUUID();
    private volatile boolean cancelled;

    SparkCells(JavaSparkContext spark) {
        this.spark = spark;
    }

    /** Spark's settings for a sweep, each only where the user (spark-submit --conf, -Dspark.*) gave none. */
    static SparkConf conf(SparkMaster master) {
        SparkConf conf = new SparkConf().setMaster(master.text());
        conf.setIfMissing("spark.app.name", "lrwb sweep");
        // Each result is written and dropped as it arrives, so the sum of all cells' files (Spark's 1 GB default
        // limit per job, which a large grid's model.zip files exceed) needs no cap.
        conf.setIfMissing("spark.driver.maxResultSize", "0");
        // One native ND4J thread per task: a task is one cell, and an executor runs as many cells as it has cores.
        conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1");
        if (!master.local()) {
            // `java -jar lrwb-spark.jar ... --master spark://...`: the executors need this program's classes, which
            // spark-submit would have shipped (it sets spark.jars itself, and wins).
            ownJar().ifPresent(jar -> conf.setIfMissing("spark.jars", jar));
        }
        if (master.local()) {
            // Embedded: no web UI (a port per sweep, a second of start-up) and no listening on the network.
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    /** The jar this class was loaded from, when it was one (not target/classes). */
    private static Optional<String> ownJar() {
        try {
            Path location = Path.of(SparkCells.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? Optional.of(location.toString()) : Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public void run(SweepGrid grid, List<SweepCell> pending, CellSink sink) throws Exception {
        if (pending.isEmpty() || cancelled) {
            return;
        }
        List<String> texts = new ArrayList<>(pending.size());
        for (SweepCell cell : pending) {
            texts.add(cell.toJson().toString());
        }
        JavaRDD<CellResult> results = spark.parallelize(texts, texts.size()).map(new CellTask(grid.stopDiverged()));
        BlockingQueue<CellResult> arrived = new LinkedBlockingQueue<>();
        TaskStarts starts = new TaskStarts(jobGroup, pending, sink);
        spark.sc().addSparkListener(starts);
        spark.setJobGroup(jobGroup, "lrwb sweep: " + grid.name(), true);
        List<Object> partitions = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            partitions.add(i);
        }
        SimpleFutureAction<BoxedUnit> job = null;
        try {
            job = spark.sc().submitJob(results.rdd(), new OnlyElement(),
                    JavaConverters.asScalaBuffer(partitions).toSeq(), new Enqueue(arrived), new Nothing());
            if (cancelled) { // cancelled while the job was being submitted: its group had nothing to cancel yet
                spark.cancelJobGroup(jobGroup);
            }
            int handed = 0;
            while (handed < texts.size()) {
                CellResult result = arrived.poll(100, TimeUnit.MILLISECONDS);
                if (result != null) {
                    sink.finishedRemotely(SweepRow.parse(result.row()), result.files());
                    handed++;
                } else if (job.isCompleted() && arrived.isEmpty()) {
                    Try<BoxedUnit> outcome = job.value().get();
                    if (cancelled) {
                        // the job ends at the cancel; its killed tasks end once their runs have stopped
                        starts.awaitNoneRunning(TimeUnit.SECONDS.toNanos(KILLED_TASKS_WAIT_S));
                        return;
                    }
                    if (outcome.isFailure()) {
                        throw new IOException("the Spark job failed: " + firstLine(outcome.failed().get()));
                    }
                    throw new IllegalStateException("the Spark job ended with " + handed + " of " + texts.size()
                            + " cells returned");
                }
            }
        } finally {
            if (job != null && !job.isCompleted()) { // the sink failed (e.g. a full disk): stop the cells nobody will write
                spark.cancelJobGroup(jobGroup);
            }
            spark.sc().removeSparkListener(starts);
            spark.sc().clearJobGroup();
        }
    }

    /** Cancels the job: Spark interrupts the running tasks (a cell's run ends as cancelled) and starts no more. */
    @Override
    public void cancel() {
        cancelled = true;
        spark.cancelJobGroup(jobGroup);
    }

    @Override
    public void close() {
        spark.stop();
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        String line = message.lines().findFirst().orElse(message).strip();
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }

    /** A task's partition holds one cell: its result is the partition's one element. Runs on executors. */
    private static final class OnlyElement extends AbstractFunction1<scala.collection.Iterator<CellResult>, CellResult>
            implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public CellResult apply(scala.collection.Iterator<CellResult> partition) {
            return partition.next();
        }
    }

    /** Spark's result handler: on the scheduler's thread, as each task succeeds; only queues. */
    private static final class Enqueue extends AbstractFunction2<Object, CellResult, BoxedUnit> {
        private final BlockingQueue<CellResult> queue;

        Enqueue(BlockingQueue<CellResult> queue) {
            this.queue = queue;
        }

        @Override
        public BoxedUnit apply(Object partition, CellResult result) {
            queue.add(result);
            return BoxedUnit.UNIT;
        }
    }

    /** The job's overall value: nothing, every result went through {@link Enqueue}. */
    private static final class Nothing extends AbstractFunction0<BoxedUnit> {
        @Override
        public BoxedUnit apply() {
            return BoxedUnit.UNIT;
        }
    }

    /** Tells the sink when a cell's task starts (for progress), from Spark's listener bus. */
    private static final class TaskStarts extends SparkListener {
        /** Where setJobGroup puts the group among a job's properties (SparkContext.SPARK_JOB_GROUP_ID, not public). */
        private static final String JOB_GROUP_PROPERTY = "spark.jobGroup.id";
        private final String jobGroup;
        private final List<SweepCell> cells;
        private final CellSink sink;
        private final Set<Integer> stages = ConcurrentHashMap.newKeySet();
        private final AtomicInteger running = new AtomicInteger();

        TaskStarts(String jobGroup, List<SweepCell> cells, CellSink sink) {
            this.jobGroup = jobGroup;
            this.cells = cells;
            this.sink = sink;
        }

        @Override
        public void onJobStart(SparkListenerJobStart jobStart) {
            if (jobStart.properties() != null
                    && jobGroup.equals(jobStart.properties().getProperty(JOB_GROUP_PROPERTY))) {
                for (Object stage : JavaConverters.seqAsJavaList(jobStart.stageIds())) {
                    stages.add((Integer) stage);
                }
            }
        }

        @Override
        public void onTaskStart(SparkListenerTaskStart taskStart) {
            int index = taskStart.taskInfo().index();
            if (stages.contains(taskStart.stageId()) && index >= 0 && index < cells.size()) {
                running.incrementAndGet();
                sink.started(cells.get(index));
            }
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            if (stages.contains(taskEnd.stageId())) {
                running.decrementAndGet();
            }
        }

        /**
         * Waits until this job's started tasks have all ended, at most {@code nanos}: stopping Spark under a killed
         * task still stopping its run would have Spark log an error about the task's late report.
         */
        void awaitNoneRunning(long nanos) throws InterruptedException {
            long deadline = System.nanoTime() + nanos;
            while (running.get() > 0 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
    }
}
