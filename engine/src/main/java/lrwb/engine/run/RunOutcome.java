package lrwb.engine.run;

import lrwb.engine.finder.RangeTestResult;

import java.nio.file.Path;

/**
 * How a run ended, once its record is complete.
 *
 * @param message   a sentence about how it ended (why it failed or diverged, what the range test suggests)
 * @param rangeTest a range test's points and suggestions; null for training and for a range test that failed
 */
public record RunOutcome(RunKind kind, RunStatus status, String message, Path folder, RangeTestResult rangeTest) {
}
