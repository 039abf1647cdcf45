package lrwb.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lrwb.engine.data.DataException;
import lrwb.engine.data.DataOptions;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.InvalidSpecException;
import lrwb.engine.schedule.NumberText;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleScaling;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.train.TrainingRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The grid JSON of specs/sweeps.md -> its cells: reads the header, the base and the axes, expands their cartesian
 * product (in the order the axes are written, the last varying fastest) and checks every cell the way the run service
 * will — data that loads, a model that fits it, a batch no larger than its training set, a schedule still valid when
 * scaled — so that a bad cell is refused before the first one runs.
 * <p>
 * The {@code lr} axis sets the schedule's peak over the run. The peak depends on the run's length in updates
 * (epochs x batches per epoch, and the latter on the training set's size), so the expansion loads each distinct
 * dataset once to learn its size ({@link DataFacts}); the cells then carry their scaled schedules, and whoever runs
 * them (this process or a Spark executor) needs nothing else.
 */
final class GridExpansion {
    /** specs/sweeps.md: a grid of more cells is refused before anything runs. */
    static final int MAX_CELLS = 10_000;
    static final String DEFAULT_NAME = "sweep";
    private static final Set<String> TOP = Set.of("name", "base", "axes", "stopDiverged");
    /** Data options a base may give beside a dataset named as text (DataOptions' own names). */
    private static final List<String> DATA_KEYS = List.of("labelColumn", "header", "valSplit", "limit", "normalize", "augment");
    /** A run's settings; {@code name} is taken (a run.json config pasted as base has one) but each cell names itself. */
    private static final Set<String> BASE = Set.of("dataset", "model", "optimizer", "schedule", "lr", "epochs", "batch",
            "batchSize", "seed", "name", "labelColumn", "header", "valSplit", "limit", "normalize", "augment");

    private final Function<DataOptions, DataFacts> facts;
    private final Map<DataOptions, Object> factsByData = new HashMap<>();
    private final Map<String, Object> models = new HashMap<>();
    private final Map<String, Object> optimizers = new HashMap<>();
    private final Map<PeakKey, Double> peaks = new HashMap<>();

    private GridExpansion(Function<DataOptions, DataFacts> facts) {
        this.facts = facts;
    }

    /** The grid's name, or the default; the header fields are checked by {@link #expand}. */
    static String nameOf(JsonNode given) {
        JsonNode name = given.get("name");
        return name != null && name.isTextual() && !name.asText().isBlank() ? name.asText().strip() : DEFAULT_NAME;
    }

    static boolean stopDivergedOf(JsonNode given) {
        JsonNode stop = given.get("stopDiverged");
        return stop == null || stop.isNull() || stop.asBoolean();
    }

    /** @param facts how a cell's data is learned about (tests pass sizes without loading) */
    static SweepGrid expand(JsonNode given, Function<DataOptions, DataFacts> facts) {
        return new GridExpansion(facts).expand(given);
    }

    private SweepGrid expand(JsonNode given) {
        if (given == null || !given.isObject()) {
            throw new InvalidGridException("grid", "must be a JSON object with base and axes");
        }
        unknownKeys(given, TOP, "", "grid fields");
        JsonNode name = given.get("name");
        if (name != null && !name.isNull() && !name.isTextual()) {
            throw new InvalidGridException("name", "must be text");
        }
        JsonNode stop = given.get("stopDiverged");
        if (stop != null && !stop.isNull() && !stop.isBoolean()) {
            throw new InvalidGridException("stopDiverged", "must be true or false (got " + stop + ")");
        }
        JsonNode base = given.get("base");
        if (base == null || !base.isObject()) {
            throw new InvalidGridException("base", "is required: an object of a run's settings (dataset, model, optimizer, schedule or lr, epochs, ...)");
        }
        unknownKeys(base, BASE, "base.", "settings");
        List<GridAxis> axes = axes(given.get("axes"));
        long count = 1;
        for (GridAxis axis : axes) {
            count *= axis.values().size();
            if (count > MAX_CELLS) {
                break;
            }
        }
        if (count > MAX_CELLS) {
            long product = 1;
            StringBuilder sizes = new StringBuilder();
            for (GridAxis axis : axes) {
                product = Math.min(Long.MAX_VALUE / 10_001, product * axis.values().size());
                sizes.append(sizes.length() == 0 ? "" : " x ").append(axis.values().size()).append(' ').append(axis.name());
            }
            throw new InvalidGridException("axes", "make " + (product >= Long.MAX_VALUE / 10_001 ? "too many" : Long.toString(product))
                    + " cells (" + sizes + "), more than the " + MAX_CELLS + " a sweep may have");
        }
        Base b = readBase(base, axes);
        String gridName = nameOf(given);
        List<SweepCell> cells = new ArrayList<>((int) count);
        InvalidGridException first = null;
        int invalid = 0;
        int[] at = new int[axes.size()];
        for (int index = 0; index < count; index++) {
            try {
                cells.add(cell(index, gridName, b, axes, at));
            } catch (InvalidGridException e) {
                invalid++;
                if (first == null) {
                    first = e;
                }
            }
            for (int a = axes.size() - 1; a >= 0; a--) { // odometer: the last axis turns fastest
                if (++at[a] < axes.get(a).values().size()) {
                    break;
                }
                at[a] = 0;
            }
        }
        if (first != null) {
            throw invalid == 1 ? first : first.ofMany(invalid, count);
        }
        return new SweepGrid(gridName, given.deepCopy(), cells, stopDivergedOf(given));
    }

    /** The base's settings, read once; values that an axis replaces in every cell are not required here. */
    private record Base(ObjectNode dataset, boolean datasetObject, String model, String optimizer, ScheduleSpec schedule,
                        Double lr, Integer epochs, int batch, long seed, boolean seedGiven) {
    }

    private Base readBase(JsonNode base, List<GridAxis> axes) {
        Set<String> axisNames = new java.util.HashSet<>();
        axes.forEach(a -> axisNames.add(a.name()));
        JsonNode dataset = base.get("dataset");
        ObjectNode data;
        boolean datasetObject = dataset != null && dataset.isObject();
        if (datasetObject) {
            data = ((ObjectNode) dataset).deepCopy();
            for (String key : DATA_KEYS) {
                if (base.has(key)) {
                    throw new InvalidGridException("base." + key, "goes inside base.dataset when the dataset is an object");
                }
            }
        } else {
            if (dataset != null && !dataset.isTextual()) {
                throw new InvalidGridException("base.dataset", "must be a dataset name (moons, csv:PATH, ...) or an object as in run.json");
            }
            if (dataset == null && !axisNames.contains("dataset")) {
                throw new InvalidGridException("base.dataset", "is required (or a dataset axis)");
            }
            data = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            data.put("source", dataset == null ? "" : dataset.asText());
            for (String key : DATA_KEYS) {
                if (base.has(key)) {
                    data.set(key, base.get(key));
                }
            }
        }
        if (base.has("valSplit") && !base.get("valSplit").isNumber()) {
            throw new InvalidGridException("base.valSplit", "must be a number in (0, 1) (got " + base.get("valSplit") + ")");
        }
        String model = text(base, "model", "mlp:64,32");
        String optimizer = text(base, "optimizer", "sgd");
        if (base.has("schedule") && base.has("lr")) {
            throw new InvalidGridException("base.lr", "cannot be given with base.schedule: give one of them");
        }
        ScheduleSpec schedule = null;
        if (base.has("schedule")) {
            try {
                schedule = ScheduleJson.read(base.get("schedule"));
            } catch (InvalidSpecException e) {
                throw new InvalidGridException("base.schedule", e.getMessage());
            }
        }
        Double lr = null;
        if (base.has("lr")) {
            JsonNode v = base.get("lr");
            if (!v.isNumber() || !(v.asDouble() > 0) || !Double.isFinite(v.asDouble())) {
                throw new InvalidGridException("base.lr", "must be a finite number > 0 (got " + v + ")");
            }
            lr = v.asDouble();
        }
        if (schedule == null && lr == null && !axisNames.contains("lr") && !axisNames.contains("schedule")) {
            throw new InvalidGridException("base.schedule", "is required: give base.schedule, base.lr, or an lr or schedule axis");
        }
        Integer epochs = base.has("epochs") ? integer(base, "epochs") : null;
        if (epochs == null && !axisNames.contains("epochs")) {
            throw new InvalidGridException("base.epochs", "is required (or an epochs axis)");
        }
        if (base.has("batch") && base.has("batchSize")) {
            throw new InvalidGridException("base.batch", "cannot be given with base.batchSize: they are the same setting");
        }
        int batch = base.has("batch") ? integer(base, "batch")
                : base.has("batchSize") ? integer(base, "batchSize") : TrainingRequest.DEFAULT_BATCH_SIZE;
        JsonNode seed = base.get("seed");
        if (seed != null && !(seed.isIntegralNumber() && seed.canConvertToLong())) {
            throw new InvalidGridException("base.seed", "must be an integer (got " + seed + ")");
        }
        return new Base(data, datasetObject, model, optimizer, schedule, lr, epochs, batch,
                seed == null ? DataOptions.DEFAULT_SEED : seed.asLong(), seed != null);
    }

    private static String text(JsonNode base, String field, String fallback) {
        JsonNode v = base.get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new InvalidGridException("base." + field, "must be text (got " + v + ")");
        }
        return v.asText();
    }

    private static int integer(JsonNode base, String field) {
        JsonNode v = base.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new InvalidGridException("base." + field, "must be an integer (got " + v + ")");
        }
        return v.asInt();
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, String what) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new InvalidGridException(prefix + key, "is not one of the " + what + " (" + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    // ---- axes

    private static List<GridAxis> axes(JsonNode axes) {
        List<GridAxis> out = new ArrayList<>();
        if (axes == null || axes.isNull()) {
            return out;
        }
        if (!axes.isObject()) {
            throw new InvalidGridException("axes", "must be an object of axis -> values");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = axes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (!GridAxis.NAMES.contains(name)) {
                throw new InvalidGridException("axes." + name, "is not an axis (axes: " + String.join(", ", GridAxis.NAMES) + ")");
            }
            out.add(new GridAxis(name, values(name, e.getValue())));
        }
        return out;
    }

    private static List<GridAxis.Value> values(String axis, JsonNode given) {
        String path = "axes." + axis;
        if ("lr".equals(axis) && given.isObject()) {
            return logRange(given);
        }
        if (!given.isArray()) {
            throw new InvalidGridException(path, "must be a list of values" + ("lr".equals(axis) ? " or {\"from\", \"to\", \"points\"}" : ""));
        }
        if (given.isEmpty()) {
            throw new InvalidGridException(path, "must list at least one value (got [])");
        }
        List<GridAxis.Value> values = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            JsonNode v = given.get(i);
            String at = path + "[" + i + "]";
            values.add(switch (axis) {
                case "lr" -> {
                    if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() <= 0) {
                        throw new InvalidGridException(at, "must be a finite number > 0 (got " + v + ")");
                    }
                    yield new GridAxis.Value(v, v.asDouble(), NumberText.of(v.asDouble()), at);
                }
                case "schedule" -> {
                    ScheduleSpec spec;
                    try {
                        spec = ScheduleJson.read(v);
                    } catch (InvalidSpecException e) {
                        throw new InvalidGridException(at, e.getMessage());
                    }
                    yield new GridAxis.Value(v, spec, ScheduleJson.toTree(spec).toString(), at);
                }
                case "batch", "epochs" -> {
                    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                        throw new InvalidGridException(at, "must be an integer (got " + v + ")");
                    }
                    yield new GridAxis.Value(v, v.asInt(), v.asText(), at);
                }
                case "seed" -> {
                    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                        throw new InvalidGridException(at, "must be an integer (got " + v + ")");
                    }
                    yield new GridAxis.Value(v, v.asLong(), v.asText(), at);
                }
                default -> { // optimizer, model, dataset: text, checked per cell (a model must fit its cell's data)
                    if (!v.isTextual() || v.asText().isBlank()) {
                        throw new InvalidGridException(at, "must be text (got " + v + ")");
                    }
                    yield new GridAxis.Value(v, v.asText().strip(), v.asText().strip(), at);
                }
            });
        }
        return values;
    }

    private static List<GridAxis.Value> logRange(JsonNode range) {
        unknownKeys(range, Set.of("from", "to", "points"), "axes.lr.", "log range fields");
        double from = positive(range, "from");
        double to = positive(range, "to");
        JsonNode points = range.get("points");
        if (points == null || !points.isIntegralNumber() || !points.canConvertToInt() || points.asInt() < 2) {
            throw new InvalidGridException("axes.lr.points", "must be an integer >= 2 (got " + points + ")");
        }
        if (points.asInt() > MAX_CELLS) {
            throw new InvalidGridException("axes.lr.points", "must be at most " + MAX_CELLS + " (got " + points + ")");
        }
        List<GridAxis.Value> values = new ArrayList<>();
        double[] lrs = LogSpace.of(from, to, points.asInt());
        for (int i = 0; i < lrs.length; i++) {
            values.add(new GridAxis.Value(range, lrs[i], NumberText.of(lrs[i]), "axes.lr point " + i));
        }
        return values;
    }

    private static double positive(JsonNode range, String field) {
        JsonNode v = range.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() <= 0) {
            throw new InvalidGridException("axes.lr." + field, "must be a finite number > 0 (got " + v + ")");
        }
        return v.asDouble();
    }

    // ---- one cell

    private SweepCell cell(int index, String gridName, Base b, List<GridAxis> axes, int[] at) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, GridAxis.Value> chosen = new HashMap<>();
        for (int a = 0; a < axes.size(); a++) {
            GridAxis.Value v = axes.get(a).values().get(at[a]);
            labels.put(axes.get(a).name(), v.text());
            chosen.put(axes.get(a).name(), v);
        }
        String label = labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
        GridAxis.Value v;

        long seed = (v = chosen.get("seed")) != null ? (Long) v.parsed() : b.seed();
        ObjectNode dataJson = b.dataset().deepCopy();
        if ((v = chosen.get("dataset")) != null) {
            dataJson.put("source", (String) v.parsed());
        }
        if (!b.datasetObject() || chosen.containsKey("seed") || b.seedGiven()) {
            dataJson.put("seed", seed); // the data's seed follows the run's, as lrwb train --seed does
        }
        String dataField = chosen.containsKey("dataset") ? chosen.get("dataset").path() : "base.dataset";
        DataOptions data;
        try {
            data = DataOptions.fromJson(dataJson);
        } catch (IllegalArgumentException | DataException e) {
            throw new InvalidGridException(index, label, dataField, rule(e.getMessage()));
        }

        String modelText = (v = chosen.get("model")) != null ? (String) v.parsed() : b.model();
        String modelField = v != null ? v.path() : "base.model";
        ModelSpec model = parsed(models, modelText, ModelSpec::parse, index, label, modelField);
        String optimizerText = (v = chosen.get("optimizer")) != null ? (String) v.parsed() : b.optimizer();
        String optimizerField = v != null ? v.path() : "base.optimizer";
        OptimizerSpec optimizer = parsed(optimizers, optimizerText, OptimizerSpec::parse, index, label, optimizerField);

        int epochs = (v = chosen.get("epochs")) != null ? (Integer) v.parsed() : b.epochs();
        String epochsField = v != null ? v.path() : "base.epochs";
        int batch = (v = chosen.get("batch")) != null ? (Integer) v.parsed() : b.batch();
        String batchField = v != null ? v.path() : "base.batch";

        ScheduleSpec schedule = (v = chosen.get("schedule")) != null ? (ScheduleSpec) v.parsed() : b.schedule();
        String scheduleField = v != null ? v.path() : "base.schedule";
        GridAxis.Value lrValue = chosen.get("lr");
        if (schedule == null) {
            double constant = b.lr() != null ? b.lr() : (Double) lrValue.parsed();
            schedule = new ConstantSchedule(constant);
            scheduleField = b.lr() != null ? "base.lr" : lrValue.path();
        }
        if (epochs < 1 || epochs > TrainingRequest.MAX_EPOCHS) {
            throw new InvalidGridException(index, label, epochsField, "must be an integer in [1, " + TrainingRequest.MAX_EPOCHS + "] (got " + epochs + ")");
        }
        try {
            lrwb.engine.data.LoadedData.checkBatchSizeRange(batch);
        } catch (InvalidSpecException e) {
            throw new InvalidGridException(index, label, batchField, e.rule());
        }

        DataFacts f = facts(data, index, label, dataField);
        model.mismatch(f.shape(), f.name()).ifPresent(why -> {
            throw new InvalidGridException(index, label, modelField, rule(why));
        });
        if (batch > f.trainSize()) {
            throw new InvalidGridException(index, label, batchField, "must be at most the training set's size (" + f.trainSize()
                    + " examples of " + f.name() + "; got " + batch + ")");
        }
        int stepsPerEpoch = f.stepsPerEpoch(batch);
        long steps = (long) epochs * stepsPerEpoch;
        ScheduleSpec base = schedule;
        double peak = peaks.computeIfAbsent(new PeakKey(base, steps, stepsPerEpoch), k -> ScheduleScaling.peak(k.schedule(), k.steps(), k.stepsPerEpoch()));
        if (lrValue != null) {
            double target = (Double) lrValue.parsed();
            if (!(peak > 0)) {
                throw new InvalidGridException(index, label, scheduleField, "has no LR above 0 over the run, so the lr axis cannot set its peak");
            }
            try {
                schedule = ScheduleScaling.scaled(base, target / peak);
            } catch (IllegalArgumentException e) {
                throw new InvalidGridException(index, label, scheduleField, e.getMessage() + " once scaled to peak lr " + NumberText.of(target));
            }
            peak = target;
        }
        String name = gridName + " #" + index + (label.isEmpty() ? "" : " (" + label + ")");
        TrainingRequest request;
        try {
            request = new TrainingRequest(data, model, optimizer, schedule, epochs, batch, seed, name);
        } catch (IllegalArgumentException e) {
            throw new InvalidGridException(index, label, "", e.getMessage());
        }
        return new SweepCell(index, request, labels, peak);
    }

    private record PeakKey(ScheduleSpec schedule, long steps, int stepsPerEpoch) {
    }

    private DataFacts facts(DataOptions data, int index, String label, String field) {
        Object known = factsByData.computeIfAbsent(DataFacts.keyOf(data), key -> {
            try {
                return facts.apply(key);
            } catch (DataException | IllegalArgumentException e) {
                return e; // remembered: every cell on this data is refused the same way, without loading it again
            } catch (OutOfMemoryError e) {
                return new DataException(data.source() + " does not fit in memory: use a smaller data limit");
            }
        });
        if (known instanceof RuntimeException e) {
            throw new InvalidGridException(index, label, field, rule(e.getMessage()));
        }
        return (DataFacts) known;
    }

    @SuppressWarnings("unchecked")
    private static <T> T parsed(Map<String, Object> cache, String text, Function<String, T> parse, int index, String label, String field) {
        Object known = cache.computeIfAbsent(text, t -> {
            try {
                return parse.apply(t);
            } catch (IllegalArgumentException | DataException e) {
                return e;
            }
        });
        if (known instanceof RuntimeException e) {
            throw new InvalidGridException(index, label, field, rule(e.getMessage()));
        }
        return (T) known;
    }

    /** A message of the engine as the rule after a field: "--model x: ..." loses its option name. */
    private static String rule(String message) {
        String m = message == null ? "is invalid" : message.replace('\n', ' ');
        return ": " + (m.startsWith("--") && m.indexOf(' ') > 0 ? m.substring(m.indexOf(' ') + 1) : m);
    }
}
