package lrwb.app.stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-over to the FX thread, driven by calling drain() as the frame timer would (toolkit only, no stage). */
@ExtendWith(ApplicationExtension.class)
class FrameQueueTest {
    private final List<List<Integer>> batches = new ArrayList<>();

    @Test
    void aFrameHandsOverAtMostItsCapAndTheRestInTheFramesAfter(FxRobot robot) {
        FrameQueue<Integer> frames = new FrameQueue<>(batches::add, 5);
        IntStream.range(0, 12).forEach(frames::offer);
        robot.interact(() -> {
            frames.drain();
            frames.drain();
            frames.drain();
            frames.drain(); // nothing left: the consumer is not called with an empty list
        });
        assertThat(batches).containsExactly(List.of(0, 1, 2, 3, 4), List.of(5, 6, 7, 8, 9), List.of(10, 11));
        assertThat(frames.isEmpty()).isTrue();
    }

    @Test
    void drainingFromInsideTheConsumerDoesNotReenterIt(FxRobot robot) {
        List<String> calls = new ArrayList<>();
        FrameQueue<Integer>[] frames = new FrameQueue[1];
        frames[0] = new FrameQueue<>(batch -> {
            calls.add("enter " + batch);
            if (batch.get(0) < 100) {
                frames[0].offer(batch.get(0) + 100); // an engine thread adds while the frame is handled
            }
            frames[0].drain();
            calls.add("leave " + batch);
        });
        frames[0].offer(1);
        robot.interact(frames[0]::drain);
        assertThat(calls).containsExactly("enter [1]", "leave [1]");
        assertThat(frames[0].isEmpty()).isFalse(); // what came in meanwhile waits for the next frame
        robot.interact(frames[0]::drain);
        assertThat(calls).containsExactly("enter [1]", "leave [1]", "enter [101]", "leave [101]");
    }

    @Test
    void stoppingFromInsideTheConsumerHandsTheRestOverInLaterFrames(FxRobot robot) throws Exception {
        List<String> calls = new ArrayList<>();
        FrameQueue<Integer>[] frames = new FrameQueue[1];
        frames[0] = new FrameQueue<>(batch -> {
            calls.add("enter " + batch);
            frames[0].stop(); // as a consumer does when the item it handles ends the run
            calls.add("leave " + batch);
        }, 2);
        IntStream.range(0, 5).forEach(frames[0]::offer);
        robot.interact(() -> {
            frames[0].drain();
            assertThat(calls).containsExactly("enter [0, 1]", "leave [0, 1]"); // once, not again from inside
        });
        // the frame timer, still running until the queue is empty, hands the rest over a frame's worth at a time
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> frames[0].isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(calls).containsExactly("enter [0, 1]", "leave [0, 1]", "enter [2, 3]", "leave [2, 3]", "enter [4]", "leave [4]");
    }

    @Test
    void aCapBelowOneIsRefused() {
        assertThatThrownBy(() -> new FrameQueue<Integer>(batches::add, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxPerFrame must be at least 1 (got 0)");
    }
}
