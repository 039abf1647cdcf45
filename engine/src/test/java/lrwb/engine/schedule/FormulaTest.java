package lrwb.engine.schedule;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * lr(t) of every type against values worked out by hand from the formulas of specs/schedules.md
 * (never by calling the code under test).
 */
class FormulaTest {

    /** 1e-12 relative (absolute near zero). */
    private static Offset<Double> close(double expected) {
        return within(Math.max(Math.abs(expected), 1e-3) * 1e-12);
    }

    private static void assertLr(FormulaSchedule s, long t, double expected) {
        assertThat(s.lr(t)).as("%s at t=%d", s.type(), t).isCloseTo(expected, close(expected));
    }

    private static FormulaSchedule parse(String json) {
        return (FormulaSchedule) ScheduleJson.parse(json);
    }

    @Test
    void constantIsTheSameEverywhere() {
        ConstantSchedule s = new ConstantSchedule(0.01);
        assertThat(s.lr(0)).isEqualTo(0.01);
        assertThat(s.lr(1_000_000_000L)).isEqualTo(0.01);
    }

    @Nested
    class Step {
        @Test
        void dropsByGammaEveryStepSize() {
            StepSchedule s = new StepSchedule(0.1, 3, 0.5, Unit.ITERATION);
            // 0.1·0.5^floor(t/3); powers of 1/2 are exact
            assertThat(s.lr(0)).isEqualTo(0.1);
            assertThat(s.lr(2)).isEqualTo(0.1);
            assertThat(s.lr(3)).isEqualTo(0.05);
            assertThat(s.lr(5)).isEqualTo(0.05);
            assertThat(s.lr(6)).isEqualTo(0.025);
            assertThat(s.lr(9)).isEqualTo(0.0125);
        }

        @Test
        void defaultGammaIsOneTenth() {
            FormulaSchedule s = parse("{\"type\":\"step\",\"lr\":1,\"stepSize\":10}");
            assertLr(s, 9, 1);
            assertLr(s, 10, 0.1);
            assertLr(s, 25, 0.01);
        }
    }

    @Nested
    class MultiStep {
        @Test
        void countsMilestonesAtOrBeforeT() {
            MultiStepSchedule s = new MultiStepSchedule(1, List.of(2L, 5L, 8L), 0.5, Unit.ITERATION);
            assertThat(s.lr(0)).isEqualTo(1);
            assertThat(s.lr(1)).isEqualTo(1);
            assertThat(s.lr(2)).isEqualTo(0.5);
            assertThat(s.lr(4)).isEqualTo(0.5);
            assertThat(s.lr(5)).isEqualTo(0.25);
            assertThat(s.lr(8)).isEqualTo(0.125);
            assertThat(s.lr(1000)).isEqualTo(0.125);
        }

        @Test
        void aRepeatedMilestoneCountsTwice() {
            MultiStepSchedule s = new MultiStepSchedule(1, List.of(2L, 5L, 5L, 8L), 0.5, Unit.ITERATION);
            assertThat(s.lr(4)).isEqualTo(0.5);
            assertThat(s.lr(5)).isEqualTo(0.125);
            assertThat(s.lr(7)).isEqualTo(0.125);
            assertThat(s.lr(8)).isEqualTo(0.0625);
        }

        @Test
        void defaultGammaIsOneTenth() {
            FormulaSchedule s = parse("{\"type\":\"multiStep\",\"lr\":2,\"milestones\":[3]}");
            assertLr(s, 2, 2);
            assertLr(s, 3, 0.2);
        }
    }

    @Nested
    class Exponential {
        @Test
        void continuousExponent() {
            ExponentialSchedule s = new ExponentialSchedule(0.05, 0.96, 10, false, Unit.ITERATION);
            assertLr(s, 0, 0.05);
            assertLr(s, 10, 0.05 * 0.96);
            assertLr(s, 15, 0.05 * 0.96 * Math.sqrt(0.96));
            assertLr(s, 20, 0.05 * 0.96 * 0.96);
        }

        @Test
        void staircaseFloorsTheExponent() {
            ExponentialSchedule s = new ExponentialSchedule(0.05, 0.96, 10, true, Unit.ITERATION);
            assertLr(s, 5, 0.05);
            assertLr(s, 9, 0.05);
            assertLr(s, 10, 0.048);
            assertLr(s, 19, 0.048);
            assertLr(s, 20, 0.04608);
        }

        @Test
        void decayStepsDefaultsToOne() {
            FormulaSchedule s = parse("{\"type\":\"exponential\",\"lr\":1,\"decayRate\":0.5}");
            assertLr(s, 3, 0.125);
        }
    }

    @Test
    void naturalExpIsLrTimesEToTheMinusKt() {
        NaturalExpSchedule s = new NaturalExpSchedule(0.1, 0.5, Unit.ITERATION);
        assertLr(s, 0, 0.1);
        assertLr(s, 2, 0.1 / Math.E);
        assertLr(s, 7, 0.1 * Math.exp(-3.5));
    }

    @Nested
    class InverseTime {
        @Test
        void continuous() {
            InverseTimeSchedule s = new InverseTimeSchedule(1, 0.5, 10, false, Unit.ITERATION);
            assertLr(s, 0, 1);
            assertLr(s, 5, 0.8);      // 1/(1+0.5·0.5)
            assertLr(s, 20, 0.5);     // 1/(1+0.5·2)
        }

        @Test
        void staircaseFloorsTOverDecaySteps() {
            InverseTimeSchedule s = new InverseTimeSchedule(1, 0.5, 10, true, Unit.ITERATION);
            assertLr(s, 5, 1);
            assertLr(s, 9, 1);
            assertLr(s, 10, 1 / 1.5);
            assertLr(s, 19, 1 / 1.5);
            assertLr(s, 20, 0.5);
        }

        @Test
        void timeBasedDecayIsDecayStepsOne() {
            FormulaSchedule s = parse("{\"type\":\"inverseTime\",\"lr\":0.1,\"decayRate\":0.01}");
            assertLr(s, 1, 0.1 / 1.01);
            assertLr(s, 100, 0.05);
        }
    }

    @Nested
    class Polynomial {
        @Test
        void withoutCycleStaysAtEndLrAfterDecaySteps() {
            PolynomialSchedule s = new PolynomialSchedule(1, 10, 0.1, 2, false, Unit.ITERATION);
            assertLr(s, 0, 1);
            assertLr(s, 5, 0.325);    // 0.9·0.5² + 0.1
            assertLr(s, 10, 0.1);
            assertLr(s, 15, 0.1);
            assertLr(s, 1000, 0.1);
        }

        @Test
        void defaultsAreLinearDecayToZero() {
            FormulaSchedule s = parse("{\"type\":\"polynomial\",\"lr\":1,\"decaySteps\":4}");
            assertLr(s, 1, 0.75);
            assertLr(s, 3, 0.25);
            assertLr(s, 4, 0);
            assertLr(s, 9, 0);
        }

        @Test
        void withCycleTheDecayLengthGrowsToTheNextMultiple() {
            PolynomialSchedule s = new PolynomialSchedule(1, 10, 0.1, 2, true, Unit.ITERATION);
            assertLr(s, 0, 1);                       // D = 10 (max(1, ceil(0)))
            assertLr(s, 5, 0.325);                   // D = 10
            assertLr(s, 10, 0.1);                    // D = 10, t' = 10
            assertLr(s, 11, 0.9 * 0.45 * 0.45 + 0.1); // D = 20: (1 − 11/20)² = 0.2025
            assertLr(s, 20, 0.1);                    // D = 20
            assertLr(s, 25, 0.9 / 36 + 0.1);          // D = 30: (1 − 25/30)² = 1/36
            assertLr(s, 30, 0.1);
            assertLr(s, 40, 0.1);                    // D = 40
            assertLr(s, 41, 0.9 * Math.pow(1 - 41.0 / 50, 2) + 0.1);
        }
    }

    @Nested
    class Cosine {
        @Test
        void noWarmupDecaysFromLrAndClampsAtDecaySteps() {
            CosineSchedule s = new CosineSchedule(1, 10, 0, 0, null, Unit.ITERATION);
            assertLr(s, 0, 1);
            assertLr(s, 2, (1 + Math.cos(Math.PI / 5)) / 2);
            assertLr(s, 5, 0.5);
            assertLr(s, 10, 0);
            assertLr(s, 15, 0);
        }

        @Test
        void alphaIsTheFloorAsAFractionOfLr() {
            CosineSchedule s = new CosineSchedule(2, 10, 0.1, 0, null, Unit.ITERATION);
            assertLr(s, 0, 2);
            assertLr(s, 5, 2 * (0.9 * 0.5 + 0.1));
            assertLr(s, 10, 0.2);
            assertLr(s, 20, 0.2);
        }

        @Test
        void warmupIsLinearFromLrToTargetThenDecaysFromTarget() {
            FormulaSchedule s = parse("{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":10,\"warmupSteps\":4,"
                    + "\"warmupTarget\":1}");
            assertLr(s, 0, 0.1);
            assertLr(s, 1, 0.325);    // 0.1 + 0.9·1/4
            assertLr(s, 2, 0.55);
            assertLr(s, 3, 0.775);
            assertLr(s, 4, 1);        // t ≥ W: decay from the target, t − W = 0
            assertLr(s, 6, (1 + Math.cos(Math.PI * 2 / 10)) / 2);
            assertLr(s, 9, 0.5);
            assertLr(s, 14, 0);       // W + D
            assertLr(s, 100, 0);
        }

        @Test
        void warmupWithAlphaClampsAtAlphaTimesTarget() {
            CosineSchedule s = new CosineSchedule(0.1, 10, 0.2, 4, 1.0, Unit.ITERATION);
            assertLr(s, 2, 0.55);
            assertLr(s, 9, 0.8 * 0.5 + 0.2);
            assertLr(s, 14, 0.2);
            assertLr(s, 1000, 0.2);
        }
    }

    @Nested
    class CosineRestarts {
        @Test
        void tMulOneRepeatsThePeriod() {
            CosineRestartsSchedule s = new CosineRestartsSchedule(1, 10, 1, 1, 0, Unit.ITERATION);
            double at9 = (1 + Math.cos(0.9 * Math.PI)) / 2;
            for (long k = 0; k < 4; k++) {
                assertLr(s, 10 * k, 1);
                assertLr(s, 10 * k + 5, 0.5);
                assertLr(s, 10 * k + 9, at9);
            }
        }

        @Test
        void tMulTwoRestartsAtZeroFirstThreeFirstSevenFirst() {
            FormulaSchedule s = parse("{\"type\":\"cosineRestarts\",\"lr\":1,\"firstDecaySteps\":10}"); // tMul 2
            assertLr(s, 0, 1);
            assertLr(s, 5, 0.5);
            assertLr(s, 9, (1 + Math.cos(0.9 * Math.PI)) / 2);
            assertLr(s, 10, 1);       // restart, period 20
            assertLr(s, 20, 0.5);     // f = (2 − 1)/2
            assertLr(s, 29, (1 + Math.cos(0.95 * Math.PI)) / 2);
            assertLr(s, 30, 1);       // restart, period 40
            assertLr(s, 50, 0.5);     // f = (5 − 3)/4
            assertLr(s, 69, (1 + Math.cos(0.975 * Math.PI)) / 2);
            assertLr(s, 70, 1);       // restart, period 80
            assertLr(s, 110, 0.5);    // f = (11 − 7)/8
            assertLr(s, 150, 1);
        }

        @Test
        void everyRestartOfALongRunStartsAtThePeak() {
            // restarts at F·(tMul^i − 1)/(tMul − 1): the LR there is lr·mMul^i, never the bottom of the previous period
            for (double tMul : new double[] {2, 3, 4}) {
                CosineRestartsSchedule s = new CosineRestartsSchedule(1, 7, tMul, 1, 0, Unit.ITERATION);
                long start = 0;
                long period = 7;
                for (int i = 0; start < 100_000_000L; i++) {
                    assertThat(s.lr(start)).as("tMul %s restart %d at t=%d", tMul, i, start).isCloseTo(1, within(1e-12));
                    start += period;
                    period = (long) (period * tMul);
                }
            }
        }

        @Test
        void fractionalTMul() {
            // tMul 1.5, firstDecaySteps 4: periods 4, 6, 9, 13.5 → restarts at 0, 4, 10, 19, 32.5
            CosineRestartsSchedule s = new CosineRestartsSchedule(1, 4, 1.5, 1, 0, Unit.ITERATION);
            assertLr(s, 4, 1);
            assertLr(s, 7, 0.5);                                         // (7/4 − 1)/1.5 = 1/2
            assertLr(s, 10, 1);
            assertLr(s, 18, (1 + Math.cos(Math.PI * 8 / 9)) / 2);        // (4.5 − 2.5)/2.25 = 8/9
            assertLr(s, 19, 1);
            assertLr(s, 32, (1 + Math.cos(Math.PI * 13 / 13.5)) / 2);     // (8 − 4.75)/3.375 = 13/13.5
            assertLr(s, 33, (1 + Math.cos(Math.PI * 0.5 / 20.25)) / 2);  // (8.25 − 8.125)/5.0625
        }

        @Test
        void mMulScalesEachPeakAndAlphaIsTheFloor() {
            CosineRestartsSchedule s = new CosineRestartsSchedule(2, 10, 2, 0.5, 0.1, Unit.ITERATION);
            assertLr(s, 0, 2);                                 // 2·(0.9·1 + 0.1)
            assertLr(s, 5, 2 * (0.9 * 0.5 + 0.1));
            assertLr(s, 10, 2 * (0.9 * 0.5 + 0.1));            // i = 1
            assertLr(s, 20, 2 * (0.9 * 0.5 * 0.5 + 0.1));      // i = 1, f = 0.5
            assertLr(s, 30, 2 * (0.9 * 0.25 + 0.1));           // i = 2
            assertLr(s, 70, 2 * (0.9 * 0.125 + 0.1));          // i = 3
            assertLr(s, 69, 2 * (0.9 * 0.25 * (1 + Math.cos(0.975 * Math.PI)) / 2 + 0.1));
        }
    }

    @Nested
    class Linear {
        @Test
        void defaultsWarmUpFromAThirdOverFiveSteps() {
            FormulaSchedule s = parse("{\"type\":\"linear\",\"lr\":0.1}");
            assertLr(s, 0, 0.1 / 3);
            assertLr(s, 3, 0.1 * (1.0 / 3 + (2.0 / 3) * 3 / 5));
            assertLr(s, 5, 0.1);
            assertLr(s, 100, 0.1);
        }

        @Test
        void decaysToEndFactor() {
            LinearSchedule s = new LinearSchedule(2, 1, 0, 4, Unit.ITERATION);
            assertLr(s, 0, 2);
            assertLr(s, 1, 1.5);
            assertLr(s, 3, 0.5);
            assertLr(s, 4, 0);
            assertLr(s, 10, 0);
        }
    }

    @Nested
    class Cyclic {
        @Test
        void expRangeScalesTheAmplitudeByGammaToTheT() {
            FormulaSchedule s = parse("{\"type\":\"cyclic\",\"baseLr\":1,\"maxLr\":5,\"stepSizeUp\":4,"
                    + "\"mode\":\"expRange\",\"gamma\":0.9}");
            assertLr(s, 0, 1);
            assertLr(s, 2, 1 + 4 * 0.5 * 0.81);
            assertLr(s, 4, 1 + 4 * 0.6561);
            assertLr(s, 6, 1 + 4 * 0.5 * Math.pow(0.9, 6));
            assertLr(s, 8, 1);
            assertLr(s, 12, 1 + 4 * Math.pow(0.9, 12));
        }

        @Test
        void asymmetricStepSizeDown() {
            CyclicSchedule s = new CyclicSchedule(1, 5, 2, 6, CyclicSchedule.Mode.TRIANGULAR, 1, Unit.ITERATION);
            // total 8, ratio 1/4: up over 2 steps, down over 6
            assertLr(s, 0, 1);
            assertLr(s, 1, 3);
            assertLr(s, 2, 5);
            assertLr(s, 3, 1 + 4 * 5.0 / 6);
            assertLr(s, 5, 3);
            assertLr(s, 7, 1 + 4 * 1.0 / 6);
            assertLr(s, 8, 1);
            assertLr(s, 9, 3);
            assertLr(s, 10, 5);
        }

        @Test
        void stepSizeUpDefaultsTo2000() {
            FormulaSchedule s = parse("{\"type\":\"cyclic\",\"baseLr\":0.001,\"maxLr\":0.005}");
            assertLr(s, 1000, 0.003);
            assertLr(s, 2000, 0.005);
            assertLr(s, 3000, 0.003);
            assertLr(s, 4000, 0.001);
        }
    }

    @Nested
    class OneCycle {
        // maxLr 1, T 100, pctStart 0.25, divFactor 10, finalDivFactor 100: initial 0.1, min 0.001
        @Test
        void cosTwoPhase() {
            OneCycleSchedule s = new OneCycleSchedule(1, 100, 0.25, OneCycleSchedule.Anneal.COS, 10, 100, false,
                    Unit.ITERATION);
            // phases end at 24 and 99
            assertLr(s, 0, 0.1);
            assertLr(s, 12, 0.55);                   // p = 1/2
            assertLr(s, 24, 1);
            assertLr(s, 49, 0.001 + 0.999 * 0.75);   // p = 25/75 = 1/3, (1 + cos(π/3))/2 = 3/4
            assertLr(s, 98, 0.001 + 0.999 * (1 + Math.cos(Math.PI * 74 / 75)) / 2);
            assertLr(s, 99, 0.001);
            assertLr(s, 100, 0.001);
            assertLr(s, 5000, 0.001);
        }

        @Test
        void cosThreePhase() {
            OneCycleSchedule s = new OneCycleSchedule(1, 100, 0.25, OneCycleSchedule.Anneal.COS, 10, 100, true,
                    Unit.ITERATION);
            // phases end at 24, 48 and 99: 0.1 → 1 → 0.1 → 0.001
            assertLr(s, 0, 0.1);
            assertLr(s, 12, 0.55);
            assertLr(s, 24, 1);
            assertLr(s, 36, 0.55);                   // p = 12/24
            assertLr(s, 48, 0.1);
            assertLr(s, 65, 0.001 + 0.099 * 0.75);   // p = 17/51 = 1/3
            assertLr(s, 99, 0.001);
            assertLr(s, 120, 0.001);
        }

        @Test
        void linearThreePhase() {
            OneCycleSchedule s = new OneCycleSchedule(1, 100, 0.25, OneCycleSchedule.Anneal.LINEAR, 10, 100, true,
                    Unit.ITERATION);
            assertLr(s, 6, 0.1 + 0.9 / 4);
            assertLr(s, 24, 1);
            assertLr(s, 30, 1 - 0.9 / 4);
            assertLr(s, 48, 0.1);
            assertLr(s, 65, 0.1 - 0.099 / 3);
            assertLr(s, 99, 0.001);
        }

        @Test
        void defaultsArePyTorchs() {
            FormulaSchedule s = parse("{\"type\":\"oneCycle\",\"maxLr\":0.25,\"totalSteps\":100}");
            // cos, pctStart 0.3 (up phase ends at 29), divFactor 25, finalDivFactor 1e4
            assertLr(s, 0, 0.01);
            assertLr(s, 29, 0.25);
            assertLr(s, 99, 1e-6);
        }
    }

    @Nested
    class Sequential {
        private final FormulaSchedule warmupThenCosine = parse("""
                {"type":"sequential","milestones":[5, 20],"schedules":[
                  {"type":"linear","lr":1,"startFactor":0.1,"endFactor":1,"totalSteps":5},
                  {"type":"cosine","lr":1,"decaySteps":10},
                  {"type":"constant","lr":0.01}]}""");

        @Test
        void firstScheduleBeforeTheFirstMilestone() {
            assertLr(warmupThenCosine, 0, 0.1);
            assertLr(warmupThenCosine, 2, 0.1 + 0.9 * 2 / 5);
            assertLr(warmupThenCosine, 4, 0.1 + 0.9 * 4 / 5);
        }

        @Test
        void laterSchedulesSeeTMinusTheirMilestone() {
            assertLr(warmupThenCosine, 5, 1);        // cosine(0)
            assertLr(warmupThenCosine, 7, (1 + Math.cos(Math.PI * 2 / 10)) / 2);
            assertLr(warmupThenCosine, 10, 0.5);     // cosine(5)
            assertLr(warmupThenCosine, 15, 0);       // cosine(10)
            assertLr(warmupThenCosine, 19, 0);       // cosine(14), clamped
            assertLr(warmupThenCosine, 20, 0.01);
            assertLr(warmupThenCosine, 10_000, 0.01);
            assertThat(warmupThenCosine.lrAtIteration(10, 7)).isCloseTo(0.5, close(0.5));
        }

        @Test
        void nestedSequentialOffsetsAddUp() {
            FormulaSchedule s = parse("""
                    {"type":"sequential","milestones":[3],"schedules":[
                      {"type":"constant","lr":0.5},
                      {"type":"sequential","milestones":[4],"schedules":[
                        {"type":"step","lr":1,"stepSize":2,"gamma":0.5},
                        {"type":"linear","lr":1,"startFactor":0.5,"endFactor":1,"totalSteps":4}]}]}""");
            assertThat(s.lrAtIteration(2, 1)).isEqualTo(0.5);
            assertThat(s.lrAtIteration(3, 1)).isEqualTo(1);     // step(0)
            assertThat(s.lrAtIteration(5, 1)).isEqualTo(0.5);   // step(2)
            assertThat(s.lrAtIteration(6, 1)).isEqualTo(0.5);   // step(3)
            assertThat(s.lrAtIteration(7, 1)).isEqualTo(0.5);   // linear(0)
            assertThat(s.lrAtIteration(9, 1)).isEqualTo(0.75);  // linear(2)
            assertThat(s.lrAtIteration(11, 1)).isEqualTo(1);    // linear(4)
            assertThat(s.lr(9)).isEqualTo(0.75);
        }
    }

    @Test
    void multiStepsOnePassCurveEqualsItsFormulaAtEveryUpdate() {
        for (String json : List.of(
                "{\"type\":\"multiStep\",\"lr\":0.3,\"milestones\":[7,3,3,12],\"gamma\":0.7}",
                "{\"type\":\"multiStep\",\"lr\":0.3,\"milestones\":[2,5],\"gamma\":0.1,\"unit\":\"epoch\"}")) {
            FormulaSchedule s = parse(json);
            double[] curve = s.curve(80, 9);
            for (int i = 0; i < curve.length; i++) {
                assertThat(curve[i]).as("%s at %d", json, i).isEqualTo(s.lrAtIteration(i, 9));
            }
        }
    }

    @Nested
    class EpochUnit {
        @Test
        void stepPerEpochReadsTheEpochIndex() {
            FormulaSchedule s = parse("{\"type\":\"step\",\"lr\":1,\"stepSize\":2,\"gamma\":0.5,\"unit\":\"epoch\"}");
            assertThat(s.usesEpochs()).isTrue();
            // 10 iterations per epoch: epoch = floor(iteration / 10)
            assertThat(s.lrAtIteration(0, 10)).isEqualTo(1);
            assertThat(s.lrAtIteration(19, 10)).isEqualTo(1);     // epoch 1
            assertThat(s.lrAtIteration(20, 10)).isEqualTo(0.5);   // epoch 2
            assertThat(s.lrAtIteration(39, 10)).isEqualTo(0.5);   // epoch 3
            assertThat(s.lrAtIteration(40, 10)).isEqualTo(0.25);  // epoch 4
            assertThat(s.curve(41, 10)).startsWith(1, 1, 1).endsWith(0.5, 0.25);
            // the formula itself counts epochs
            assertThat(s.lr(2)).isEqualTo(0.5);
        }

        @Test
        void iterationUnitIgnoresStepsPerEpoch() {
            FormulaSchedule s = parse("{\"type\":\"step\",\"lr\":1,\"stepSize\":2,\"gamma\":0.5}");
            assertThat(s.usesEpochs()).isFalse();
            assertThat(s.lrAtIteration(2, 10)).isEqualTo(0.5);
            assertThat(s.lrAtIteration(2, 1)).isEqualTo(0.5);
        }

        @Test
        void epochSequentialWithAnIterationChild() {
            // milestone 2 epochs = 10 iterations at 5 iterations per epoch; the linear child counts iterations from there
            FormulaSchedule s = parse("""
                    {"type":"sequential","unit":"epoch","milestones":[2],"schedules":[
                      {"type":"constant","lr":0.5},
                      {"type":"linear","lr":1,"startFactor":0.5,"endFactor":1,"totalSteps":10}]}""");
            assertThat(s.usesEpochs()).isTrue();
            assertThat(s.lrAtIteration(0, 5)).isEqualTo(0.5);
            assertThat(s.lrAtIteration(9, 5)).isEqualTo(0.5);    // epoch 1: constant
            assertThat(s.lrAtIteration(10, 5)).isEqualTo(0.5);   // epoch 2: linear(0)
            assertThat(s.lrAtIteration(11, 5)).isEqualTo(0.55);  // linear(1)
            assertThat(s.lrAtIteration(15, 5)).isEqualTo(0.75);  // linear(5)
            assertThat(s.lrAtIteration(20, 5)).isEqualTo(1);     // linear(10)
            assertThat(s.lrAtIteration(100, 5)).isEqualTo(1);
        }

        @Test
        void iterationSequentialWithAnEpochChild() {
            // milestone 6 iterations; the step child counts epochs of its own local iterations
            FormulaSchedule s = parse("""
                    {"type":"sequential","milestones":[6],"schedules":[
                      {"type":"constant","lr":0.5},
                      {"type":"step","lr":1,"stepSize":1,"gamma":0.5,"unit":"epoch"}]}""");
            assertThat(s.usesEpochs()).isTrue();
            assertThat(s.lrAtIteration(5, 4)).isEqualTo(0.5);
            assertThat(s.lrAtIteration(6, 4)).isEqualTo(1);      // local 0 → epoch 0
            assertThat(s.lrAtIteration(9, 4)).isEqualTo(1);      // local 3 → epoch 0
            assertThat(s.lrAtIteration(10, 4)).isEqualTo(0.5);   // local 4 → epoch 1
            assertThat(s.lrAtIteration(14, 4)).isEqualTo(0.25);  // local 8 → epoch 2
        }

        @Test
        void epochUnitOfOtherTypes() {
            FormulaSchedule cosine = parse("{\"type\":\"cosine\",\"lr\":1,\"decaySteps\":4,\"unit\":\"epoch\"}");
            assertThat(cosine.lrAtIteration(0, 100)).isEqualTo(1);
            assertThat(cosine.lrAtIteration(199, 100)).isCloseTo((1 + Math.cos(Math.PI / 4)) / 2, within(1e-12));
            assertThat(cosine.lrAtIteration(200, 100)).isCloseTo(0.5, within(1e-12));
            assertThat(cosine.lrAtIteration(400, 100)).isCloseTo(0, within(1e-12));

            FormulaSchedule cyclic = parse("{\"type\":\"cyclic\",\"baseLr\":1,\"maxLr\":5,\"stepSizeUp\":4,\"unit\":\"epoch\"}");
            assertThat(cyclic.lrAtIteration(3 * 7 + 6, 7)).isEqualTo(4);    // epoch 3
            assertThat(cyclic.lrAtIteration(4 * 7, 7)).isEqualTo(5);        // epoch 4
        }
    }
}
