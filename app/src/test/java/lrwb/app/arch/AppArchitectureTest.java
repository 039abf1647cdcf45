package lrwb.app.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.runtime.EngineTuning;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * DESIGN.md's rules for the app, checked on its compiled classes (tests excluded).
 *
 * <p><b>The engine's API.</b> The app reaches the engine only through its API. Internal, and so out of the app's
 * reach, are:
 * <ul>
 *   <li>{@code lrwb.engine.model.lean..}: the lean layers, our replacements of DL4J internals, behind
 *       {@code Networks};</li>
 *   <li>{@code lrwb.engine.runtime} except {@link EngineContext} and {@link EngineTuning}: {@code HostCopy},
 *       {@code RowSoftmax}, {@code EngineThreads}, {@code NativeSettings} are how the engine runs ND4J, not what it
 *       offers (the app makes one context and hands it on, nothing more);</li>
 *   <li>DL4J and ND4J themselves ({@code org.deeplearning4j..}, {@code org.nd4j..}): the app sees networks only as
 *       the engine's specs, requests, metrics and results.</li>
 * </ul>
 * Everything else public in the engine is API: specs ({@code schedule}, {@code model}, {@code data}), jobs and their
 * metrics ({@code finder}, {@code train}), run records ({@code run}), {@code startup} and the CLI's entry point
 * ({@code cli.Lrwb}, which the launcher runs); the classes meant for the engine alone there are package-private.
 *
 * <p><b>Model side.</b> A ViewModel (a class whose name ends in {@code ViewModel}) and every app class it reaches
 * through its dependencies, transitively, are the model side: testable without a stage, they hold JavaFX properties
 * and colours but no node, stage or control. So none of them depends on {@code javafx.scene..} (except
 * {@code javafx.scene.paint..}), {@code javafx.stage..} or {@code org.controlsfx..}, and none calls
 * {@code Platform.runLater}: engine data reaches the FX thread only through the adapters of {@code lrwb.app.stream}
 * (FrameQueue, BackgroundWork), the one place allowed to. The rule is stated from the ViewModels rather than as a
 * list of classes, so a helper a ViewModel starts to use is checked from then on, and a ViewModel that reaches into
 * a view is caught with the path that leads there.
 */
@AnalyzeClasses(packages = "lrwb.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AppArchitectureTest {
    private static final DescribedPredicate<JavaClass> ENGINE_INTERNALS =
            resideInAPackage("lrwb.engine.model.lean..")
                    .or(resideInAPackage("lrwb.engine.runtime")
                            .and(not(equivalentTo(EngineContext.class)))
                            .and(not(equivalentTo(EngineTuning.class))))
                    .as("engine internals (lrwb.engine.model.lean.., lrwb.engine.runtime but EngineContext and EngineTuning)");

    @ArchTest
    static final ArchRule theAppUsesNoEngineInternals = noClasses()
            .that().resideInAPackage("lrwb.app..")
            .should().dependOnClassesThat(ENGINE_INTERNALS);

    @ArchTest
    static final ArchRule theAppReachesDl4jOnlyThroughTheEngine = noClasses()
            .that().resideInAPackage("lrwb.app..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..");

    /** The first-level packages: shell, the workspaces (designer, finder, training, runs), chart, form, text, ... */
    @ArchTest
    static final ArchRule theAppPackagesHaveNoCycles = slices()
            .matching("lrwb.app.(*)..")
            .should().beFreeOfCycles();

    /** A workspace uses no other workspace's classes: what several need lives in a shared package. */
    @ArchTest
    static final ArchRule workspacesDoNotUseEachOther = slices()
            .matching("lrwb.app.(designer|finder|training|runs|sweeps)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule viewModelsAndWhatTheyReachStayOffTheSceneGraph = classes()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should(new StayOffTheSceneGraph());

    private static final DescribedPredicate<JavaClass> TOOLKIT_UI =
            resideInAPackage("javafx.scene..").and(not(resideInAPackage("javafx.scene.paint..")))
                    .or(resideInAnyPackage("javafx.stage..", "org.controlsfx.."));

    /** Walks a ViewModel's dependencies within the app and reports each forbidden one with the path to it. */
    private static final class StayOffTheSceneGraph extends ArchCondition<JavaClass> {
        StayOffTheSceneGraph() {
            super("neither depend, nor reach through app classes a dependency, on javafx.scene (but paint), "
                    + "javafx.stage or org.controlsfx, nor call Platform.runLater outside lrwb.app.stream");
        }

        @Override
        public void check(JavaClass viewModel, ConditionEvents events) {
            Map<JavaClass, JavaClass> reachedFrom = new HashMap<>();
            Deque<JavaClass> todo = new ArrayDeque<>();
            reachedFrom.put(viewModel, null);
            todo.add(viewModel);
            while (!todo.isEmpty()) {
                JavaClass c = todo.poll();
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    if (TOOLKIT_UI.test(target)) {
                        events.add(SimpleConditionEvent.violated(d, path(reachedFrom, c) + ": " + d.getDescription()));
                    } else if (target.getPackageName().startsWith("lrwb.app") && !reachedFrom.containsKey(target)) {
                        reachedFrom.put(target, c);
                        todo.add(target);
                    }
                }
                if (!c.getPackageName().equals("lrwb.app.stream")) {
                    for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
                        if (call.getTargetOwner().getName().equals("javafx.application.Platform")
                                && call.getName().equals("runLater")) {
                            events.add(SimpleConditionEvent.violated(call, path(reachedFrom, c) + ": "
                                    + call.getDescription()));
                        }
                    }
                }
            }
        }

        private static String path(Map<JavaClass, JavaClass> reachedFrom, JavaClass to) {
            StringBuilder b = new StringBuilder(to.getSimpleName());
            for (JavaClass c = reachedFrom.get(to); c != null; c = reachedFrom.get(c)) {
                b.insert(0, c.getSimpleName() + " -> ");
            }
            return b.toString();
        }
    }
}
