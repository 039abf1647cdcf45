package lrwb.engine.export;

import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleSpec;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the snippets say and which framework pieces they choose; {@link JavaExportTest} and {@link PythonExportTest} run them. */
class CodeExportTest {
    private static String snippet(String json, CodeLanguage lang) {
        return CodeExport.snippet(ScheduleJson.parse(json.replace('\'', '"')), lang, 390);
    }

    @Test
    void theCasesCoverEveryType() {
        Set<String> covered = ExportCases.allSpecs().map(ScheduleSpec::type).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(ScheduleJson.TYPES);
    }

    @Test
    void theFirstLineNamesTheScheduleAsOneLineOfJsonThatReadsBackToIt() {
        ExportCases.allSpecs().forEach(spec -> {
            for (CodeLanguage lang : CodeLanguage.values()) {
                String firstLine = CodeExport.snippet(spec, lang, 10).lines().findFirst().orElseThrow();
                String prefix = (lang == CodeLanguage.JAVA ? "// " : "# ") + "Reproduces the LR Workbench schedule ";
                assertThat(firstLine).isEqualTo(prefix + ScheduleJson.toTree(spec));
                assertThat(ScheduleJson.parse(firstLine.substring(prefix.length()))).isEqualTo(spec);
            }
        });
    }

    @Test
    void javaNeverUsesPolyScheduleWhichGrows() {
        ExportCases.allSpecs().forEach(spec -> assertThat(CodeExport.snippet(spec, CodeLanguage.JAVA)).doesNotContain("PolySchedule"));
        assertThat(snippet("{'type':'polynomial','lr':0.1,'decaySteps':100}", CodeLanguage.JAVA))
                .contains("class PolynomialDecay extends StatelessSchedule");
    }

    @Test
    void javaUsesDl4jSchedulesWhereTheyComputeTheSameFormula() {
        assertThat(snippet("{'type':'constant','lr':0.1}", CodeLanguage.JAVA)).contains("return new FixedSchedule(0.1);");
        assertThat(snippet("{'type':'step','lr':0.1,'stepSize':30,'gamma':0.5,'unit':'epoch'}", CodeLanguage.JAVA))
                .contains("return new StepSchedule(ScheduleType.EPOCH, 0.1, 0.5, 30);");
        assertThat(snippet("{'type':'exponential','lr':0.1,'decayRate':0.99}", CodeLanguage.JAVA))
                .contains("return new ExponentialSchedule(ScheduleType.ITERATION, 0.1, 0.99);");
        assertThat(snippet("{'type':'exponential','lr':0.1,'decayRate':0.9,'decaySteps':10,'staircase':true}", CodeLanguage.JAVA))
                .contains("return new StepSchedule(ScheduleType.ITERATION, 0.1, 0.9, 10);");
        assertThat(snippet("{'type':'exponential','lr':0.1,'decayRate':0.9,'decaySteps':10}", CodeLanguage.JAVA))
                .contains("class ExponentialDecay extends StatelessSchedule");
        assertThat(snippet("{'type':'inverseTime','lr':0.1,'decayRate':0.5}", CodeLanguage.JAVA))
                .contains("return new InverseSchedule(ScheduleType.ITERATION, 0.1, 0.5, 1.0);");
        assertThat(snippet("{'type':'multiStep','lr':0.1,'milestones':[30,60]}", CodeLanguage.JAVA))
                .contains("new MapSchedule.Builder(ScheduleType.ITERATION)", ".add(0, 0.1)", ".add(30, 0.1 * 0.1)",
                        ".add(60, 0.1 * Math.pow(0.1, 2))");
        assertThat(snippet("{'type':'piecewise','boundaries':[100,110],'values':[1,0.1,0.01]}", CodeLanguage.JAVA))
                .contains(".add(0, 1.0)", ".add(101, 0.1)", ".add(111, 0.01)");
    }

    @Test
    void javaEndsWithHowToUseTheSchedule() {
        assertThat(snippet("{'type':'cyclic','baseLr':0.001,'maxLr':0.006}", CodeLanguage.JAVA).strip())
                .endsWith("//     new NeuralNetConfiguration.Builder().updater(new Sgd(LearningRate.schedule()))\n"
                        + "// DL4J calls it with its iteration and epoch counts.");
    }

    @Test
    void pytorchUsesTheBuiltInSchedulersWhereTheyGiveTheSameCurve() {
        assertThat(snippet("{'type':'step','lr':0.1,'stepSize':30,'gamma':0.5}", CodeLanguage.PYTORCH))
                .contains("optimizer = torch.optim.SGD(model.parameters(), lr=0.1)",
                        "scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.5)")
                .doesNotContain("LambdaLR");
        assertThat(snippet("{'type':'step','lr':0.1,'stepSize':2,'unit':'epoch'}", CodeLanguage.PYTORCH))
                .contains("StepLR(\n    optimizer,\n    step_size=2 * STEPS_PER_EPOCH,\n    gamma=0.1,\n)");
        assertThat(snippet("{'type':'multiStep','lr':0.1,'milestones':[60,30,30]}", CodeLanguage.PYTORCH))
                .contains("MultiStepLR(", "milestones=[30, 30, 60],", "gamma=0.1,");
        assertThat(snippet("{'type':'exponential','lr':0.1,'decayRate':0.99}", CodeLanguage.PYTORCH))
                .contains("scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.99)");
        assertThat(snippet("{'type':'exponential','lr':0.1,'decayRate':0.9,'decaySteps':10,'staircase':true}", CodeLanguage.PYTORCH))
                .contains("StepLR(optimizer, step_size=10, gamma=0.9)").doesNotContain("ExponentialLR");
        assertThat(snippet("{'type':'polynomial','lr':0.1,'decaySteps':100,'power':2}", CodeLanguage.PYTORCH))
                .contains("PolynomialLR(optimizer, total_iters=100, power=2.0)");
        assertThat(snippet("{'type':'cosine','lr':0.1,'decaySteps':100,'alpha':0.1}", CodeLanguage.PYTORCH))
                .contains("CosineAnnealingLR(", "T_max=100,", "eta_min=0.010000000000000002,",
                        "MultiplicativeLR(optimizer, lr_lambda=lambda step: 1.0)", "milestones=[101]");
        assertThat(snippet("{'type':'cosineRestarts','lr':0.1,'firstDecaySteps':10,'tMul':2}", CodeLanguage.PYTORCH))
                .contains("CosineAnnealingWarmRestarts(", "T_0=10,", "T_mult=2,", "eta_min=0.0,");
        assertThat(snippet("{'type':'linear','lr':0.1,'startFactor':0.1,'totalSteps':50}", CodeLanguage.PYTORCH))
                .contains("lr=0.1)", "LinearLR(", "start_factor=0.1,", "total_iters=50,");
    }

    @Test
    void pytorchCyclesMomentumAsTheSpecSays() {
        String cyclic = snippet("{'type':'cyclic','baseLr':0.001,'maxLr':0.006,'baseMomentum':0.85}", CodeLanguage.PYTORCH);
        assertThat(cyclic).contains("optimizer = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.9)",
                "torch.optim.lr_scheduler.CyclicLR(", "cycle_momentum=True,", "base_momentum=0.85,", "max_momentum=0.9,");
        assertThat(snippet("{'type':'oneCycle','maxLr':0.1,'totalSteps':100,'cycleMomentum':false}", CodeLanguage.PYTORCH))
                .contains("OneCycleLR(", "cycle_momentum=False,").doesNotContain("base_momentum");
        // an optimizer without momentum or beta1: the cycle does nothing in LR Workbench, so torch must not add momentum
        ScheduleSpec oneCycle = ScheduleJson.parse("{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":100}");
        assertThat(CodeExport.snippet(oneCycle, CodeLanguage.PYTORCH, null, OptimizerSpec.parse("sgd")))
                .contains("cycle_momentum=False,", "neither momentum nor beta1");
        assertThat(CodeExport.snippet(oneCycle, CodeLanguage.PYTORCH, null, OptimizerSpec.parse("adam")))
                .contains("optimizer = torch.optim.Adam(model.parameters(), lr=0.004)", "cycle_momentum=True,");
    }

    @Test
    void pytorchDrivesTheFormulaWithLambdaLrAtLearningRateOneWhereNoBuiltInFits() {
        assertThat(snippet("{'type':'naturalExp','lr':0.1,'k':0.01}", CodeLanguage.PYTORCH)).contains("def lr_at(step):",
                "torch.optim.SGD(model.parameters(), lr=1.0)", "torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lr_at)",
                "# ExponentialLR(gamma=exp(-k)) multiplies a rounded gamma t times", "once per batch");
        assertThat(snippet("{'type':'cyclic','baseLr':0.01,'maxLr':0.1,'stepSizeUp':3,'unit':'epoch'}", CodeLanguage.PYTORCH))
                .contains("def momentum_at(step):", "group[\"momentum\"] = momentum_at(step)");
        assertThat(snippet("{'type':'plateau','lr':0.1}", CodeLanguage.PYTORCH))
                .contains("torch.optim.lr_scheduler.ReduceLROnPlateau(", "threshold_mode=\"rel\"", "eps=1e-8",
                        "scheduler.step(val_loss)");
    }

    @Test
    void theGivenOptimizerIsWrittenWithTheSettingsThatDifferFromTorchDefaults() {
        ScheduleSpec step = ScheduleJson.parse("{\"type\":\"step\",\"lr\":0.1,\"stepSize\":30}");
        assertThat(CodeExport.snippet(step, CodeLanguage.PYTORCH, null, OptimizerSpec.parse("adamw")))
                .contains("optimizer = torch.optim.AdamW(model.parameters(), lr=0.1)\n");
        assertThat(CodeExport.snippet(step, CodeLanguage.PYTORCH, null, OptimizerSpec.parse("nesterov:momentum=0.95,wd=1e-4")))
                .contains("momentum=0.95,\n    nesterov=True,\n    weight_decay=1e-4,\n)");
        assertThat(CodeExport.snippet(step, CodeLanguage.PYTORCH, null, OptimizerSpec.parse("rmsprop:rho=0.9")))
                .contains("torch.optim.RMSprop(model.parameters(), lr=0.1, alpha=0.9)");
        assertThat(CodeExport.snippet(step, CodeLanguage.TRANSFORMERS, null, OptimizerSpec.parse("amsgrad:beta1=0.95")))
                .contains("torch.optim.Adam(model.parameters(), lr=1.0, amsgrad=True, betas=(0.95, 0.999))");
        assertThat(CodeExport.snippet(step, CodeLanguage.PYTORCH, null, OptimizerSpec.parse("sgdw:wd=0.01")))
                .contains("# SGDW: torch.optim has no decoupled-decay SGD", "p.mul_(1 - lr * 0.01)");
        assertThatThrownBy(() -> CodeExport.snippet(step, CodeLanguage.KERAS, null, OptimizerSpec.parse("adam")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("optimizer is written into pytorch, transformers snippets only (got keras)");
    }

    @Test
    void transformersUsesItsScheduleFunctionsWhereTheirFactorIsOurs() {
        assertThat(snippet("{'type':'constant','lr':0.1}", CodeLanguage.TRANSFORMERS))
                .contains("scheduler = get_constant_schedule(optimizer)");
        assertThat(snippet("{'type':'cosine','lr':0.1,'decaySteps':100,'warmup':{'steps':10}}", CodeLanguage.TRANSFORMERS))
                .contains("from transformers import get_cosine_with_hard_restarts_schedule_with_warmup",
                        "num_training_steps=110,", "num_cycles=1,");
        // transformers' warmups start from 0, its cosine with a floor rises again, it has no square decay: the formula
        assertThat(snippet("{'type':'cosine','lr':0.1,'decaySteps':100,'warmup':{'steps':10,'startFactor':0.1}}",
                CodeLanguage.TRANSFORMERS)).contains("def lr_at(step):", "LambdaLR(optimizer, lr_lambda=lr_at)");
        assertThat(snippet("{'type':'cosine','lr':0.1,'decaySteps':100,'alpha':0.1}", CodeLanguage.TRANSFORMERS))
                .contains("def lr_at(step):");
        assertThat(snippet("{'type':'wsd','lr':0.1,'stableSteps':10,'decaySteps':20,'decayType':'square'}", CodeLanguage.TRANSFORMERS))
                .contains("def lr_at(step):");
        assertThat(snippet("{'type':'plateau','lr':0.1}", CodeLanguage.TRANSFORMERS))
                .contains("scheduler = get_reduce_on_plateau_schedule(");
    }

    @Test
    void optaxUsesItsSchedulesWhereTheyComputeOurFormulaAndInjectsTheLrOtherwise() {
        assertThat(snippet("{'type':'exponential','lr':0.1,'decayRate':0.9,'decaySteps':10}", CodeLanguage.OPTAX))
                .contains("schedule = optax.exponential_decay(init_value=0.1, transition_steps=10, decay_rate=0.9)",
                        "optimizer = optax.sgd(learning_rate=schedule)");
        assertThat(snippet("{'type':'multiStep','lr':0.1,'milestones':[30,30,60]}", CodeLanguage.OPTAX))
                .contains("boundaries_and_scales={30: 0.1 ** 2, 60: 0.1}");
        assertThat(snippet("{'type':'inverseSqrt','lr':0.1,'warmupSteps':100}", CodeLanguage.OPTAX))
                .contains("def lr_at(step):", "optax.inject_hyperparams(optax.sgd)(learning_rate=lr_at(0))",
                        "opt_state.hyperparams[\"learning_rate\"] = lr_at(step)");
    }

    @Test
    void kerasUsesItsBuiltInsWhereTheirFormulaIsOurs() {
        assertThat(snippet("{'type':'step','lr':0.1,'stepSize':30}", CodeLanguage.KERAS))
                .contains("keras.optimizers.schedules.ExponentialDecay(", "staircase=True");
        assertThat(snippet("{'type':'piecewise','boundaries':[100,110],'values':[1,0.1,0.01]}", CodeLanguage.KERAS))
                .contains("PiecewiseConstantDecay(", "boundaries=[100, 110],", "values=[1.0, 0.1, 0.01],");
        assertThat(snippet("{'type':'multiStep','lr':0.1,'milestones':[30,60]}", CodeLanguage.KERAS))
                .contains("boundaries=[29, 59]");
        assertThat(snippet("{'type':'inverseTime','lr':0.1,'decayRate':0.5}", CodeLanguage.KERAS)).contains("InverseTimeDecay(");
        assertThat(snippet("{'type':'polynomial','lr':0.1,'decaySteps':100}", CodeLanguage.KERAS))
                .contains("PolynomialDecay(", "end_learning_rate=0.0"); // Keras' default end is 1e-4
        assertThat(snippet("{'type':'cosine','lr':0.001,'decaySteps':100,'warmupSteps':10,'warmupTarget':0.1}", CodeLanguage.KERAS))
                .contains("CosineDecay(", "warmup_target=0.1", "warmup_steps=10");
        assertThat(snippet("{'type':'cosineRestarts','lr':0.1,'firstDecaySteps':10,'tMul':1}", CodeLanguage.KERAS))
                .contains("keras.optimizers.schedules.CosineDecayRestarts(");
        assertThat(snippet("{'type':'cyclic','baseLr':0.001,'maxLr':0.006}", CodeLanguage.KERAS))
                .contains("class CyclicLR(keras.optimizers.schedules.LearningRateSchedule):", "def get_config(self):",
                        "lr_schedule = CyclicLR(");
    }

    @Test
    void kerasPlateauTranslatesToItsCallbackOnlyWithAnAbsoluteThreshold() {
        String abs = snippet("{'type':'plateau','lr':0.1,'patience':10,'thresholdMode':'abs','cooldown':2,'minLr':0.003}",
                CodeLanguage.KERAS);
        assertThat(abs).contains("keras.callbacks.ReduceLROnPlateau(", "patience=11,", "cooldown=3,", "min_lr=0.003,");
        String rel = snippet("{'type':'plateau','lr':0.1}", CodeLanguage.KERAS);
        assertThat(rel).contains("class ReduceLROnPlateauRelative(keras.callbacks.Callback):")
                .doesNotContain("keras.callbacks.ReduceLROnPlateau(");
    }

    @Test
    void stepsPerEpochIsAPlaceholderOnlyWhenEpochsMatterAndUnknown() {
        ScheduleSpec epochs = ScheduleJson.parse("{\"type\":\"step\",\"lr\":0.1,\"stepSize\":2,\"unit\":\"epoch\"}");
        ScheduleSpec iterations = ScheduleJson.parse("{\"type\":\"step\",\"lr\":0.1,\"stepSize\":2}");
        for (CodeLanguage lang : new CodeLanguage[] {CodeLanguage.PYTORCH, CodeLanguage.KERAS, CodeLanguage.TRANSFORMERS,
                CodeLanguage.OPTAX}) {
            assertThat(CodeExport.snippet(epochs, lang)).contains("STEPS_PER_EPOCH = ...  # TODO");
            assertThat(CodeExport.snippet(epochs, lang, 390)).contains("STEPS_PER_EPOCH = 390  #");
            assertThat(CodeExport.snippet(iterations, lang)).doesNotContain("STEPS_PER_EPOCH");
        }
        // DL4J passes the epoch itself; only a sequential that converts between the two needs the constant.
        assertThat(CodeExport.snippet(epochs, CodeLanguage.JAVA)).doesNotContain("STEPS_PER_EPOCH");
        ScheduleSpec sequential = ScheduleJson.parse("{\"type\":\"sequential\",\"unit\":\"epoch\",\"schedules\":["
                + "{\"type\":\"constant\",\"lr\":0.1},{\"type\":\"constant\",\"lr\":0.01}],\"milestones\":[3]}");
        assertThat(CodeExport.snippet(sequential, CodeLanguage.JAVA)).contains("static final int STEPS_PER_EPOCH = ...;");
        assertThat(CodeExport.snippet(sequential, CodeLanguage.JAVA, 390)).contains("static final int STEPS_PER_EPOCH = 390;");
    }

    @Test
    void rejectsNonPositiveStepsPerEpoch() {
        ScheduleSpec spec = ScheduleJson.parse("{\"type\":\"constant\",\"lr\":0.1}");
        assertThatThrownBy(() -> CodeExport.snippet(spec, CodeLanguage.PYTORCH, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stepsPerEpoch must be an integer > 0 (got 0)");
    }

    @Test
    void literalsReadBackAsTheSameDouble() {
        double[] values = {0.1, 1.0 / 3, 1e-8, 25, 4e-7, 1e23, 2e-3, 5.684341886080802E-14, Double.MIN_VALUE, Double.MAX_VALUE,
                0.1 * Math.pow(0.1, 2), 1.0000000000000005e-8, -0.0};
        for (double v : values) {
            String literal = Literal.decimal(v);
            assertThat(Double.parseDouble(literal)).as(literal).isEqualTo(v);
            assertThat(literal).doesNotContain("E");
        }
        assertThat(Literal.decimal(1e-4)).isEqualTo("1e-4");
        assertThat(Literal.decimal(0.5)).isEqualTo("0.5");
    }

    @Test
    void wsdAndInverseSqrtCarryTheFormulaAndSayWhichTransformersFunctionTheyAre() {
        String wsd = "{'type':'wsd','lr':0.1,'warmupSteps':500,'stableSteps':6000,'decaySteps':3500,'minLrRatio':0.1,"
                + "'warmupType':'cosine','decayType':'square'}";
        assertThat(snippet(wsd, CodeLanguage.JAVA)).contains("class WarmupStableDecay extends StatelessSchedule",
                "double p = iteration / 500.0;", "return 0.1 * (((1 - Math.cos(Math.PI * p)) / 2) * (1 - 0.1) + 0.1);",
                "double p = (iteration - 6500) / 3500.0;", "return 0.1 * ((1 - p * p) * (1 - 0.1) + 0.1);",
                "return 0.1 * 0.1;");
        assertThat(snippet(wsd, CodeLanguage.PYTORCH)).contains("p = (step - 6500) / 3500",
                "# PyTorch has no built-in warmup-stable-decay; transformers' get_wsd_schedule is a LambdaLR over this same formula.\n",
                "scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lr_at)");
        assertThat(snippet(wsd, CodeLanguage.KERAS)).contains("lr_schedule = WarmupStableDecay(", "warmup_type=\"cosine\",",
                "decay_type=\"square\",");
        String inverseSqrt = "{'type':'inverseSqrt','lr':0.001,'warmupSteps':4000}";
        assertThat(snippet(inverseSqrt, CodeLanguage.JAVA)).contains("class InverseSqrtDecay extends StatelessSchedule",
                "return 0.001 * iteration / 4000.0;", "return 0.001 / Math.sqrt((iteration - 4000 + 4000.0) / 4000.0);");
        assertThat(snippet(inverseSqrt, CodeLanguage.PYTORCH)).contains("return 0.001 / math.sqrt((step - 4000 + 4000) / 4000)",
                "transformers' get_inverse_sqrt_schedule is a LambdaLR over this same formula");
        assertThat(snippet(inverseSqrt, CodeLanguage.KERAS)).contains("lr_schedule = InverseSqrtDecay(learning_rate=0.001, warmup_steps=4000, timescale=4000)");
    }
}
