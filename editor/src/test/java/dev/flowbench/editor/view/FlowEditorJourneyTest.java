package dev.flowbench.editor.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.editor.api.CompletionItem;
import dev.flowbench.editor.language.FlowLanguage;
import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.validation.ValidationContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The editor's journey with the real language services and the real runner plugins: type a task, complete a runner
 * type after {@code type: }, see a bad {@code pullPolicy} underlined and fixed from the hover, Ctrl+click the
 * runner type for its docs.
 */
@ExtendWith(ApplicationExtension.class)
class FlowEditorJourneyTest {
    private static final String DOCKER = "io.kestra.plugin.scripts.runner.docker.Docker";
    private static final FlowLanguage FLOWS = FlowLanguage.forFlows(PluginRegistry.builtIn(), ValidationContext::none);

    FlowEditor editor;

    @Start
    void start(Stage stage) {
        editor = new FlowEditor();
        editor.setLanguageSupport(FLOWS.support());
        stage.setScene(new Scene(editor, 1000, 700));
        stage.show();
    }

    @AfterEach
    void dispose() {
        Fx.run(editor::dispose);
        Fx.closePopups();
    }

    String text() {
        return Fx.call(editor::getText);
    }

    @Test
    void aRunnerChosenByCompletionIsValidatedFixedAndLinkedToItsDocs(FxRobot robot) {
        Fx.run(() -> {
            editor.load("id: journey\nnamespace: company.team\ntasks:\n  - id: run\n"
                    + "    type: io.kestra.plugin.scripts.shell.Commands\n    containerImage: ubuntu:24.04\n"
                    + "    commands:\n      - echo hi\n    taskRunner:\n      ");
            editor.codeArea().requestFocus();
            editor.codeArea().moveTo(editor.codeArea().getLength());
        });

        robot.write("type: ");
        Fx.waitUntil(() -> editor.completion().isShowing());
        robot.write("docker");
        Fx.waitUntil(() -> editor.completion().visibleItems().stream()
                .map(CompletionItem::label)
                .toList()
                .equals(List.of(DOCKER)));
        robot.type(KeyCode.ENTER);
        Fx.waitUntil(() -> editor.getText().endsWith("      type: " + DOCKER));

        robot.type(KeyCode.ENTER);
        robot.write("pullPolicy: SOMETIMES");
        int bad = text().indexOf("SOMETIMES");
        Fx.waitUntil(() -> editor.codeArea().getStyleOfChar(bad + 2).contains("diagnostic-error"));
        assertThat(Fx.call(() -> editor.diagnosticsProperty().get()))
                .anySatisfy(d -> assertThat(d.range().start().offset()).isEqualTo(bad));

        Fx.run(() -> editor.hover().showAt(bad + 2, screenPointOf(bad + 2)));
        Fx.waitUntil(() -> robot.lookup(".hover-quick-fix").queryAllAs(Hyperlink.class).stream()
                .anyMatch(link -> link.getText().equals("Quick fix: Replace with IF_NOT_PRESENT")));
        Hyperlink fix = robot.lookup(".hover-quick-fix").queryAllAs(Hyperlink.class).stream()
                .filter(link -> link.getText().equals("Quick fix: Replace with IF_NOT_PRESENT"))
                .findFirst()
                .orElseThrow();
        robot.clickOn((Node) fix);
        assertThat(text()).endsWith("      pullPolicy: IF_NOT_PRESENT");
        Fx.waitUntil(() -> !editor.codeArea().getStyleOfChar(bad + 2).contains("diagnostic-error"));
        Fx.waitUntil(() -> editor.diagnosticsProperty().get().stream()
                .noneMatch(d -> d.severity() == dev.flowbench.schema.diagnostic.Severity.ERROR));

        var opened = new CopyOnWriteArrayList<String>();
        Fx.run(() -> editor.setOnOpenDocs(e -> opened.add(e.typeId())));
        int link = text().indexOf(DOCKER) + 8;
        Fx.waitUntil(() -> editor.docLinkAt(link).isPresent());
        robot.press(KeyCode.CONTROL).clickOn(screenPointOf(link)).release(KeyCode.CONTROL);
        Fx.waitUntil(() -> opened.equals(List.of(DOCKER)));
    }

    Point2D screenPointOf(int offset) {
        return Fx.call(() -> {
            Bounds b = editor.codeArea()
                    .getCharacterBoundsOnScreen(offset, offset + 1)
                    .orElseThrow();
            return new Point2D(b.getCenterX(), b.getCenterY());
        });
    }
}
