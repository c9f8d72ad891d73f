package dev.flowbench.app.bench;

import dev.flowbench.app.desktop.StartupProbe;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;

/**
 * The start-up benchmark's baseline: a bare JavaFX window (an empty pane the size of Flowbench's main window)
 * that reports its first frame through {@link StartupProbe} like the app does. Run by
 * {@code app/startup-benchmark.sh}; a benchmark, not a test.
 */
public final class BareWindow {
    private BareWindow() {}

    /**
     * Launches the window the usual way. The main class itself is no {@link Application}: the java launcher
     * refuses one when JavaFX is on the class path rather than the module path, as it is for Flowbench too.
     */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The application: one stage, one empty scene. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            var scene = new Scene(new Pane(), 1360, 860);
            stage.setTitle("Bare JavaFX window");
            stage.setScene(scene);
            if (StartupProbe.requested()) {
                StartupProbe.watch(scene, () -> true);
            }
            stage.show();
        }
    }
}
