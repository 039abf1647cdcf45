package lrwb.engine.export;

import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.PlateauSchedule;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleSpec;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The schedules the export tests run through every language: each type, and each branch the generators take
 * (built-in or formula, iteration or epoch, sequential nesting). Specs are JSON with ' for " to stay readable.
 */
final class ExportCases {
    private ExportCases() {
    }

    /** A formula schedule, compared with our evaluator over updates {@code 0 .. steps-1}. */
    record Formula(String name, FormulaSchedule spec, int stepsPerEpoch, int steps) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A plateau schedule, compared with {@link PlateauSchedule#simulate} over a metric series. */
    record Plateau(String name, PlateauSchedule spec, double[] metrics) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Formula> FORMULAS = List.of(
            formula("constant", "{'type':'constant','lr':0.1}"),
            formula("step", "{'type':'step','lr':0.1,'stepSize':7,'gamma':0.5}"),
            formula("step-epoch", "{'type':'step','lr':0.1,'stepSize':2,'gamma':0.5,'unit':'epoch'}", 5, 120),
            formula("multiStep", "{'type':'multiStep','lr':0.1,'milestones':[0,10,30,30,200]}"),
            formula("multiStep-only-zero", "{'type':'multiStep','lr':0.1,'milestones':[0],'gamma':0.3}"),
            formula("multiStep-epoch", "{'type':'multiStep','lr':0.2,'milestones':[3,1],'unit':'epoch'}", 4, 40),
            formula("piecewise", "{'type':'piecewise','boundaries':[100,110,120],'values':[1,0.1,0.01,0.001]}"),
            formula("piecewise-epoch", "{'type':'piecewise','boundaries':[1,3],'values':[0.3,0.2,0.1],'unit':'epoch'}", 7, 50),
            formula("exponential", "{'type':'exponential','lr':0.05,'decayRate':0.96,'decaySteps':10}"),
            formula("exponential-per-step", "{'type':'exponential','lr':0.1,'decayRate':0.99}"),
            formula("exponential-staircase", "{'type':'exponential','lr':0.1,'decayRate':0.9,'decaySteps':10,'staircase':true}"),
            formula("exponential-epoch", "{'type':'exponential','lr':0.1,'decayRate':0.8,'unit':'epoch'}", 4, 60),
            formula("naturalExp", "{'type':'naturalExp','lr':0.1,'k':0.01}"),
            formula("inverseTime", "{'type':'inverseTime','lr':0.1,'decayRate':0.5}"),
            formula("inverseTime-staircase", "{'type':'inverseTime','lr':0.1,'decayRate':0.5,'decaySteps':10,'staircase':true}"),
            formula("inverseTime-epoch", "{'type':'inverseTime','lr':0.1,'decayRate':0.3,'decaySteps':7,'unit':'epoch'}", 3, 90),
            formula("polynomial", "{'type':'polynomial','lr':0.1,'decaySteps':100,'endLr':0.001,'power':2}"),
            formula("polynomial-cycle", "{'type':'polynomial','lr':0.1,'decaySteps':50,'power':0.5,'cycle':true}"),
            formula("cosine", "{'type':'cosine','lr':0.1,'decaySteps':100,'alpha':0.1}"),
            formula("cosine-warmup", "{'type':'cosine','lr':0.001,'decaySteps':100,'warmupSteps':20,'warmupTarget':0.1}"),
            formula("cosine-target-no-warmup", "{'type':'cosine','lr':0.001,'decaySteps':100,'warmupTarget':0.1}"),
            formula("cosineRestarts-tMul1", "{'type':'cosineRestarts','lr':0.1,'firstDecaySteps':20,'tMul':1,'mMul':0.5,'alpha':0.01}"),
            formula("cosineRestarts", "{'type':'cosineRestarts','lr':0.1,'firstDecaySteps':10,'mMul':0.8}"),
            // Restarts at 1, 4, 13, 40, 121: at 121 floor(log(...)/log(3)) rounds one period early.
            formula("cosineRestarts-tMul3", "{'type':'cosineRestarts','lr':0.1,'firstDecaySteps':1,'tMul':3}", 1, 300),
            formula("linear", "{'type':'linear','lr':0.1,'startFactor':0.1,'endFactor':1,'totalSteps':50}"),
            formula("linear-defaults", "{'type':'linear','lr':0.1}"),
            formula("cyclic", "{'type':'cyclic','baseLr':1,'maxLr':5,'stepSizeUp':4}"),
            formula("cyclic-triangular2", "{'type':'cyclic','baseLr':1,'maxLr':5,'stepSizeUp':4,'mode':'triangular2'}"),
            formula("cyclic-expRange", "{'type':'cyclic','baseLr':0.001,'maxLr':0.006,'stepSizeUp':20,'stepSizeDown':10,"
                    + "'mode':'expRange','gamma':0.99}"),
            formula("cyclic-epoch", "{'type':'cyclic','baseLr':0.01,'maxLr':0.1,'stepSizeUp':3,'unit':'epoch'}", 3, 90),
            // totalSteps updates: torch's OneCycleLR refuses to go further (and its LR after the last one is not the floor)
            formula("oneCycle", "{'type':'oneCycle','maxLr':25,'totalSteps':10,'divFactor':25,'finalDivFactor':2,'anneal':'linear'}", 1, 10),
            formula("oneCycle-cos", "{'type':'oneCycle','maxLr':0.1,'totalSteps':200}", 1, 200),
            formula("oneCycle-threePhase", "{'type':'oneCycle','maxLr':0.1,'totalSteps':200,'pctStart':0.25,'threePhase':true}", 1, 200),
            formula("wsd", "{'type':'wsd','lr':1,'warmupSteps':4,'stableSteps':2,'decaySteps':4,'warmupType':'linear',"
                    + "'decayType':'linear'}", 1, 14),
            formula("wsd-cosine-floor", "{'type':'wsd','lr':0.1,'warmupSteps':30,'stableSteps':100,'decaySteps':90,"
                    + "'minLrRatio':0.1,'warmupType':'cosine'}"),
            formula("wsd-sqrt-no-stable", "{'type':'wsd','lr':0.1,'warmupSteps':40,'stableSteps':0,'decaySteps':150,"
                    + "'minLrRatio':0.05,'warmupType':'1-sqrt','decayType':'1-sqrt'}"),
            formula("wsd-square-no-warmup-epoch", "{'type':'wsd','lr':0.1,'stableSteps':10,'decaySteps':20,"
                    + "'decayType':'square','unit':'epoch'}", 4, 150),
            formula("inverseSqrt", "{'type':'inverseSqrt','lr':1,'warmupSteps':4}"),
            formula("inverseSqrt-no-warmup", "{'type':'inverseSqrt','lr':0.1}"),
            formula("inverseSqrt-timescale-epoch", "{'type':'inverseSqrt','lr':0.1,'warmupSteps':5,'timescale':2,'unit':'epoch'}",
                    3, 120),
            formula("warmup-cosine", "{'type':'cosine','lr':0.1,'decaySteps':100,'warmup':{'steps':20,'startFactor':0.1}}"),
            formula("warmup-constant", "{'type':'constant','lr':0.1,'warmup':{'steps':10}}"),
            formula("warmup-wsd", "{'type':'wsd','lr':0.1,'stableSteps':50,'decaySteps':100,'minLrRatio':0.1,'warmup':{'steps':30}}"),
            formula("warmup-step-epoch", "{'type':'step','lr':0.1,'stepSize':2,'gamma':0.5,'unit':'epoch',"
                    + "'warmup':{'steps':2,'startFactor':0.5}}", 5, 120),
            formula("warmup-sequential-with-epoch-part", "{'type':'sequential','warmup':{'steps':7},'schedules':["
                    + "{'type':'linear','lr':0.1,'totalSteps':10},{'type':'step','lr':0.1,'stepSize':2,'unit':'epoch',"
                    + "'warmup':{'steps':1}}],'milestones':[30]}", 6, 150),
            // the built-ins' branches: momentum, warmups in front of CyclicLR/OneCycleLR, the cosine hold, transformers' fits
            formula("cyclic-no-momentum", "{'type':'cyclic','baseLr':0.01,'maxLr':0.1,'stepSizeUp':5,'cycleMomentum':false}"),
            formula("warmup-cyclic-momentum", "{'type':'cyclic','baseLr':0.01,'maxLr':0.1,'stepSizeUp':10,'mode':'triangular2',"
                    + "'warmup':{'steps':5}}"),
            formula("warmup-oneCycle-momentum", "{'type':'oneCycle','maxLr':0.1,'totalSteps':100,'baseMomentum':0.8,"
                    + "'maxMomentum':0.9,'threePhase':true,'warmup':{'steps':10,'startFactor':0.2}}", 1, 110),
            formula("linear-decay-warmup", "{'type':'linear','lr':0.1,'startFactor':1,'endFactor':0,'totalSteps':100,"
                    + "'warmup':{'steps':10}}"),
            formula("polynomial-warmup", "{'type':'polynomial','lr':0.1,'decaySteps':100,'endLr':0.001,'power':2,'warmup':{'steps':10}}"),
            formula("polynomial-to-zero", "{'type':'polynomial','lr':0.1,'decaySteps':100,'power':1.5}"),
            formula("cosine-zero-alpha-warmup", "{'type':'cosine','lr':0.1,'decaySteps':100,'warmup':{'steps':10}}"),
            formula("cosine-keras-warmup-from-zero", "{'type':'cosine','lr':0,'decaySteps':100,'warmupSteps':10,'warmupTarget':0.1}"),
            formula("cosineRestarts-tMul2-torch", "{'type':'cosineRestarts','lr':0.1,'firstDecaySteps':10,'tMul':2,'alpha':0.1}"),
            formula("inverseSqrt-spec-warmup", "{'type':'inverseSqrt','lr':0.1,'timescale':50,'warmup':{'steps':20}}"),
            formula("wsd-spec-warmup", "{'type':'wsd','lr':0.1,'stableSteps':50,'decaySteps':100,'decayType':'1-sqrt',"
                    + "'warmup':{'steps':30}}"),
            formula("exponential-epoch-staircase", "{'type':'exponential','lr':0.1,'decayRate':0.8,'decaySteps':3,'staircase':true,"
                    + "'unit':'epoch'}", 4, 60),
            formula("sequential-cosine-hold", "{'type':'sequential','schedules':[{'type':'cosine','lr':0.1,'decaySteps':50,"
                    + "'alpha':0.1},{'type':'step','lr':0.1,'stepSize':10}],'milestones':[80]}"),
            formula("sequential", "{'type':'sequential','schedules':[{'type':'linear','lr':0.1,'startFactor':0.01,'totalSteps':20},"
                    + "{'type':'cosine','lr':0.1,'decaySteps':100},{'type':'constant','lr':0.001}],'milestones':[20,120]}"),
            formula("sequential-epoch-mixed", "{'type':'sequential','unit':'epoch','schedules':["
                    + "{'type':'linear','lr':0.1,'totalSteps':10},{'type':'step','lr':0.1,'stepSize':2,'unit':'epoch'},"
                    + "{'type':'exponential','lr':0.05,'decayRate':0.9}],'milestones':[3,8]}", 7, 120),
            formula("sequential-nested", "{'type':'sequential','schedules':[{'type':'sequential','schedules':["
                    + "{'type':'constant','lr':0.01},{'type':'cyclic','baseLr':0.01,'maxLr':0.1,'stepSizeUp':5}],'milestones':[10]},"
                    + "{'type':'piecewise','boundaries':[5],'values':[0.05,0.005],'unit':'epoch'}],'milestones':[40]}", 6, 120),
            formula("sequential-same-types", "{'type':'sequential','schedules':[{'type':'cosine','lr':0.1,'decaySteps':30},"
                    + "{'type':'cosine','lr':0.05,'decaySteps':30},{'type':'multiStep','lr':0.02,'milestones':[0,5]}],'milestones':[30,60]}"));

    static final List<Plateau> PLATEAUS = List.of(
            plateau("plateau", "{'type':'plateau','lr':0.1,'patience':2}", losses(1)),
            plateau("plateau-abs-cooldown", "{'type':'plateau','lr':0.1,'patience':1,'factor':0.5,'thresholdMode':'abs',"
                    + "'threshold':0.01,'cooldown':2,'minLr':0.001}", losses(2)),
            plateau("plateau-accuracy-rel", "{'type':'plateau','lr':0.05,'monitor':'valAccuracy','patience':3,'threshold':0.001,"
                    + "'cooldown':1}", accuracies(3)),
            plateau("plateau-eps-floor", "{'type':'plateau','lr':1e-6,'monitor':'valAccuracy','thresholdMode':'abs','threshold':0,"
                    + "'patience':0}", accuracies(4)),
            plateau("plateau-train-max-abs", "{'type':'plateau','lr':0.1,'monitor':'trainLoss','mode':'max','thresholdMode':'abs',"
                    + "'threshold':0.05,'patience':0,'cooldown':3,'minLr':0.02,'eps':0.001}", losses(5)),
            plateau("plateau-no-eps", "{'type':'plateau','lr':0.1,'patience':0,'factor':0.5,'thresholdMode':'abs','threshold':0,"
                    + "'eps':0}", losses(6)));

    static Stream<ScheduleSpec> allSpecs() {
        return Stream.concat(FORMULAS.stream().map(Formula::spec), PLATEAUS.stream().map(Plateau::spec));
    }

    private static ScheduleSpec parse(String json) {
        return ScheduleJson.parse(json.replace('\'', '"'));
    }

    private static Formula formula(String name, String json) {
        return formula(name, json, 1, 260);
    }

    private static Formula formula(String name, String json, int stepsPerEpoch, int steps) {
        return new Formula(name, (FormulaSchedule) parse(json), stepsPerEpoch, steps);
    }

    private static Plateau plateau(String name, String json, double[] metrics) {
        return new Plateau(name, (PlateauSchedule) parse(json), metrics);
    }

    /** A noisy, flattening loss curve: improvements, plateaus and relapses for every rule to act on. */
    private static double[] losses(long seed) {
        Random random = new Random(seed);
        double[] m = new double[70];
        for (int e = 0; e < m.length; e++) {
            m[e] = 1.0 / (1 + 0.2 * e) + 0.03 * random.nextDouble();
        }
        return m;
    }

    private static double[] accuracies(long seed) {
        double[] m = losses(seed);
        for (int e = 0; e < m.length; e++) {
            m[e] = 1 - m[e];
        }
        return m;
    }
}
