package lrwb.app.designer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.paint.Color;
import lrwb.engine.schedule.InvalidSpecException;
import lrwb.engine.schedule.PlateauSchedule;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleSpec;

import java.util.List;

/**
 * One schedule in the comparison. The form edits a JSON tree ({@link #edited()}), one field at a time; after
 * each edit the tree is read back with {@link ScheduleJson#read}, so validation, field names and messages are
 * the spec's own. {@link #specProperty()} keeps the last valid spec (what the chart draws) while
 * {@link #errorProperty()} says what is wrong with the current edit.
 */
public final class CurveModel {
    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);
    private final ObjectProperty<Color> color = new SimpleObjectProperty<>(this, "color");
    private final ReadOnlyObjectWrapper<ScheduleSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    private final ReadOnlyObjectWrapper<InvalidSpecException> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ObjectNode edited;
    private final PlateauExample plateauExample;

    CurveModel(String name, ScheduleSpec spec, Color color, PlateauExample example) {
        this.name.set(name);
        this.color.set(color);
        this.spec.set(spec);
        this.edited = ScheduleJson.toTree(spec);
        this.plateauExample = spec instanceof PlateauSchedule ? example : null;
    }

    /** The type name, fixed for the life of the curve. */
    public String type() {
        return spec.get().type();
    }

    /**
     * Sets (or, with a null value, removes) the field {@code name} of the object at {@code parent} (a path of
     * field names and array indices from the root, e.g. {@code ["schedules", 1]}), then re-reads the spec.
     */
    public void set(List<Object> parent, String field, JsonNode value) {
        if (value == null) {
            ObjectNode target = existingObjectAt(parent);
            if (target != null) {
                target.remove(field);
                removeIfEmptyOptional(parent, target);
            }
        } else {
            objectAt(parent).set(field, value);
        }
        revalidate();
    }

    /** An optional object such as {@code warmup} that lost its last field is no object at all: the spec has none. */
    private void removeIfEmptyOptional(List<Object> parent, ObjectNode target) {
        if (target.isEmpty() && !parent.isEmpty() && parent.get(parent.size() - 1) instanceof String name) {
            ObjectNode holder = existingObjectAt(parent.subList(0, parent.size() - 1));
            if (holder != null) {
                holder.remove(name);
            }
        }
    }

    /**
     * Replaces the whole edited tree (a structural edit such as adding a part of a sequential), then re-reads
     * the spec. The type stays the curve's: a tree of another type is refused.
     */
    void replaceTree(ObjectNode tree) {
        if (!type().equals(tree.path("type").asText())) {
            throw new IllegalArgumentException("a " + type() + " curve cannot become " + tree.path("type").asText());
        }
        edited.removeAll();
        edited.setAll(tree.deepCopy());
        revalidate();
    }

    /** The current value of a field of the edited tree, or null when absent. */
    public JsonNode get(List<Object> parent, String field) {
        ObjectNode target = existingObjectAt(parent);
        return target == null ? null : target.get(field);
    }

    /** The object at {@code path}, creating the named objects on the way that are absent (an optional {@code warmup}). */
    private ObjectNode objectAt(List<Object> path) {
        JsonNode node = edited;
        for (Object segment : path) {
            if (segment instanceof Integer i) {
                node = ((ArrayNode) node).get(i);
            } else {
                JsonNode next = node.get((String) segment);
                node = next != null && next.isContainerNode() ? next : ((ObjectNode) node).putObject((String) segment);
            }
        }
        return (ObjectNode) node;
    }

    /** The object at {@code path}, or null when some part of it is absent or no object. */
    private ObjectNode existingObjectAt(List<Object> path) {
        JsonNode node = edited;
        for (Object segment : path) {
            node = segment instanceof Integer i ? node.path(i) : node.path((String) segment);
        }
        return node instanceof ObjectNode o ? o : null;
    }

    private void revalidate() {
        try {
            ScheduleSpec read = ScheduleJson.read(edited);
            error.set(null);
            spec.set(read);
        } catch (InvalidSpecException e) {
            error.set(e);
        }
    }

    /** A copy of the tree as the form has it now, valid or not. */
    public ObjectNode edited() {
        return edited.deepCopy();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public String name() {
        return name.get();
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public ObjectProperty<Color> colorProperty() {
        return color;
    }

    /** The last valid spec: what the chart draws, what is saved and exported. */
    public ReadOnlyObjectProperty<ScheduleSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    public ScheduleSpec spec() {
        return spec.get();
    }

    /** What is wrong with the current edit, or null when it is valid. */
    public ReadOnlyObjectProperty<InvalidSpecException> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isValid() {
        return error.get() == null;
    }

    /** The example metric a plateau schedule is shown against; null for every other type. */
    public PlateauExample plateauExample() {
        return plateauExample;
    }

    @Override
    public String toString() {
        return name.get() + " (" + type() + ")";
    }
}
