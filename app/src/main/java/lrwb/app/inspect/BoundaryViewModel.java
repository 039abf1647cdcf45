package lrwb.app.inspect;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import lrwb.app.stream.FrameQueue;
import lrwb.app.stream.TaskExecutor;
import lrwb.engine.inspect.DecisionBoundary;
import lrwb.engine.inspect.LiveBoundary;
import lrwb.engine.inspect.PlanePoints;
import lrwb.engine.inspect.RunInspection;
import lrwb.engine.run.EpochParameters;
import lrwb.engine.run.EpochParametersRecord;
import lrwb.engine.run.RunHandle;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * The decision boundary tab's state for a 2-D run: live while the run trains in this window's process (the job's
 * parameter copies, a few a second, computed into boundaries by {@link LiveBoundary} off the job's and the FX
 * thread, shown once per frame), and replayable epoch by epoch from the parameters the run recorded after each
 * epoch. Moving the epoch leaves the live view; {@link #followingProperty} goes back to it.
 */
public final class BoundaryViewModel {
    /** Cells per side of a replayed epoch: the saved network's picture's resolution. */
    static final int REPLAY_SIZE = DecisionBoundary.DEFAULT_SIZE;

    private final TaskExecutor executor;
    private final int pixels;
    private final ReadOnlyObjectWrapper<BufferedImage> picture = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final IntegerProperty epoch = new SimpleIntegerProperty(0);
    private final ReadOnlyIntegerWrapper epochsDone = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper liveSeen = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper replayable = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty following = new SimpleBooleanProperty(false);
    private final FrameQueue<Object> frames = new FrameQueue<>(this::onFrames);

    private RunInspection run;
    private int plannedEpochs;
    /** The recorded epochs as last read; a replay task re-reads it when a live run has gone further. */
    private volatile EpochParametersRecord record = new EpochParametersRecord(0, List.of(), List.of());
    private LiveBoundary watcher;
    /** The latest live frame, shown again when the view goes back to following the run. */
    private Shot lastLive;
    /** The slider is being moved by a live frame, not by the user. */
    private boolean settingEpoch;
    private boolean replaying;
    private int pendingEpoch;

    /** A live boundary, drawn on the boundary's thread. */
    private record Shot(LiveBoundary.Frame frame, BufferedImage picture) {
    }

    /** The watched run has ended. */
    private record Ended() {
    }

    /** @param pixels a side of the pictures */
    BoundaryViewModel(TaskExecutor executor, int pixels) {
        this.executor = executor;
        this.pixels = pixels;
        epoch.addListener((o, was, now) -> {
            if (!settingEpoch && now.intValue() > 0) {
                following.set(false);
                replay(now.intValue());
            }
        });
        following.addListener((o, was, now) -> {
            if (now && lastLive != null) {
                showLive(lastLive);
            }
        });
    }

    /**
     * FX thread, once the run is open: shows the last recorded epoch (or {@code saved}, the saved network's picture,
     * when the run recorded none), and follows {@code handle} live while it trains.
     *
     * @param handle the run's handle when it trains in this process, else null
     */
    void show(RunInspection opened, BufferedImage saved, EpochParametersRecord recorded, RunHandle handle) {
        stopWatching();
        run = opened;
        plannedEpochs = opened.request().epochs();
        record = recorded;
        lastLive = null;
        liveSeen.set(false);
        replayable.set(!recorded.isEmpty());
        setEpochQuietly(0);
        epochsDone.set(recorded.isEmpty() ? 0 : recorded.epochs().get(recorded.epochs().size() - 1).epoch() + 1);
        picture.set(saved);
        caption.set(recorded.isEmpty() ? "The saved network (this run recorded no per-epoch parameters to replay)"
                : "The saved network, after epoch " + epochsDone.get() + " of " + plannedEpochs);
        boolean training = handle != null && !handle.ended().isDone();
        live.set(training);
        if (training) {
            PlanePoints plane = opened.plane();
            frames.start();
            watcher = LiveBoundary.watch(handle, plane.extent(), LiveBoundary.LIVE_SIZE,
                    frame -> frames.offer(new Shot(frame, plane.picture(frame.boundary(), pixels))));
            handle.ended().whenComplete((outcome, error) -> frames.offer(new Ended()));
            following.set(true);
            caption.set("Live: waiting for the run's next parameters…");
        } else {
            following.set(false);
        }
        setEpochQuietly(epochsDone.get());
    }

    private void onFrames(List<Object> items) {
        Shot newest = null;
        for (Object item : items) {
            if (item instanceof Shot shot) {
                newest = shot;
            } else if (item instanceof Ended) {
                live.set(false);
                stopWatching();
                frames.stop(); // what is queued still comes
            }
        }
        if (newest != null) {
            lastLive = newest;
            liveSeen.set(true);
            LiveBoundary.Frame f = newest.frame();
            epochsDone.set(Math.max(epochsDone.get(), f.epochEnd() ? f.epoch() + 1 : f.epoch()));
            replayable.set(epochsDone.get() > 0);
            if (following.get()) {
                showLive(newest);
            }
        }
        if (!live.get() && lastLive != null && following.get()) {
            caption.set(liveCaption(lastLive.frame()) + " — the run has ended");
        }
    }

    private void showLive(Shot shot) {
        picture.set(shot.picture());
        caption.set(liveCaption(shot.frame()));
        setEpochQuietly(epochsDone.get());
    }

    private String liveCaption(LiveBoundary.Frame f) {
        String when = f.epochEnd() ? "after epoch " + (f.epoch() + 1) : "in epoch " + (f.epoch() + 1);
        return String.format(Locale.ROOT, "%s %s of %d · update %,d", live.get() ? "Live:" : "Last seen:", when,
                plannedEpochs, f.iteration());
    }

    private void setEpochQuietly(int value) {
        settingEpoch = true;
        try {
            epoch.set(value);
        } finally {
            settingEpoch = false;
        }
    }

    /** Shows the boundary after epoch {@code wanted} (from 1), or the latest recorded before it; one task at a time. */
    private void replay(int wanted) {
        if (run == null) {
            return;
        }
        if (replaying) {
            pendingEpoch = wanted;
            return;
        }
        replaying = true;
        pendingEpoch = 0;
        RunInspection inspected = run;
        boolean mayHaveMore = live.get() || watcher != null;
        executor.supply(() -> {
            synchronized (inspected) {
                EpochParametersRecord known = record;
                if (known.isEmpty() || (mayHaveMore && last(known).epoch() + 1 < wanted)) {
                    known = inspected.recordedEpochs();
                    record = known;
                }
                EpochParameters chosen = null;
                for (EpochParameters e : known.epochs()) {
                    if (e.epoch() + 1 <= wanted) {
                        chosen = e;
                    }
                }
                if (chosen == null) {
                    return null;
                }
                DecisionBoundary b = inspected.boundaryAt(chosen, REPLAY_SIZE);
                return new Replayed(chosen, inspected.boundaryPicture(b, pixels));
            }
        }).handle((replayed, error) -> {
            replaying = false;
            if (inspected != run) {
                return null;
            }
            if (error != null) {
                caption.set("The epoch cannot be replayed: " + TaskExecutor.cause(error).getMessage());
            } else if (replayed != null && !following.get()) {
                picture.set(replayed.picture());
                caption.set(String.format(Locale.ROOT, "Epoch %d of %d · update %,d", replayed.epoch().epoch() + 1,
                        plannedEpochs, replayed.epoch().iteration()));
            }
            if (pendingEpoch > 0 && !following.get()) {
                replay(pendingEpoch);
            }
            return null;
        });
    }

    private record Replayed(EpochParameters epoch, BufferedImage picture) {
    }

    private static EpochParameters last(EpochParametersRecord r) {
        return r.epochs().get(r.epochs().size() - 1);
    }

    private void stopWatching() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    /** FX thread: stops watching a live run (the window closes). */
    void close() {
        stopWatching();
        live.set(false);
        frames.stop();
    }

    /** What the tab shows: a live boundary, a replayed epoch or the saved network; null before a run is open. */
    public ReadOnlyObjectProperty<BufferedImage> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    /** What the picture is, e.g. "Live: in epoch 12 of 200 · update 300" or "Epoch 40 of 200 · update 1,000". */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** The epoch replayed (from 1; 0 before any): the slider's value. Setting it leaves the live view. */
    public IntegerProperty epochProperty() {
        return epoch;
    }

    /** Epochs the run has finished so far (recorded or seen live): the slider's end. */
    public ReadOnlyIntegerProperty epochsDoneProperty() {
        return epochsDone.getReadOnlyProperty();
    }

    /** Whether epochs can be replayed: the run recorded the parameters of at least one. */
    public ReadOnlyBooleanProperty replayableProperty() {
        return replayable.getReadOnlyProperty();
    }

    /** Whether the run is training in this process and watched. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** Whether a live boundary has been shown: {@link #followingProperty} can go back to the last one. */
    public ReadOnlyBooleanProperty liveSeenProperty() {
        return liveSeen.getReadOnlyProperty();
    }

    /** Whether the picture follows the live run (rather than a replayed epoch); default off until a live run opens. */
    public BooleanProperty followingProperty() {
        return following;
    }
}
