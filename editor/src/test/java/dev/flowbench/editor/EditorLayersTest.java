package dev.flowbench.editor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class EditorLayersTest {
    private static final JavaClasses EDITOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.flowbench.editor");

    @Test
    void onlyTheViewPackageSeesJavaFx() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.flowbench.editor.view..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.fxmisc..", "org.reactfx..")
                .because("language services and editing rules are shared with the command line and the"
                        + " language server, which never start the JavaFX toolkit")
                .check(EDITOR);
    }

    @Test
    void nothingBelowTheViewDependsOnIt() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.flowbench.editor.view..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.flowbench.editor.view..")
                .because("the view sits on top of the services, never the other way round")
                .check(EDITOR);
    }
}
