package lrwb.engine.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The JSON file format: strict reading, complete writing, and messages that name the field. */
class ScheduleJsonTest {

    private static InvalidSpecException refused(String json) {
        InvalidSpecException e = catchThrowableOfType(() -> ScheduleJson.parse(json), InvalidSpecException.class);
        assertThat(e).as("refusal of %s", json).isNotNull();
        return e;
    }

    /** One spec of every type, with non-default values wherever a type has them. */
    static Stream<ScheduleSpec> everyType() {
        return Stream.of(
                new ConstantSchedule(0.01, Unit.EPOCH),
                new StepSchedule(0.1, 30, 0.2, Unit.EPOCH),
                new MultiStepSchedule(0.1, List.of(30L, 60L, 60L), 0.5, Unit.ITERATION),
                new PiecewiseSchedule(List.of(100L, 110L, 120L), List.of(1.0, 0.1, 0.01, 0.001), Unit.ITERATION),
                new ExponentialSchedule(0.05, 0.96, 10, true, Unit.ITERATION),
                new NaturalExpSchedule(0.1, 0.01, Unit.ITERATION),
                new InverseTimeSchedule(0.1, 0.5, 7, true, Unit.EPOCH),
                new PolynomialSchedule(0.1, 1000, 1e-5, 2.5, true, Unit.ITERATION),
                new CosineSchedule(0.1, 1000, 0.05, 0, null, Unit.ITERATION),
                new CosineSchedule(1e-4, 1000, 0, 100, 0.1, Unit.ITERATION),
                new CosineRestartsSchedule(0.1, 100, 1.5, 0.9, 0.01, Unit.ITERATION),
                new LinearSchedule(0.1, 0.25, 0.75, 12, Unit.ITERATION),
                new CyclicSchedule(1e-4, 6e-3, 500, 1500, CyclicSchedule.Mode.EXP_RANGE, 0.99994, Unit.ITERATION),
                new OneCycleSchedule(0.1, 10_000, 0.25, OneCycleSchedule.Anneal.LINEAR, 10, 1000, true, Unit.ITERATION),
                new SequentialSchedule(List.of(
                        new LinearSchedule(0.1, 0.01, 1, 500, Unit.ITERATION),
                        new CosineSchedule(0.1, 9500, 0, 0, null, Unit.ITERATION)), List.of(500L), Unit.ITERATION),
                new WsdSchedule(0.1, 100, 5000, 2000, 0.1, WsdSchedule.WarmupType.COSINE, WsdSchedule.DecayType.ONE_MINUS_SQRT,
                        Unit.EPOCH),
                new InverseSqrtSchedule(0.1, 400, 1000, Unit.ITERATION),
                new PlateauSchedule(0.1, PlateauSchedule.Monitor.VAL_ACCURACY, PlateauSchedule.Mode.MAX, 0.2, 3, 0.01,
                        PlateauSchedule.ThresholdMode.ABS, 2, 1e-6, 1e-9, Unit.ITERATION));
    }

    @Test
    void everyTypeIsCoveredByTheRoundTrip() {
        assertThat(everyType().map(ScheduleSpec::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(ScheduleJson.TYPES);
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void writeThenParseGivesTheSameSpec(ScheduleSpec spec) {
        String text = ScheduleJson.write(spec);

        assertThat(ScheduleJson.parse(text)).isEqualTo(spec);
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void writingIsStable(ScheduleSpec spec) {
        String once = ScheduleJson.write(spec);
        String twice = ScheduleJson.write(ScheduleJson.parse(once));

        assertThat(twice).isEqualTo(once);
        assertThat(ScheduleJson.write(spec)).isEqualTo(once);
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void writtenTextCarriesItsTypeAndEveryParameter(ScheduleSpec spec) throws Exception {
        JsonNode tree = new ObjectMapper().readTree(ScheduleJson.write(spec));

        List<String> written = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(written::add);
        List<String> parameters = Stream.of(spec.getClass().getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName)
                .filter(name -> !name.equals("unit") || spec.unit() != Unit.ITERATION)
                .filter(name -> !(spec instanceof CosineSchedule c && name.equals("warmupTarget") && c.warmupTarget() == null))
                .toList();

        assertThat(tree.get("type").textValue()).isEqualTo(spec.type());
        assertThat(written).containsExactlyInAnyOrderElementsOf(
                Stream.concat(Stream.of("type"), parameters.stream()).toList());
    }

    @Test
    void nestedSequentialRoundTrips() {
        SequentialSchedule inner = new SequentialSchedule(List.of(
                new StepSchedule(0.1, 2, 0.5, Unit.EPOCH),
                new CyclicSchedule(0.001, 0.01, 4)), List.of(3L), Unit.EPOCH);
        SequentialSchedule outer = new SequentialSchedule(List.of(
                new LinearSchedule(0.1, 0.1, 1, 10, Unit.ITERATION), inner), List.of(10L), Unit.ITERATION);

        String text = ScheduleJson.write(outer);

        assertThat(ScheduleJson.parse(text)).isEqualTo(outer);
        assertThat(ScheduleJson.write(ScheduleJson.parse(text))).isEqualTo(text);
    }

    @Test
    void iterationUnitIsTheDefaultAndEpochIsWritten() {
        assertThat(ScheduleJson.parse("{\"type\":\"constant\",\"lr\":0.1}").unit()).isEqualTo(Unit.ITERATION);
        assertThat(ScheduleJson.parse("{\"type\":\"constant\",\"lr\":0.1,\"unit\":\"iteration\"}").unit())
                .isEqualTo(Unit.ITERATION);
        assertThat(ScheduleJson.toTree(new ConstantSchedule(0.1, Unit.EPOCH)).get("unit").textValue()).isEqualTo("epoch");
    }

    @Nested
    class Defaults {
        private ScheduleSpec parse(String json) {
            return ScheduleJson.parse(json);
        }

        @Test
        void filledInForEveryTypeThatHasThem() {
            assertThat(parse("{\"type\":\"step\",\"lr\":0.1,\"stepSize\":5}"))
                    .isEqualTo(new StepSchedule(0.1, 5, 0.1, Unit.ITERATION));
            assertThat(parse("{\"type\":\"multiStep\",\"lr\":0.1,\"milestones\":[5]}"))
                    .isEqualTo(new MultiStepSchedule(0.1, List.of(5L), 0.1, Unit.ITERATION));
            assertThat(parse("{\"type\":\"exponential\",\"lr\":0.1,\"decayRate\":0.9}"))
                    .isEqualTo(new ExponentialSchedule(0.1, 0.9, 1, false, Unit.ITERATION));
            assertThat(parse("{\"type\":\"inverseTime\",\"lr\":0.1,\"decayRate\":0.9}"))
                    .isEqualTo(new InverseTimeSchedule(0.1, 0.9, 1, false, Unit.ITERATION));
            assertThat(parse("{\"type\":\"polynomial\",\"lr\":0.1,\"decaySteps\":50}"))
                    .isEqualTo(new PolynomialSchedule(0.1, 50, 0, 1, false, Unit.ITERATION));
            assertThat(parse("{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":50}"))
                    .isEqualTo(new CosineSchedule(0.1, 50, 0, 0, null, Unit.ITERATION));
            assertThat(parse("{\"type\":\"cosineRestarts\",\"lr\":0.1,\"firstDecaySteps\":50}"))
                    .isEqualTo(new CosineRestartsSchedule(0.1, 50, 2, 1, 0, Unit.ITERATION));
            assertThat(parse("{\"type\":\"linear\",\"lr\":0.1}"))
                    .isEqualTo(new LinearSchedule(0.1, 1.0 / 3, 1, 5, Unit.ITERATION));
            assertThat(parse("{\"type\":\"cyclic\",\"baseLr\":0.001,\"maxLr\":0.01}"))
                    .isEqualTo(new CyclicSchedule(0.001, 0.01, 2000, 2000, CyclicSchedule.Mode.TRIANGULAR, 1, Unit.ITERATION));
            assertThat(parse("{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":1000}"))
                    .isEqualTo(new OneCycleSchedule(0.1, 1000, 0.3, OneCycleSchedule.Anneal.COS, 25, 1e4, false,
                            Unit.ITERATION));
            assertThat(parse("{\"type\":\"plateau\",\"lr\":0.1}"))
                    .isEqualTo(new PlateauSchedule(0.1, PlateauSchedule.Monitor.VAL_LOSS, PlateauSchedule.Mode.MIN, 0.1, 10,
                            1e-4, PlateauSchedule.ThresholdMode.REL, 0, 0, 1e-8, Unit.ITERATION));
            assertThat(parse("{\"type\":\"sequential\",\"schedules\":[{\"type\":\"constant\",\"lr\":0.1}]}"))
                    .isEqualTo(new SequentialSchedule(List.of(new ConstantSchedule(0.1)), List.of(), Unit.ITERATION));
        }

        @Test
        void stepSizeDownFollowsStepSizeUp() {
            assertThat(parse("{\"type\":\"cyclic\",\"baseLr\":0.001,\"maxLr\":0.01,\"stepSizeUp\":7}"))
                    .isEqualTo(new CyclicSchedule(0.001, 0.01, 7, 7, CyclicSchedule.Mode.TRIANGULAR, 1, Unit.ITERATION));
        }

        @Test
        void areWrittenOutSoTheFileSaysWhatItDoes() {
            JsonNode tree = ScheduleJson.toTree(parse("{\"type\":\"cyclic\",\"baseLr\":0.001,\"maxLr\":0.01}"));
            assertThat(tree.get("stepSizeUp").asLong()).isEqualTo(2000);
            assertThat(tree.get("stepSizeDown").asLong()).isEqualTo(2000);
            assertThat(tree.get("mode").textValue()).isEqualTo("triangular");
            assertThat(tree.get("gamma").asDouble()).isEqualTo(1);

            JsonNode plateau = ScheduleJson.toTree(parse("{\"type\":\"plateau\",\"lr\":0.1,\"monitor\":\"valAccuracy\"}"));
            assertThat(plateau.get("mode").textValue()).isEqualTo("max");
        }
    }

    @Nested
    class Refusals {
        @Test
        void unknownType() {
            InvalidSpecException e = refused("{\"type\":\"warmupCosine\",\"lr\":0.1}");
            assertThat(e.field()).isEqualTo("type");
            assertThat(e.getMessage()).contains("warmupCosine").contains("cosine").contains("oneCycle");
        }

        @Test
        void missingType() {
            InvalidSpecException e = refused("{\"lr\":0.1}");
            assertThat(e.field()).isEqualTo("type");
            assertThat(e.getMessage()).startsWith("type is required");
        }

        @Test
        void unknownFieldIsNamedTypeDotField() {
            InvalidSpecException e = refused("{\"type\":\"step\",\"lr\":0.1,\"stepSize\":5,\"gama\":0.5}");
            assertThat(e.field()).isEqualTo("step.gama");
            assertThat(e.getMessage()).startsWith("step.gama ").contains("gamma");
        }

        @Test
        void missingRequiredField() {
            InvalidSpecException e = refused("{\"type\":\"cyclic\",\"maxLr\":0.01}");
            assertThat(e.field()).isEqualTo("cyclic.baseLr");
            assertThat(e.getMessage()).isEqualTo("cyclic.baseLr is required");
        }

        @Test
        void nullIsNotAValue() {
            assertThat(refused("{\"type\":\"constant\",\"lr\":null}").getMessage()).isEqualTo("constant.lr is required");
        }

        @Test
        void stringForANumber() {
            InvalidSpecException e = refused("{\"type\":\"constant\",\"lr\":\"0.1\"}");
            assertThat(e.field()).isEqualTo("constant.lr");
            assertThat(e.getMessage()).startsWith("constant.lr must be a number");
        }

        @Test
        void fractionForAnInteger() {
            InvalidSpecException e = refused("{\"type\":\"step\",\"lr\":0.1,\"stepSize\":2.5}");
            assertThat(e.field()).isEqualTo("step.stepSize");
            assertThat(e.getMessage()).startsWith("step.stepSize must be an integer").contains("2.5");
        }

        @Test
        void fractionInAnIntegerList() {
            InvalidSpecException e = refused("{\"type\":\"multiStep\",\"lr\":0.1,\"milestones\":[10,20.5]}");
            assertThat(e.field()).isEqualTo("multiStep.milestones[1]");
        }

        @Test
        void stringForABoolean() {
            InvalidSpecException e = refused("{\"type\":\"exponential\",\"lr\":0.1,\"decayRate\":0.9,\"staircase\":\"yes\"}");
            assertThat(e.field()).isEqualTo("exponential.staircase");
            assertThat(e.getMessage()).startsWith("exponential.staircase must be true or false");
        }

        @Test
        void numberForAList() {
            InvalidSpecException e = refused("{\"type\":\"multiStep\",\"lr\":0.1,\"milestones\":30}");
            assertThat(e.field()).isEqualTo("multiStep.milestones");
            assertThat(e.getMessage()).contains("must be a list");
        }

        @Test
        void invalidEnumValueListsTheAllowedValues() {
            InvalidSpecException e = refused("{\"type\":\"cyclic\",\"baseLr\":0.001,\"maxLr\":0.01,\"mode\":\"exp_range\"}");
            assertThat(e.field()).isEqualTo("cyclic.mode");
            assertThat(e.getMessage()).isEqualTo("cyclic.mode must be one of triangular, triangular2, expRange (got \"exp_range\")");

            assertThat(refused("{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":100,\"anneal\":\"cosine\"}").getMessage())
                    .contains("oneCycle.anneal must be one of cos, linear");
            assertThat(refused("{\"type\":\"plateau\",\"lr\":0.1,\"monitor\":\"loss\"}").getMessage())
                    .contains("plateau.monitor must be one of valLoss, trainLoss, valAccuracy");
            assertThat(refused("{\"type\":\"constant\",\"lr\":0.1,\"unit\":\"epochs\"}").getMessage())
                    .contains("constant.unit must be one of iteration, epoch");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"type\":\"constant\",\"lr\":0.1", "{type:\"constant\"}", "{\"type\":\"constant\",\"lr\":.1}",
                "{\"type\":\"constant\",\"lr\":0.1} trailing", "{\"type\":\"constant\",\"lr\":NaN}"})
        void malformedJson(String json) {
            InvalidSpecException e = refused(json);
            assertThat(e.field()).isEmpty();
            assertThat(e.getMessage()).contains("not valid JSON");
        }

        @Test
        void malformedJsonSaysWhere() {
            assertThat(refused("{\"type\":\"constant\",\n\"lr\":}").getMessage()).contains("line 2");
        }

        @Test
        void emptyTextOrNotAnObject() {
            assertThat(refused("").field()).isEmpty();
            assertThat(refused("   ").field()).isEmpty();
            assertThat(refused("[{\"type\":\"constant\",\"lr\":0.1}]").getMessage()).contains("JSON object");
            assertThat(refused("0.1").getMessage()).contains("JSON object");
            assertThat(refused("null").getMessage()).contains("JSON object");
        }

        @Test
        void duplicateKeys() {
            InvalidSpecException e = refused("{\"type\":\"constant\",\"lr\":0.1,\"lr\":0.2}");
            assertThat(e.getMessage()).contains("not valid JSON").contains("lr");
        }

        @Test
        void plateauCannotBeChained() {
            InvalidSpecException e = refused("""
                    {"type":"sequential","milestones":[10],"schedules":[
                      {"type":"constant","lr":0.1},
                      {"type":"plateau","lr":0.1}]}""");
            assertThat(e.field()).isEqualTo("sequential.schedules[1]");
            assertThat(e.getMessage()).startsWith("sequential.schedules[1] ").contains("plateau");
        }

        @Test
        void errorsInsideASequentialChildArePrefixed() {
            InvalidSpecException e = refused("""
                    {"type":"sequential","milestones":[10],"schedules":[
                      {"type":"constant","lr":0.1},
                      {"type":"cosine","lr":-1,"decaySteps":100}]}""");
            assertThat(e.field()).isEqualTo("sequential.schedules[1].cosine.lr");
            assertThat(e.getMessage()).isEqualTo("sequential.schedules[1].cosine.lr must be a finite number > 0 (got -1)");

            InvalidSpecException missing = refused("""
                    {"type":"sequential","milestones":[10],"schedules":[
                      {"type":"cyclic","maxLr":0.1},
                      {"type":"constant","lr":0.1}]}""");
            assertThat(missing.getMessage()).isEqualTo("sequential.schedules[0].cyclic.baseLr is required");

            InvalidSpecException unknown = refused("""
                    {"type":"sequential","milestones":[10],"schedules":[
                      {"type":"constant","lr":0.1},
                      {"type":"bogus"}]}""");
            assertThat(unknown.field()).isEqualTo("sequential.schedules[1].type");
        }

        @Test
        void errorsInANestedSequentialArePrefixedTwice() {
            InvalidSpecException e = refused("""
                    {"type":"sequential","milestones":[10],"schedules":[
                      {"type":"constant","lr":0.1},
                      {"type":"sequential","milestones":[5],"schedules":[
                        {"type":"constant","lr":0.1},
                        {"type":"step","lr":0.1,"stepSize":0}]}]}""");
            assertThat(e.field()).isEqualTo("sequential.schedules[1].sequential.schedules[1].step.stepSize");
        }

        @Test
        void sequentialChildThatIsNotAnObject() {
            InvalidSpecException e = refused("{\"type\":\"sequential\",\"milestones\":[10],\"schedules\":[{\"type\":\"constant\",\"lr\":0.1},5]}");
            assertThat(e.field()).isEqualTo("sequential.schedules[1]");
        }
    }

    /** Counts instantiations: a spec that names this class must never create one. */
    public static final class Canary {
        static final AtomicInteger CREATED = new AtomicInteger();

        public Canary() {
            CREATED.incrementAndGet();
        }

        public void setLr(double lr) {
            CREATED.incrementAndGet();
        }
    }

    @Nested
    class NoClassNamesFromTheFile {
        @Test
        void aClassNameAsTypeIsJustAnUnknownType() {
            int before = Canary.CREATED.get();
            InvalidSpecException runtime = refused("{\"type\":\"java.lang.Runtime\"}");
            InvalidSpecException canary = refused("{\"type\":\"" + Canary.class.getName() + "\",\"lr\":0.1}");

            assertThat(runtime.field()).isEqualTo("type");
            assertThat(runtime.getMessage()).contains("must be one of");
            assertThat(canary.field()).isEqualTo("type");
            assertThat(Canary.CREATED.get()).isEqualTo(before);
        }

        @Test
        void polymorphicTypeKeysAreNotFollowed() {
            int before = Canary.CREATED.get();
            String name = Canary.class.getName();

            assertThat(refused("{\"@class\":\"" + name + "\",\"lr\":0.1}").field()).isEqualTo("type");
            assertThat(refused("{\"@class\":\"java.lang.Runtime\"}").field()).isEqualTo("type");
            assertThat(refused("[\"" + name + "\",{\"lr\":0.1}]").getMessage()).contains("JSON object");
            InvalidSpecException extra = refused("{\"type\":\"constant\",\"lr\":0.1,\"@class\":\"" + name + "\"}");
            assertThat(extra.field()).isEqualTo("constant.@class");
            assertThat(refused("{\"type\":\"constant\",\"lr\":0.1,\"@type\":\"" + name + "\"}").field())
                    .isEqualTo("constant.@type");
            assertThat(Canary.CREATED.get()).isEqualTo(before);
        }

        @Test
        void aNonStringTypeIsRefused() {
            assertThatThrownBy(() -> ScheduleJson.parse("{\"type\":{\"@class\":\"java.lang.Runtime\"}}"))
                    .isInstanceOf(InvalidSpecException.class)
                    .extracting(e -> ((InvalidSpecException) e).field()).isEqualTo("type");
            assertThatThrownBy(() -> ScheduleJson.parse("{\"type\":5}"))
                    .isInstanceOf(InvalidSpecException.class);
        }
    }
}
