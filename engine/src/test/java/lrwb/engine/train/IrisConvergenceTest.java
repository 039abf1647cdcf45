package lrwb.engine.train;

import org.junit.jupiter.api.AfterAll;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.ScheduleJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A sensible optimizer and schedule learn iris to at least 90% validation accuracy in seconds. */
class IrisConvergenceTest {
    private static final EngineContext ENGINE = EngineContext.create();

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }


    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', value = {
            "adam        | {\"type\":\"cosine\",\"lr\":0.02,\"decaySteps\":240}",
            "momentum:0.9 | {\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":240}",
    })
    void irisReachesNinetyPercentValidationAccuracy(String optimizer, String schedule) throws Exception {
        long start = System.nanoTime();
        // 120 training rows in batches of 16: 8 updates an epoch, 240 in all
        Recording.Finished f = Recording.run(ENGINE, Recording.request("iris", "mlp:16", optimizer, schedule, 30, 16, 42)).assertFinished();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Recording r = f.recording();

        assertThat(r.plan.totalIterations()).isEqualTo(240);
        EpochMetrics last = r.epochs.get(r.epochs.size() - 1);
        assertThat(last.valAccuracy()).as("validation accuracy after 30 epochs").isGreaterThanOrEqualTo(0.9);
        assertThat(last.trainAccuracy()).isGreaterThanOrEqualTo(0.9);
        assertThat(last.valLoss()).isLessThan(r.epochs.get(0).valLoss());
        assertThat(last.trainLoss()).isLessThan(r.epochs.get(0).trainLoss());
        assertThat(took).as("wall time").isLessThan(Duration.ofSeconds(20));
        // the schedule ran to its end: the last update used the schedule's final LR
        FormulaSchedule spec = (FormulaSchedule) ScheduleJson.parse(schedule);
        assertThat(r.iterations.get(239).lr()).isEqualTo(spec.lrAtIteration(239, 8));
    }
}
