package lrwb.app.form;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import lrwb.app.stream.TaskExecutor;
import lrwb.engine.data.Augmentation;
import lrwb.engine.data.DataException;
import lrwb.engine.data.DataOptions;
import lrwb.engine.data.DataCache;
import lrwb.engine.data.ImageSamples;

/**
 * A look at the images a form's dataset names before anything trains on them: a few per class and, when the form
 * augments, what the augmentation makes of them with the form's seed. Read on the executor; a dataset that is no
 * image set or does not read says why in {@link #noteProperty()}.
 */
public final class ImagePreview {
    /** Images shown per class. */
    public static final int PER_CLASS = 6;

    private final RunSetupForm setup;
    private final TaskExecutor executor;
    private final DataCache data;
    private final ObjectProperty<ImageSamples> samples = new SimpleObjectProperty<>();
    private final StringProperty note = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private long generation;

    /** @param data where the images are read: a set read before (by the form, a run) is not read again */
    public ImagePreview(RunSetupForm setup, TaskExecutor executor, DataCache data) {
        this.setup = setup;
        this.executor = executor;
        this.data = data;
    }

    /** FX thread: reads the dataset the form names now (again when its files changed: a folder shows its new images). */
    public void load() {
        long mine = ++generation;
        samples.set(null);
        DataOptions options;
        try {
            options = setup.dataOptions();
        } catch (DataException e) {
            note.set(e.getMessage());
            return;
        }
        Augmentation augmentation = null;
        String augmentText = setup.augment().text();
        if (setup.offersAugment()) {
            try {
                augmentation = Augmentation.parse(augmentText);
            } catch (DataException e) {
                note.set("augment: " + e.getMessage());
                return;
            }
        }
        Augmentation augment = augmentation;
        loading.set(true);
        note.set("Reading " + options.source() + "…");
        executor.supply(() -> ImageSamples.of(data.load(options), PER_CLASS, augment, options.seed())).handle((read, error) -> {
            if (mine != generation) {
                return null;
            }
            loading.set(false);
            if (error != null) {
                note.set(TaskExecutor.cause(error).getMessage());
            } else {
                samples.set(read);
                note.set(describe(options.source(), read, augment));
            }
            return null;
        });
    }

    private static String describe(String source, ImageSamples read, Augmentation augment) {
        var shape = read.shape();
        String size = shape.width() + "×" + shape.height() + (shape.channels() == 1 ? " grey" : " colour");
        String augmented = augment == null || augment.isNone() ? ""
                : "; beside each, " + ImageSamples.DRAWS + " random draws of " + augment.text();
        return source + ": " + read.classes().size() + " classes, " + size + " images; the first " + PER_CLASS
                + " training images of each class" + augmented;
    }

    public ReadOnlyObjectProperty<ImageSamples> samplesProperty() {
        return samples;
    }

    public ReadOnlyStringProperty noteProperty() {
        return note;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }
}
