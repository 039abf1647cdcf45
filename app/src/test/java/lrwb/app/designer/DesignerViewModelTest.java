package lrwb.app.designer;

import lrwb.app.stream.CurrentThreadTaskExecutor;
import lrwb.app.files.ScheduleLibrary;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.schedule.CosineSchedule;
import lrwb.engine.schedule.CyclicSchedule;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.InverseSqrtSchedule;
import lrwb.engine.schedule.PlateauSchedule;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.schedule.SequentialSchedule;
import lrwb.engine.schedule.Unit;
import lrwb.engine.schedule.WarmedUpSchedule;
import lrwb.engine.schedule.Warmup;
import lrwb.engine.schedule.WsdSchedule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Designer's state and actions, without a stage: properties in, properties out. */
class DesignerViewModelTest {
    @TempDir
    Path home;
    DesignerViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new DesignerViewModel(new ScheduleLibrary(new WorkbenchHome(home)), List.of(), new CurrentThreadTaskExecutor());
    }

    @Test
    void everyPresetAndEveryTypeAddsAValidCurveWithAFormFormulaAndSamples() {
        for (Preset p : Preset.ALL) {
            vm.addPreset(p);
        }
        for (String type : ScheduleJson.TYPES) {
            vm.addType(type);
        }
        assertThat(vm.curves()).hasSize(Preset.ALL.size() + ScheduleJson.TYPES.size());
        assertThat(ScheduleTypes.ALL).extracting(ScheduleTypes.Entry::type).containsExactlyElementsOf(ScheduleJson.TYPES);
        for (CurveModel c : vm.curves()) {
            vm.selectedProperty().set(c);
            assertThat(c.isValid()).as(c.name()).isTrue();
            assertThat(vm.formProperty().get().fields()).as(c.name()).isNotEmpty();
            assertThat(vm.formulaProperty().get()).as(c.name()).isNotBlank();
            double[] lr = vm.samples(c, null);
            assertThat(lr).as(c.name()).hasSize(10_000);
            // a warmup from 0 (inverseSqrt, wsd with minLrRatio 0) starts at 0 and rises
            assertThat(lr[0]).as(c.name()).isGreaterThanOrEqualTo(0);
            assertThat(java.util.Arrays.stream(lr).max().orElseThrow()).as(c.name()).isPositive();
        }
        assertThat(vm.curves()).extracting(CurveModel::name).doesNotHaveDuplicates();
        assertThat(vm.curves().stream().map(c -> c.colorProperty().get()).distinct().count()).isEqualTo(10);
    }

    @Test
    void presetsMatchTheirNames() {
        assertThat(Preset.named("Keras ExponentialDecay").spec())
                .isEqualTo(ScheduleJson.parse("{\"type\":\"exponential\",\"lr\":0.01,\"decaySteps\":10000,\"decayRate\":0.96}"));
        FormulaSchedule halve = (FormulaSchedule) Preset.named("Step: halve every 10 epochs").spec();
        assertThat(halve.lrAtIteration(999, 100)).isEqualTo(0.1);
        assertThat(halve.lrAtIteration(1000, 100)).isEqualTo(0.05);
        FormulaSchedule drops = (FormulaSchedule) Preset.named("×0.1 at epochs 50, 80").spec();
        assertThat(drops.lrAtIteration(50 * 100, 100)).isCloseTo(0.01, within(1e-12));
        assertThat(drops.lrAtIteration(80 * 100, 100)).isCloseTo(0.001, within(1e-12));
        ScheduleSpec warm = Preset.named("Cosine + warmup").spec();
        assertThat(warm).isInstanceOf(SequentialSchedule.class);
        assertThat(((FormulaSchedule) warm).lrAtIteration(500, 1)).isEqualTo(0.1);
        CyclicSchedule clr = (CyclicSchedule) Preset.named("Cyclic triangular").spec();
        assertThat(clr.lr(2000)).isEqualTo(0.02);
    }

    @Test
    void movingASliderRewritesTheSpec() {
        CurveModel c = vm.addPreset(Preset.named("Cyclic triangular"));
        ParamField maxLr = vm.formProperty().get().field("cyclic.maxLr");
        assertThat(maxLr.info().logSlider()).isTrue();
        maxLr.sliderProperty().set(Math.log10(0.05));
        assertThat(maxLr.textProperty().get()).isEqualTo("0.05");
        assertThat(((CyclicSchedule) c.spec()).maxLr()).isEqualTo(0.05);

        ParamField up = vm.formProperty().get().field("cyclic.stepSizeUp");
        up.sliderProperty().set(1234.4);
        assertThat(up.textProperty().get()).isEqualTo("1234");
        assertThat(((CyclicSchedule) c.spec()).stepSizeUp()).isEqualTo(1234);
    }

    @Test
    void typingMovesTheSliderAndChoicesAndChecksWrite() {
        CurveModel c = vm.addType("exponential");
        ParamForm form = vm.formProperty().get();
        form.field("exponential.lr").textProperty().set("0.001");
        assertThat(form.field("exponential.lr").sliderProperty().get()).isCloseTo(-3, within(1e-9));
        form.field("exponential.staircase").checkedProperty().set(true);
        form.field("exponential.unit").textProperty().set("epoch");
        assertThat(ScheduleJson.write(c.spec())).contains("\"staircase\" : true").contains("\"unit\" : \"epoch\"");
    }

    @Test
    void anInvalidValueIsMarkedAtItsFieldWithTheSpecsMessageAndTheLastValidSpecStays() {
        CurveModel c = vm.addPreset(Preset.named("Cyclic triangular"));
        ScheduleSpec before = c.spec();
        ParamForm form = vm.formProperty().get();
        form.field("cyclic.maxLr").textProperty().set("0.0001");
        assertThat(form.field("cyclic.maxLr").errorProperty().get()).isEqualTo("cyclic.maxLr must be > baseLr (got 1e-4 <= 2e-4)");
        assertThat(form.field("cyclic.baseLr").errorProperty().get()).isEmpty();
        assertThat(c.spec()).isSameAs(before);
        assertThat(c.isValid()).isFalse();

        form.field("cyclic.maxLr").textProperty().set("abc");
        assertThat(form.field("cyclic.maxLr").errorProperty().get()).isEqualTo("cyclic.maxLr must be a number (got \"abc\")");
        form.field("cyclic.stepSizeUp").textProperty().set("12.5");
        // One error at a time, the first the spec meets; fixing maxLr reveals the next.
        form.field("cyclic.maxLr").textProperty().set("0.03");
        assertThat(form.field("cyclic.maxLr").errorProperty().get()).isEmpty();
        assertThat(form.field("cyclic.stepSizeUp").errorProperty().get()).isEqualTo("cyclic.stepSizeUp must be an integer (got 12.5)");
        form.field("cyclic.stepSizeUp").textProperty().set("1500");
        assertThat(c.isValid()).isTrue();
        assertThat(((CyclicSchedule) c.spec()).maxLr()).isEqualTo(0.03);
        assertThat(form.generalErrorProperty().get()).isEmpty();
    }

    @Test
    void blankRequiredFieldsAndBadListsAreTheSpecsErrorsToo() {
        vm.addType("piecewise");
        ParamForm form = vm.formProperty().get();
        form.field("piecewise.boundaries").textProperty().set("6000, 3000");
        assertThat(form.field("piecewise.boundaries").errorProperty().get())
                .isEqualTo("piecewise.boundaries must be strictly ascending (got 6000 then 3000)");
        form.field("piecewise.boundaries").textProperty().set("3000, 6000");
        form.field("piecewise.values").textProperty().set("0.1, -0.03, 0.01");
        // values[1] belongs to the values field
        assertThat(form.field("piecewise.values").errorProperty().get()).startsWith("piecewise.values[1] must be a finite number > 0");

        vm.addType("constant");
        vm.formProperty().get().field("constant.lr").textProperty().set("");
        assertThat(vm.formProperty().get().field("constant.lr").errorProperty().get()).isEqualTo("constant.lr is required");
    }

    @Test
    void sequentialPartsAreSectionsAndTheirErrorsLandOnTheNestedField() {
        CurveModel c = vm.addPreset(Preset.named("Cosine + warmup"));
        ParamForm form = vm.formProperty().get();
        assertThat(form.sections()).extracting(ParamForm.Section::title)
                .containsExactly("Part 1 · Linear", "Part 2 · Cosine decay", "Joining the parts");
        ParamField cosLr = form.field("sequential.schedules[1].cosine.lr");
        cosLr.textProperty().set("-1");
        assertThat(cosLr.errorProperty().get()).isEqualTo("sequential.schedules[1].cosine.lr must be a finite number > 0 (got -1)");
        cosLr.textProperty().set("0.2");
        form.field("sequential.schedules[0].linear.totalSteps").sliderProperty().set(800);
        form.field("sequential.milestones").textProperty().set("800");
        SequentialSchedule s = (SequentialSchedule) c.spec();
        assertThat(s.milestones()).containsExactly(800L);
        assertThat(s.lrAtIteration(800, 1)).isEqualTo(0.2);
        assertThat(c.edited().toString()).contains("\"totalSteps\":800");
    }

    @Test
    void optionalFieldsCanBeEmptiedAndCosineWarmupNeedsItsTarget() {
        CurveModel c = vm.addType("cosine");
        ParamForm form = vm.formProperty().get();
        assertThat(form.field("cosine.warmupTarget").textProperty().get()).isEmpty();
        form.field("cosine.warmupSteps").textProperty().set("500");
        assertThat(form.field("cosine.warmupTarget").errorProperty().get())
                .isEqualTo("cosine.warmupTarget is required when warmupSteps > 0 (got warmupSteps 500)");
        form.field("cosine.warmupTarget").textProperty().set("0.5");
        assertThat(c.isValid()).isTrue();
        form.field("cosine.warmupTarget").textProperty().set("");
        assertThat(c.isValid()).isFalse();
    }

    @Test
    void duplicateRemoveAndReorder() {
        CurveModel a = vm.addType("constant");
        CurveModel b = vm.addType("step");
        CurveModel copy = vm.duplicate(a);
        assertThat(vm.curves()).containsExactly(a, copy, b);
        assertThat(copy.name()).isEqualTo("Constant copy");
        assertThat(copy.spec()).isEqualTo(a.spec());
        assertThat(copy.colorProperty().get()).isNotEqualTo(a.colorProperty().get());
        vm.move(b, -1);
        assertThat(vm.curves()).containsExactly(a, b, copy);
        vm.move(a, -1);
        assertThat(vm.curves()).containsExactly(a, b, copy);
        vm.selectedProperty().set(b);
        vm.remove(b);
        assertThat(vm.curves()).containsExactly(a, copy);
        assertThat(vm.selected()).isSameAs(copy);
        vm.remove(copy);
        vm.remove(a);
        assertThat(vm.selected()).isNull();
        assertThat(vm.formProperty().get()).isNull();
        assertThat(vm.formulaProperty().get()).isEmpty();
    }

    @Test
    void saveAndLoadRoundTripThroughTheHomeFolder() throws Exception {
        CurveModel c = vm.addPreset(Preset.named("SGDR warm restarts"));
        vm.formProperty().get().field("cosineRestarts.tMul").textProperty().set("1.5");
        assertThat(vm.save(c, "my sgdr")).isCompletedWithValue(true);
        Path file = home.resolve("schedules").resolve("my sgdr.json");
        assertThat(file).exists();
        assertThat(ScheduleJson.read(file)).isEqualTo(c.spec());
        assertThat(vm.isSaved("my sgdr")).isCompletedWithValue(true);
        assertThat(vm.savedNames()).isCompletedWithValue(List.of("my sgdr"));
        CurveModel loaded = vm.load("my sgdr").getNow(null);
        assertThat(loaded.spec()).isEqualTo(c.spec());
        assertThat(loaded.name()).isEqualTo("my sgdr");
        assertThat(vm.noticeProperty().get().error()).isFalse();
    }

    @Test
    void saveRefusesBadNamesAndInvalidEditsAndLoadReportsBadFiles() throws Exception {
        CurveModel c = vm.addType("constant");
        assertThat(vm.save(c, "../escape")).isCompletedWithValue(false);
        assertThat(vm.noticeProperty().get().error()).isTrue();
        assertThat(vm.noticeProperty().get().text()).contains("name must be");
        vm.formProperty().get().field("constant.lr").textProperty().set("0");
        assertThat(vm.save(c, "zero")).isCompletedWithValue(false);
        assertThat(vm.noticeProperty().get().text()).isEqualTo("Not saved: fix constant.lr must be a finite number > 0 (got 0) first");
        assertThat(home.resolve("schedules/zero.json")).doesNotExist();

        Files.createDirectories(home.resolve("schedules"));
        Files.writeString(home.resolve("schedules/broken.json"), "{\"type\":\"cyclic\",\"baseLr\":0.1,\"maxLr\":0.01}");
        assertThat(vm.load("broken")).isCompletedWithValue(null);
        assertThat(vm.noticeProperty().get().text()).endsWith("broken.json: cyclic.maxLr must be > baseLr (got 0.01 <= 0.1)");
        assertThat(ScheduleLibrary.suggestName("lr/(1+kt)")).isEqualTo("lr-(1+kt)");
        assertThat(ScheduleLibrary.checkName(ScheduleLibrary.suggestName("×0.1 at epochs 50, 80"))).isNull();
    }

    @Test
    void csvHasOneRowPerIterationAndOneColumnPerVisibleCurve() throws Exception {
        vm.epochsProperty().set(3);
        vm.stepsPerEpochProperty().set(4);
        vm.addPreset(Preset.named("Constant 0.1"));
        CurveModel hidden = vm.addType("step");
        hidden.visibleProperty().set(false);
        CurveModel named = vm.addType("linear");
        named.nameProperty().set("warm, \"up\"");
        Path csv = home.resolve("out/curves.csv");
        assertThat(vm.exportCsv(csv)).isCompletedWithValue(true);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).isEqualTo("iteration,epoch,Constant 0.1,\"warm, \"\"up\"\"\"");
        assertThat(lines.get(5)).startsWith("4,1,0.1,");
    }

    @Test
    void lengthIsEpochsTimesStepsPerEpochCappedForSpeed() {
        assertThat(vm.totalStepsProperty().get()).isEqualTo(10_000);
        vm.stepsPerEpochProperty().set(391);
        vm.epochsProperty().set(90);
        assertThat(vm.totalStepsProperty().get()).isEqualTo(35_190);
        vm.epochsProperty().set(10_000);
        assertThat(vm.totalStepsProperty().get()).isEqualTo(DesignerViewModel.MAX_ITERATIONS);
    }

    @Test
    void plateauIsSimulatedOnItsEditableExample() {
        CurveModel c = vm.addType("plateau");
        PlateauExample ex = c.plateauExample();
        assertThat(ex.metrics()).hasSize(100);
        double[] lr = vm.samples(c, null);
        assertThat(lr[0]).isEqualTo(0.1);
        // The typical curve stalls after epoch 29: eleven epochs later (patience 10) the LR drops.
        assertThat(lr[40 * 100 - 1]).isEqualTo(0.1);
        assertThat(lr[40 * 100]).isCloseTo(0.01, within(1e-12));

        ex.textProperty().set("1, 0.9, 0.8, 0.8, 0.8, 0.8");
        vm.formProperty().get().field("plateau.patience").textProperty().set("2");
        double[] perEpoch = ((PlateauSchedule) c.spec()).simulate(ex.metrics());
        assertThat(perEpoch).containsExactly(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.010000000000000002);
        lr = vm.samples(c, null);
        assertThat(lr[6 * 100 - 1]).isEqualTo(0.1);
        assertThat(lr[6 * 100]).isCloseTo(0.01, within(1e-12));

        ex.textProperty().set("1, x");
        assertThat(ex.errorProperty().get()).isEqualTo("metrics[1] must be a finite number (got \"x\")");
        assertThat(ex.metrics()).hasSize(6);
        ex.setMetric(5, 0.5);
        assertThat(ex.errorProperty().get()).isEmpty();
        assertThat(ex.textProperty().get()).isEqualTo("1, 0.9, 0.8, 0.8, 0.8, 0.5");
    }

    @Test
    void formulaShowsTheNumbers() {
        vm.addPreset(Preset.named("Step: halve every 10 epochs"));
        assertThat(vm.formulaProperty().get())
                .contains("lr(t) = lr · gamma^floor(t / stepSize)")
                .contains("= 0.1 · 0.5^floor(t / 10)")
                .contains("t counts epochs: t = floor(iteration / 100)")
                .contains("At iteration 0 → 0.1");
        vm.formProperty().get().field("step.gamma").textProperty().set("0.25");
        assertThat(vm.formulaProperty().get()).contains("= 0.1 · 0.25^floor(t / 10)");
        vm.addPreset(Preset.named("SGDR warm restarts"));
        assertThat(vm.formulaProperty().get()).contains("restarts at t = 1000, 3000, 7000");
    }

    @Test
    void wsdHasAFormWithItsShapesAndAFormulaWithItsPhases() {
        CurveModel c = vm.addPreset(Preset.named("WSD (MiniCPM)"));
        ParamForm form = vm.formProperty().get();
        assertThat(form.fields()).extracting(ParamField::fieldId).containsExactly("wsd.lr", "wsd.warmupSteps",
                "wsd.stableSteps", "wsd.decaySteps", "wsd.minLrRatio", "wsd.warmupType", "wsd.decayType", "wsd.warmup.steps",
                "wsd.warmup.startFactor", "wsd.unit");
        assertThat(form.field("wsd.decayType").info().choices()).containsExactly("cosine", "linear", "1-sqrt", "square");
        assertThat(form.field("wsd.warmupType").info().choices()).containsExactly("linear", "cosine", "1-sqrt");
        assertThat(vm.formulaProperty().get())
                .contains("lr(t) = lr · (f · (1 − minLrRatio) + minLrRatio) in the warmup and the decay")
                .contains("= 0.1 · (f · 0.9 + 0.1)")
                .contains("warmup  t < 500:  f = p,  p = t / 500  (linear)")
                .contains("stable  500 ≤ t < 9000:  lr(t) = 0.1")
                .contains("decay   9000 ≤ t < 10000:  f = 1 − √p,  p = (t − 9000) / 1000  (1-sqrt)")
                .contains("after   t ≥ 10000:  lr(t) = lr · minLrRatio = 0.01")
                .contains("At iteration 0 → 0.01");

        form.field("wsd.decayType").textProperty().set("square");
        form.field("wsd.stableSteps").sliderProperty().set(7500.2);
        assertThat(form.field("wsd.stableSteps").textProperty().get()).isEqualTo("7500");
        assertThat(c.spec()).isEqualTo(new WsdSchedule(0.1, 500, 7500, 1000, 0.1, WsdSchedule.WarmupType.LINEAR,
                WsdSchedule.DecayType.SQUARE, Unit.ITERATION));
        assertThat(vm.formulaProperty().get()).contains("decay   8000 ≤ t < 9000:  f = 1 − p²,  p = (t − 8000) / 1000  (square)");

        form.field("wsd.minLrRatio").textProperty().set("1");
        assertThat(form.field("wsd.minLrRatio").errorProperty().get()).isEqualTo("wsd.minLrRatio must be in [0, 1) (got 1)");
    }

    @Test
    void aWarmupInFrontOfAnyScheduleIsTwoFieldsOfItsForm() {
        CurveModel c = vm.addType("cosine");
        ParamForm form = vm.formProperty().get();
        assertThat(form.field("cosine.warmup.steps").textProperty().get()).isEmpty();
        assertThat(form.field("cosine.warmup.startFactor").textProperty().get()).isEqualTo("0"); // the spec's default, unwritten
        assertThat(c.edited().has("warmup")).isFalse();
        form.field("cosine.warmup.steps").sliderProperty().set(1000.3);
        assertThat(c.spec()).isEqualTo(new WarmedUpSchedule(new CosineSchedule(0.1, 10_000, 0, 0, null, Unit.ITERATION),
                new Warmup(1000, 0)));
        form.field("cosine.warmup.startFactor").textProperty().set("0.1");
        assertThat(ScheduleJson.toTree(c.spec()).get("warmup").toString()).isEqualTo("{\"steps\":1000,\"startFactor\":0.1}");
        assertThat(vm.formulaProperty().get())
                .contains("t < 1000:  lr(t) = f(0) · (startFactor + (1 − startFactor) · t / 1000)")
                .contains("= 0.1 · (0.1 + 0.9 · t / 1000)")
                .contains("t ≥ 1000:  lr(t) = f(t − 1000), f being Cosine decay:")
                .contains("    lr(t) = lr · ((1 − alpha) · (1 + cos(π · min(t, D) / D)) / 2 + alpha),  D = decaySteps")
                .contains("At iteration 0 → 0.01,");
        assertThat(vm.samples(c, null)[500]).isCloseTo(0.1 * (0.1 + 0.9 * 500 / 1000), within(1e-15));

        // the slider's left end is no warmup: the whole object goes, not an error
        form.field("cosine.warmup.startFactor").textProperty().set("");
        form.field("cosine.warmup.steps").sliderProperty().set(0);
        assertThat(c.spec()).isEqualTo(new CosineSchedule(0.1, 10_000, 0, 0, null, Unit.ITERATION));
        assertThat(c.edited().has("warmup")).isFalse();

        form.field("cosine.warmup.startFactor").textProperty().set("0.5");
        assertThat(form.field("cosine.warmup.steps").errorProperty().get()).isEqualTo("cosine.warmup.steps is required");
        form.field("cosine.warmup.steps").textProperty().set("20");
        form.field("cosine.warmup.startFactor").textProperty().set("2");
        assertThat(form.field("cosine.warmup.startFactor").errorProperty().get())
                .isEqualTo("cosine.warmup.startFactor must be in [0, 1] (got 2)");

        vm.addType("plateau");
        assertThat(vm.formProperty().get().fields()).extracting(ParamField::fieldId).doesNotContain("plateau.warmup.steps");
    }

    @Test
    void inverseSqrtFormulaAndItsDefaultTimescale() {
        CurveModel c = vm.addPreset(Preset.named("Inverse sqrt (Transformer)"));
        assertThat(vm.formulaProperty().get())
                .contains("t < warmupSteps:  lr(t) = lr · t / warmupSteps")
                .contains("= 0.1 · t / 1000")
                .contains("t ≥ warmupSteps:  lr(t) = lr / √((t − warmupSteps + timescale) / timescale)")
                .contains("= 0.1 / √((t − 1000 + 1000) / 1000)")
                .contains("halves 3000 steps after the warmup")
                .contains("At iteration 0 → 0,");
        ParamForm form = vm.formProperty().get();
        form.field("inverseSqrt.warmupSteps").textProperty().set("0");
        form.field("inverseSqrt.timescale").textProperty().set("");
        assertThat(c.spec()).isEqualTo(new InverseSqrtSchedule(0.1, 0, 10_000, Unit.ITERATION));
        assertThat(vm.formulaProperty().get()).contains("= 0.1 / √((t + 10000) / 10000)");
        form.field("inverseSqrt.timescale").textProperty().set("0");
        assertThat(form.field("inverseSqrt.timescale").errorProperty().get())
                .isEqualTo("inverseSqrt.timescale must be an integer > 0 (got 0)");
    }

    @Test
    void snippetsStartWithTheJsonSpecAndUseTheShellsWriters() {
        List<String> seen = new ArrayList<>();
        vm = new DesignerViewModel(new ScheduleLibrary(new WorkbenchHome(home)),
                List.of(new SnippetFormat("PyTorch", (spec, spe) -> {
                    seen.add(spec.type() + "/" + spe);
                    return "torch code";
                })), new CurrentThreadTaskExecutor());
        assertThat(vm.snippetFormats()).extracting(SnippetFormat::label).containsExactly("JSON spec (lrwb)", "PyTorch");
        assertThat(vm.snippet(vm.snippetFormats().get(0))).isNull();
        vm.addType("oneCycle");
        assertThat(ScheduleJson.parse(vm.snippet(vm.snippetFormats().get(0)))).isEqualTo(vm.selected().spec());
        assertThat(vm.snippet(vm.snippetFormats().get(1))).isEqualTo("torch code");
        assertThat(seen).containsExactly("oneCycle/100");
        assertThat(SnippetFormat.labelFor("java")).isEqualTo("Java (DL4J)");
        assertThat(SnippetFormat.labelFor("transformers")).isEqualTo("Hugging Face transformers");
        assertThat(SnippetFormat.labelFor("optax")).isEqualTo("optax (JAX)");
    }

    @Test
    void trainWithThisIsAHookThatOffersNothingUntilTrainingSetsIt() {
        vm.addType("cosine");
        assertThat(vm.canTrainProperty().get()).isFalse();
        vm.trainWithSelected();
        List<ScheduleSpec> handed = new ArrayList<>();
        vm.trainHandlerProperty().set(handed::add);
        assertThat(vm.canTrainProperty().get()).isTrue();
        vm.trainWithSelected();
        assertThat(handed).containsExactly(vm.selected().spec());
    }

    @Test
    void theFormulaRoundsLongNumbersForReadingAndKeepsShortOnesExact() {
        vm.add("one-cycle", new lrwb.engine.schedule.OneCycleSchedule(0.00031066237622244595, 10_000, 0.25,
                lrwb.engine.schedule.OneCycleSchedule.Anneal.COS, 25, 1e4, false, lrwb.engine.schedule.Unit.ITERATION));
        assertThat(vm.formulaProperty().get()).contains("3.107e-4").doesNotContain("0.00031066");
        assertThat(FormulaText.n(0.0002)).isEqualTo("0.0002");
        assertThat(FormulaText.n(0.123456789)).isEqualTo("0.1235");
        assertThat(FormulaText.n(12.5)).isEqualTo("12.5");
        assertThat(FormulaText.n(10_000)).isEqualTo("10000");
        assertThat(FormulaText.n(6.32e-5)).isEqualTo("6.32e-5");
    }

    @Test
    void theFormulaTitleFollowsTheSelectedCurvesName() {
        CurveModel c = vm.addPreset(Preset.named("One-cycle"));
        assertThat(vm.formulaTitleProperty().get()).isEqualTo("Formula · One-cycle");
        c.nameProperty().set("Fast");
        assertThat(vm.formulaTitleProperty().get()).isEqualTo("Formula · Fast");
        vm.remove(c);
        assertThat(vm.formulaTitleProperty().get()).isEqualTo("Formula");
    }
}
