package lrwb.engine.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * DESIGN.md's rules for the engine, checked on its compiled classes (tests excluded): it runs headless and in the
 * CLI, so it never depends on JavaFX or on the app; its packages form layers, not a knot; and the lean layers, our
 * replacements of DL4J internals, stay behind the model package's API.
 */
@AnalyzeClasses(packages = "lrwb.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {
    @ArchTest
    static final ArchRule theEngineDependsNeitherOnJavafxNorOnTheApp = noClasses()
            .that().resideInAPackage("lrwb.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "lrwb.app..");

    /** The first-level packages (schedule, data, model, finder, train, run, runtime, startup, cli, ...). */
    @ArchTest
    static final ArchRule theEnginePackagesHaveNoCycles = slices()
            .matching("lrwb.engine.(*)..")
            .should().beFreeOfCycles();

    /** The lean package is a layer below the model package (it knows nothing of it) and only the model uses it. */
    @ArchTest
    static final ArchRule onlyTheModelPackageUsesTheLeanLayers = classes()
            .that().resideInAPackage("lrwb.engine.model.lean..")
            .should().onlyHaveDependentClassesThat().resideInAPackage("lrwb.engine.model..");

    @ArchTest
    static final ArchRule theLeanLayersDependOnNothingOfTheModelAboveThem = noClasses()
            .that().resideInAPackage("lrwb.engine.model.lean..")
            .should().dependOnClassesThat().resideInAPackage("lrwb.engine.model");
}
