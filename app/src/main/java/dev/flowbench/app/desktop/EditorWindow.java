package dev.flowbench.app.desktop;

import dev.flowbench.editor.view.FlowEditor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** A window with one {@link FlowEditor} showing the workspace's example flow. */
final class EditorWindow {
    static final String EXAMPLE_FLOW = "flows/hello.yaml";

    private EditorWindow() {}

    /** Fills {@code stage} with an editor on the workspace's example flow (or its first flow) and shows it. */
    static FlowEditor show(Stage stage, Path workspace) {
        var editor = new FlowEditor();
        Optional<Path> flow = exampleFlow(workspace);
        String title = "Flowbench";
        if (flow.isPresent()) {
            try {
                editor.load(Files.readString(flow.get(), StandardCharsets.UTF_8));
                title = "Flowbench — " + workspace.relativize(flow.get());
            } catch (IOException e) {
                editor.load("# Cannot read " + flow.get().getFileName() + ": " + e.getMessage() + "\n");
            }
        }
        stage.setTitle(title);
        stage.setScene(new Scene(editor, 1000, 720));
        stage.setOnHidden(e -> editor.dispose());
        stage.show();
        editor.codeArea().requestFocus();
        return editor;
    }

    /** {@code flows/hello.yaml} when present, else the first {@code .yaml} file of {@code flows/} by name. */
    static Optional<Path> exampleFlow(Path workspace) {
        Path hello = workspace.resolve(EXAMPLE_FLOW);
        if (Files.isRegularFile(hello)) {
            return Optional.of(hello);
        }
        try (Stream<Path> files = Files.list(workspace.resolve("flows"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
