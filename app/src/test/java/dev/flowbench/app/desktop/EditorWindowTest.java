package dev.flowbench.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.app.workspace.ExampleWorkspace;
import dev.flowbench.editor.view.FlowEditor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window the launcher opens shows the example flow, highlighted. */
@ExtendWith(ApplicationExtension.class)
class EditorWindowTest {
    private final Path workspace = ExampleWorkspace.path();
    private Stage stage;
    private FlowEditor editor;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        editor = EditorWindow.show(stage, workspace);
    }

    @Test
    void theWindowShowsTheExampleFlowHighlighted(FxRobot robot) throws Exception {
        String expected = Files.readString(workspace.resolve("flows/hello.yaml"));
        assertThat(robot.lookup(".flow-editor").tryQuery()).isPresent();
        assertThat(WaitForAsyncUtils.asyncFx(editor::getText).get()).isEqualTo(expected);
        assertThat(stage.getTitle()).isEqualTo("Flowbench — flows/hello.yaml");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(
                                () -> editor.codeArea().getStyleOfChar(0).contains("key"))
                        .get());
    }

    @Test
    void aWorkspaceWithoutHelloOpensItsFirstFlow() throws IOException {
        Path other = Files.createTempDirectory("workspace");
        Files.createDirectories(other.resolve("flows"));
        Files.writeString(other.resolve("flows/b.yaml"), "id: b\n");
        Files.writeString(other.resolve("flows/a.yaml"), "id: a\n");
        assertThat(EditorWindow.exampleFlow(other)).contains(other.resolve("flows/a.yaml"));
        assertThat(EditorWindow.exampleFlow(other.resolve("missing"))).isEmpty();
    }
}
