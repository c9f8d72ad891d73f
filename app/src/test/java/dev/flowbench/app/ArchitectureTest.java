package dev.flowbench.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of DESIGN.md, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "dev.flowbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule schemaSeesOnlyItself = noClasses()
            .that()
            .resideInAPackage("dev.flowbench.schema..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.flowbench.runner..",
                    "dev.flowbench.engine..",
                    "dev.flowbench.editor..",
                    "dev.flowbench.app..",
                    "javafx..")
            .because("the flow language is the bottom layer that every face shares");

    @ArchTest
    static final ArchRule runnersNeverSeeEditorAppOrJavaFx = noClasses()
            .that()
            .resideInAnyPackage("dev.flowbench.runner..", "dev.flowbench.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.flowbench.editor..", "dev.flowbench.app..", "javafx..", "org.fxmisc..")
            .because("runners execute on servers and in the command line, where there is no toolkit");

    @ArchTest
    static final ArchRule editorNeverSeesRunners = noClasses()
            .that()
            .resideInAPackage("dev.flowbench.editor..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.flowbench.runner..", "dev.flowbench.engine..", "dev.flowbench.app..")
            .because("the editor understands flows; it does not run them")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule languageServicesNeverSeeJavaFx = noClasses()
            .that()
            .resideInAPackage("dev.flowbench.editor..")
            .and()
            .resideOutsideOfPackage("dev.flowbench.editor.view..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "org.fxmisc..")
            .because("language services also answer the command line and the language server")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule commandLineNeverStartsJavaFx = noClasses()
            .that()
            .resideInAnyPackage("dev.flowbench.app.cli..", "dev.flowbench.app.lsp..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "javafx..", "org.fxmisc..", "dev.flowbench.app.desktop..", "dev.flowbench.editor.view..")
            .because("the command line and the language server run headless");

    @ArchTest
    static final ArchRule viewModelsHoldNoSceneGraph = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javafx.scene..")
            .because("ViewModels are tested without a window")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheCommandLinePrintsToStandardStreams = noClasses()
            .that()
            .resideOutsideOfPackages("dev.flowbench.app", "dev.flowbench.app.cli..")
            .should()
            .accessField(System.class, "out")
            .because("the language server speaks on stdout; anything else printed there corrupts the protocol");

    @ArchTest
    static final ArchRule noPackageCycles =
            slices().matching("dev.flowbench.(**)").should().beFreeOfCycles().because("dependencies point one way");
}
