package lrwb.engine.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Schedule specs to and from the JSON of specs/schedules.md. Reading goes through a JSON tree and our own
 * {@code type} names only: a file never names a class to instantiate.
 */
public final class ScheduleJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ScheduleJson() {
    }

    /** All type names, in the order of specs/schedules.md. */
    public static final List<String> TYPES = List.of(ConstantSchedule.TYPE, StepSchedule.TYPE, MultiStepSchedule.TYPE,
            PiecewiseSchedule.TYPE, ExponentialSchedule.TYPE, NaturalExpSchedule.TYPE, InverseTimeSchedule.TYPE,
            PolynomialSchedule.TYPE, CosineSchedule.TYPE, CosineRestartsSchedule.TYPE, LinearSchedule.TYPE,
            CyclicSchedule.TYPE, OneCycleSchedule.TYPE, SequentialSchedule.TYPE, WsdSchedule.TYPE, InverseSqrtSchedule.TYPE,
            PlateauSchedule.TYPE);

    /**
     * The fields of each type, in the order of specs/schedules.md ({@code unit} last), so an unknown field is
     * found before anything is read and the closest valid one can be suggested. {@link SpecFields} refuses to
     * read a field missing here, so this list cannot drift from what {@link #read(JsonNode)} reads.
     */
    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            fields(ConstantSchedule.TYPE, "lr"),
            fields(StepSchedule.TYPE, "lr", "stepSize", "gamma"),
            fields(MultiStepSchedule.TYPE, "lr", "milestones", "gamma"),
            fields(PiecewiseSchedule.TYPE, "boundaries", "values"),
            fields(ExponentialSchedule.TYPE, "lr", "decayRate", "decaySteps", "staircase"),
            fields(NaturalExpSchedule.TYPE, "lr", "k"),
            fields(InverseTimeSchedule.TYPE, "lr", "decayRate", "decaySteps", "staircase"),
            fields(PolynomialSchedule.TYPE, "lr", "decaySteps", "endLr", "power", "cycle"),
            fields(CosineSchedule.TYPE, "lr", "decaySteps", "alpha", "warmupSteps", "warmupTarget"),
            fields(CosineRestartsSchedule.TYPE, "lr", "firstDecaySteps", "tMul", "mMul", "alpha"),
            fields(LinearSchedule.TYPE, "lr", "startFactor", "endFactor", "totalSteps"),
            fields(CyclicSchedule.TYPE, "baseLr", "maxLr", "stepSizeUp", "stepSizeDown", "mode", "gamma",
                    "cycleMomentum", "baseMomentum", "maxMomentum"),
            fields(OneCycleSchedule.TYPE, "maxLr", "totalSteps", "pctStart", "anneal", "divFactor", "finalDivFactor",
                    "threePhase", "cycleMomentum", "baseMomentum", "maxMomentum"),
            fields(SequentialSchedule.TYPE, "schedules", "milestones"),
            fields(WsdSchedule.TYPE, "lr", "warmupSteps", "stableSteps", "decaySteps", "minLrRatio", "warmupType", "decayType"),
            fields(InverseSqrtSchedule.TYPE, "lr", "warmupSteps", "timescale"),
            fields(PlateauSchedule.TYPE, "lr", "monitor", "mode", "factor", "patience", "threshold", "thresholdMode",
                    "cooldown", "minLr", "eps"));

    /** The optional warmup object every type but plateau takes. */
    private static final String WARMUP = "warmup";
    private static final List<String> WARMUP_FIELDS = List.of("steps", "startFactor");

    /** A type's fields with {@code warmup} before {@code unit}: named in hints, although read apart. */
    private static List<String> withWarmup(List<String> fields) {
        List<String> all = new ArrayList<>(fields.subList(0, fields.size() - 1));
        all.add(WARMUP);
        all.add(fields.get(fields.size() - 1));
        return all;
    }

    private static Map.Entry<String, List<String>> fields(String type, String... names) {
        List<String> all = new ArrayList<>(List.of(names));
        all.add("unit");
        return Map.entry(type, List.copyOf(all));
    }

    /** Parses JSON text; a syntax error is an {@link InvalidSpecException} too, with line and column. */
    public static ScheduleSpec parse(String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidSpecException("", "is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidSpecException("", "is empty: expected a JSON object with a \"type\"");
        }
        return read(tree);
    }

    public static ScheduleSpec read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static ScheduleSpec read(JsonNode node) {
        if (!(node instanceof ObjectNode obj)) {
            throw new InvalidSpecException("", "must be a JSON object with a \"type\" (got " + node + ")");
        }
        JsonNode typeNode = obj.get("type");
        if (typeNode == null || typeNode.isNull()) {
            throw new InvalidSpecException("type", "is required: one of " + String.join(", ", TYPES));
        }
        if (!typeNode.isTextual()) {
            throw new InvalidSpecException("type", "must be a string, one of " + String.join(", ", TYPES) + " (got " + typeNode + ")");
        }
        String type = typeNode.textValue();
        List<String> fields = FIELDS.get(type);
        if (fields == null) {
            String hint = ClosestName.to(type, TYPES).map(close -> "; did you mean \"" + close + "\"?").orElse("");
            throw new InvalidSpecException("type",
                    "must be one of " + String.join(", ", TYPES) + " (got " + Quoted.text(type) + hint + ")");
        }
        JsonNode warmupNode = obj.get(WARMUP);
        if (warmupNode != null && !type.equals(PlateauSchedule.TYPE)) { // plateau has none: rejectUnknown says so
            ObjectNode rest = obj.deepCopy();
            rest.remove(WARMUP);
            ScheduleSpec warmed = read(rest);
            return new WarmedUpSchedule((FormulaSchedule) warmed, readWarmup(type, warmupNode));
        }
        SpecFields f = new SpecFields(type, obj, type.equals(PlateauSchedule.TYPE) ? fields : withWarmup(fields));
        f.rejectUnknown();
        return switch (type) {
            case ConstantSchedule.TYPE -> new ConstantSchedule(f.number("lr"), f.unit());
            case StepSchedule.TYPE -> new StepSchedule(f.number("lr"), f.integer("stepSize"),
                    f.number("gamma", StepSchedule.DEFAULT_GAMMA), f.unit());
            case MultiStepSchedule.TYPE -> new MultiStepSchedule(f.number("lr"), f.integers("milestones"),
                    f.number("gamma", MultiStepSchedule.DEFAULT_GAMMA), f.unit());
            case PiecewiseSchedule.TYPE -> new PiecewiseSchedule(f.integers("boundaries"), f.numbers("values"), f.unit());
            case ExponentialSchedule.TYPE -> new ExponentialSchedule(f.number("lr"), f.number("decayRate"),
                    f.integer("decaySteps", 1), f.bool("staircase", false), f.unit());
            case NaturalExpSchedule.TYPE -> new NaturalExpSchedule(f.number("lr"), f.number("k"), f.unit());
            case InverseTimeSchedule.TYPE -> new InverseTimeSchedule(f.number("lr"), f.number("decayRate"),
                    f.integer("decaySteps", 1), f.bool("staircase", false), f.unit());
            case PolynomialSchedule.TYPE -> new PolynomialSchedule(f.number("lr"), f.integer("decaySteps"),
                    f.number("endLr", 0), f.number("power", 1), f.bool("cycle", false), f.unit());
            case CosineSchedule.TYPE -> new CosineSchedule(f.number("lr"), f.integer("decaySteps"), f.number("alpha", 0),
                    f.integer("warmupSteps", 0), f.optionalNumber("warmupTarget"), f.unit());
            case CosineRestartsSchedule.TYPE -> new CosineRestartsSchedule(f.number("lr"), f.integer("firstDecaySteps"),
                    f.number("tMul", 2), f.number("mMul", 1), f.number("alpha", 0), f.unit());
            case LinearSchedule.TYPE -> new LinearSchedule(f.number("lr"),
                    f.number("startFactor", LinearSchedule.DEFAULT_START_FACTOR),
                    f.number("endFactor", LinearSchedule.DEFAULT_END_FACTOR),
                    f.integer("totalSteps", LinearSchedule.DEFAULT_TOTAL_STEPS), f.unit());
            case CyclicSchedule.TYPE -> readCyclic(f);
            case OneCycleSchedule.TYPE -> new OneCycleSchedule(f.number("maxLr"), f.integer("totalSteps"),
                    f.number("pctStart", OneCycleSchedule.DEFAULT_PCT_START),
                    f.choice("anneal", OneCycleSchedule.Anneal.values(), OneCycleSchedule.Anneal::json, OneCycleSchedule.Anneal.COS),
                    f.number("divFactor", OneCycleSchedule.DEFAULT_DIV_FACTOR),
                    f.number("finalDivFactor", OneCycleSchedule.DEFAULT_FINAL_DIV_FACTOR),
                    f.bool("threePhase", false), f.bool("cycleMomentum", true),
                    f.number("baseMomentum", OneCycleSchedule.DEFAULT_BASE_MOMENTUM),
                    f.number("maxMomentum", OneCycleSchedule.DEFAULT_MAX_MOMENTUM), f.unit());
            case SequentialSchedule.TYPE -> readSequential(f);
            case WsdSchedule.TYPE -> new WsdSchedule(f.number("lr"), f.integer("warmupSteps", 0), f.integer("stableSteps"),
                    f.integer("decaySteps"), f.number("minLrRatio", 0),
                    f.choice("warmupType", WsdSchedule.WarmupType.values(), WsdSchedule.WarmupType::json, WsdSchedule.WarmupType.LINEAR),
                    f.choice("decayType", WsdSchedule.DecayType.values(), WsdSchedule.DecayType::json, WsdSchedule.DecayType.COSINE),
                    f.unit());
            case InverseSqrtSchedule.TYPE -> readInverseSqrt(f);
            case PlateauSchedule.TYPE -> new PlateauSchedule(f.number("lr"),
                    f.choice("monitor", PlateauSchedule.Monitor.values(), PlateauSchedule.Monitor::json, PlateauSchedule.Monitor.VAL_LOSS),
                    f.choice("mode", PlateauSchedule.Mode.values(), PlateauSchedule.Mode::json, null),
                    f.number("factor", PlateauSchedule.DEFAULT_FACTOR),
                    f.integer("patience", PlateauSchedule.DEFAULT_PATIENCE),
                    f.number("threshold", PlateauSchedule.DEFAULT_THRESHOLD),
                    f.choice("thresholdMode", PlateauSchedule.ThresholdMode.values(), PlateauSchedule.ThresholdMode::json,
                            PlateauSchedule.ThresholdMode.REL),
                    f.integer("cooldown", 0), f.number("minLr", 0), f.number("eps", PlateauSchedule.DEFAULT_EPS), f.unit());
            default -> throw new IllegalStateException("no reader for type " + type);
        };
    }

    private static CyclicSchedule readCyclic(SpecFields f) {
        double base = f.number("baseLr");
        double max = f.number("maxLr");
        long up = f.integer("stepSizeUp", CyclicSchedule.DEFAULT_STEP_SIZE_UP);
        long down = f.integer("stepSizeDown", up);
        return new CyclicSchedule(base, max, up, down,
                f.choice("mode", CyclicSchedule.Mode.values(), CyclicSchedule.Mode::json, CyclicSchedule.Mode.TRIANGULAR),
                f.number("gamma", CyclicSchedule.DEFAULT_GAMMA), f.bool("cycleMomentum", true),
                f.number("baseMomentum", CyclicSchedule.DEFAULT_BASE_MOMENTUM),
                f.number("maxMomentum", CyclicSchedule.DEFAULT_MAX_MOMENTUM), f.unit());
    }

    /** {@code {"steps": W, "startFactor": s}}, read as strictly as a schedule; errors name {@code type.warmup.field}. */
    private static Warmup readWarmup(String type, JsonNode node) {
        if (!(node instanceof ObjectNode obj)) {
            throw new InvalidSpecException(type + "." + WARMUP, "must be an object {\"steps\": W, \"startFactor\": s} (got " + node + ")");
        }
        SpecFields f = new SpecFields(type + "." + WARMUP, obj, WARMUP_FIELDS);
        f.rejectUnknown();
        return Warmup.of(type, f.integer("steps"), f.number("startFactor", Warmup.DEFAULT_START_FACTOR));
    }

    private static InverseSqrtSchedule readInverseSqrt(SpecFields f) {
        double lr = f.number("lr");
        long warmup = f.integer("warmupSteps", 0);
        return new InverseSqrtSchedule(lr, warmup, f.integer("timescale", InverseSqrtSchedule.defaultTimescale(warmup)), f.unit());
    }

    private static SequentialSchedule readSequential(SpecFields f) {
        List<ScheduleSpec> parts = new ArrayList<>();
        List<JsonNode> nodes = f.objects("schedules");
        for (int i = 0; i < nodes.size(); i++) {
            try {
                parts.add(read(nodes.get(i)));
            } catch (InvalidSpecException e) {
                throw e.within(SequentialSchedule.TYPE + ".schedules[" + i + "]");
            }
        }
        return SequentialSchedule.of(parts, f.integers("milestones", List.of()), f.unit());
    }

    /** Pretty-printed JSON with every parameter written out (defaults included), so a file says what it does. */
    public static String write(ScheduleSpec spec) {
        try {
            return MAPPER.writeValueAsString(toTree(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toTree(ScheduleSpec spec) {
        if (spec instanceof WarmedUpSchedule w) {
            ObjectNode o = toTree(w.schedule());
            JsonNode unit = o.remove("unit"); // unit stays last
            o.putObject(WARMUP).put("steps", w.warmup().steps()).put("startFactor", w.warmup().startFactor());
            if (unit != null) {
                o.set("unit", unit);
            }
            return o;
        }
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", spec.type());
        if (spec instanceof ConstantSchedule s) {
            o.put("lr", s.lr());
        } else if (spec instanceof StepSchedule s) {
            o.put("lr", s.lr()).put("stepSize", s.stepSize()).put("gamma", s.gamma());
        } else if (spec instanceof MultiStepSchedule s) {
            o.put("lr", s.lr());
            longs(o.putArray("milestones"), s.milestones());
            o.put("gamma", s.gamma());
        } else if (spec instanceof PiecewiseSchedule s) {
            longs(o.putArray("boundaries"), s.boundaries());
            ArrayNode values = o.putArray("values");
            s.values().forEach(values::add);
        } else if (spec instanceof ExponentialSchedule s) {
            o.put("lr", s.lr()).put("decayRate", s.decayRate())
                .put("decaySteps", s.decaySteps()).put("staircase", s.staircase());
        } else if (spec instanceof NaturalExpSchedule s) {
            o.put("lr", s.lr()).put("k", s.k());
        } else if (spec instanceof InverseTimeSchedule s) {
            o.put("lr", s.lr()).put("decayRate", s.decayRate())
                .put("decaySteps", s.decaySteps()).put("staircase", s.staircase());
        } else if (spec instanceof PolynomialSchedule s) {
            o.put("lr", s.lr()).put("decaySteps", s.decaySteps()).put("endLr", s.endLr())
                .put("power", s.power()).put("cycle", s.cycle());
        } else if (spec instanceof CosineSchedule s) {
            o.put("lr", s.lr()).put("decaySteps", s.decaySteps()).put("alpha", s.alpha()).put("warmupSteps", s.warmupSteps());
            if (s.warmupTarget() != null) {
                o.put("warmupTarget", s.warmupTarget());
            }
        } else if (spec instanceof CosineRestartsSchedule s) {
            o.put("lr", s.lr()).put("firstDecaySteps", s.firstDecaySteps())
                .put("tMul", s.tMul()).put("mMul", s.mMul()).put("alpha", s.alpha());
        } else if (spec instanceof LinearSchedule s) {
            o.put("lr", s.lr()).put("startFactor", s.startFactor()).put("endFactor", s.endFactor())
                .put("totalSteps", s.totalSteps());
        } else if (spec instanceof CyclicSchedule s) {
            o.put("baseLr", s.baseLr()).put("maxLr", s.maxLr()).put("stepSizeUp", s.stepSizeUp())
                .put("stepSizeDown", s.stepSizeDown()).put("mode", s.mode().json()).put("gamma", s.gamma());
            momentum(o, s);
        } else if (spec instanceof OneCycleSchedule s) {
            o.put("maxLr", s.maxLr()).put("totalSteps", s.totalSteps()).put("pctStart", s.pctStart())
                .put("anneal", s.anneal().json()).put("divFactor", s.divFactor()).put("finalDivFactor", s.finalDivFactor())
                .put("threePhase", s.threePhase());
            momentum(o, s);
        } else if (spec instanceof SequentialSchedule s) {
            ArrayNode parts = o.putArray("schedules");
            s.schedules().forEach(p -> parts.add(toTree(p)));
            longs(o.putArray("milestones"), s.milestones());
        } else if (spec instanceof WsdSchedule s) {
            o.put("lr", s.lr()).put("warmupSteps", s.warmupSteps()).put("stableSteps", s.stableSteps())
                .put("decaySteps", s.decaySteps()).put("minLrRatio", s.minLrRatio())
                .put("warmupType", s.warmupType().json()).put("decayType", s.decayType().json());
        } else if (spec instanceof InverseSqrtSchedule s) {
            o.put("lr", s.lr()).put("warmupSteps", s.warmupSteps()).put("timescale", s.timescale());
        } else if (spec instanceof PlateauSchedule s) {
            o.put("lr", s.lr()).put("monitor", s.monitor().json()).put("mode", s.mode().json())
                .put("factor", s.factor()).put("patience", s.patience()).put("threshold", s.threshold())
                .put("thresholdMode", s.thresholdMode().json()).put("cooldown", s.cooldown()).put("minLr", s.minLr())
                .put("eps", s.eps());
        }
        if (spec.unit() != Unit.ITERATION) {
            o.put("unit", spec.unit().json());
        }
        return o;
    }

    private static void momentum(ObjectNode o, CyclesMomentum s) {
        o.put("cycleMomentum", s.cycleMomentum()).put("baseMomentum", s.baseMomentum()).put("maxMomentum", s.maxMomentum());
    }

    private static void longs(ArrayNode array, List<Long> values) {
        values.forEach(array::add);
    }
}
