package dev.flowbench.app.desktop;

import dev.flowbench.app.desktop.document.DocumentTab;
import dev.flowbench.app.desktop.workbench.WorkbenchViewModel;
import dev.flowbench.app.workspace.ExampleWorkspace;
import dev.flowbench.editor.view.FlowEditor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Takes the README's screenshots from the real app on JavaFX's headless platform: the editor with completion
 * open, the docs sidebar on the Docker runner, and the run panel after running the example flow. Run it with
 * {@code app/screenshots.sh}; it writes PNG files into the given folder.
 */
public final class ScreenshotTour {
    private static final String DOCKER = "io.kestra.plugin.scripts.runner.docker.Docker";

    private ScreenshotTour() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/docs/screenshots");
        Path workspace = copy(ExampleWorkspace.path(), Files.createTempDirectory("flowbench-tour"));
        var started = new CompletableFuture<Void>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);

        var background = Executors.newFixedThreadPool(2);
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        MainWindow window = fx(() -> {
            var stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            return MainWindow.show(stage, new WorkbenchViewModel(workspace, background, Platform::runLater, scheduler));
        });
        WorkbenchViewModel workbench = window.workbench();
        waitFor(() -> workbench.registryProperty().get() != null);

        // 1. Completion after "type: " under a task runner, with the docs pane of the selected item.
        fx(() -> {
            workbench.open(workspace.resolve("flows/hello.yaml"));
            FlowEditor editor = editor(window);
            String text = editor.getText();
            int at = text.indexOf("    containerImage");
            editor.codeArea().insertText(at, "    taskRunner:\n      type: \n");
            editor.codeArea().moveTo(at + "    taskRunner:\n      type: ".length());
            editor.getScene().getWindow().requestFocus();
            editor.codeArea().requestFocus();
            editor.triggerCompletion();
            return null;
        });
        pause(1500);
        pause(800);
        shoot(window, out.resolve("editor-completion.png"));

        // 2. The docs sidebar on the Docker runner.
        fx(() -> {
            FlowEditor editor = editor(window);
            editor.codeArea().replaceText(editor.getText().replace("      type: \n", "      type: " + DOCKER + "\n"));
            workbench.docs().open(DOCKER);
            return null;
        });
        pause(1500);
        shoot(window, out.resolve("docs-sidebar.png"));

        // 3. The run panel after running the example flow with the Process runner.
        fx(() -> {
            FlowEditor editor = editor(window);
            editor.undo();
            editor.undo();
            workbench.environmentProperty().set(WorkbenchViewModel.NO_ENVIRONMENT);
            return null;
        });
        pause(500);
        fx(() -> {
            workbench.tabs().getSelected().reloadFromDisk();
            window.runFlow();
            return null;
        });
        waitFor(() -> workbench.run().executionProperty().get() != null
                && workbench.run().executionProperty().get().state().isTerminal());
        pause(1000);
        shoot(window, out.resolve("run-panel.png"));

        fx(() -> {
            workbench.run().dispose();
            return null;
        });
        background.shutdownNow();
        scheduler.shutdownNow();
        Platform.exit();
        System.err.println("screenshots written to " + out.toAbsolutePath());
    }

    private static FlowEditor editor(MainWindow window) {
        return window.tabs().selectedTab().map(DocumentTab::editor).orElseThrow();
    }

    /**
     * The window's scene with every open popup (completion, hover) painted over it where it sits: the headless
     * screen is smaller than the window, so a screen capture would cut it.
     */
    private static void shoot(MainWindow window, Path file) throws Exception {
        WritableImage image = fx(() -> {
            var scene = window.tabs().getScene();
            var stage = scene.getWindow();
            WritableImage shot = scene.snapshot(null);
            for (Window popup : Window.getWindows()) {
                if (popup instanceof PopupWindow && popup.isShowing() && popup.getScene() != null) {
                    WritableImage layer = popup.getScene().snapshot(null);
                    int x = (int) Math.round(popup.getX() - stage.getX() - scene.getX());
                    int y = (int) Math.round(popup.getY() - stage.getY() - scene.getY());
                    paste(shot, layer, x, y);
                }
            }
            return shot;
        });
        PngWriter.write(image, file);
        System.err.println("wrote " + file);
    }

    private static void paste(WritableImage target, WritableImage layer, int left, int top) {
        var reader = layer.getPixelReader();
        var writer = target.getPixelWriter();
        for (int y = 0; y < (int) layer.getHeight(); y++) {
            for (int x = 0; x < (int) layer.getWidth(); x++) {
                int tx = left + x;
                int ty = top + y;
                int argb = reader.getArgb(x, y);
                if (tx >= 0 && ty >= 0 && tx < target.getWidth() && ty < target.getHeight() && (argb >>> 24) > 0) {
                    writer.setArgb(tx, ty, argb);
                }
            }
        }
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!fx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the tour waited two minutes in vain");
            }
            Thread.sleep(100);
        }
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    private static Path copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else if (!Files.exists(destination)) {
                    Files.copy(file, destination);
                }
            }
        }
        return target;
    }
}
