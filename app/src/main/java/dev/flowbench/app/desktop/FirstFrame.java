package dev.flowbench.app.desktop;

import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs an action once a scene has been drawn with some content in it: after the layout pass that found
 * {@code ready} true while the window showed, at the start of the following pulse. JavaFX begins a pulse only
 * after the previous frame was handed to the screen, so by then the content is visible.
 *
 * <p>The main window uses it to build its side panels only after the editor is on screen; the start-up probe
 * uses it to know when that happened.
 */
final class FirstFrame {
    private FirstFrame() {}

    /** Runs {@code action} on the FX thread once, after the first frame in which {@code ready} held. */
    static void then(Scene scene, BooleanSupplier ready, Runnable action) {
        scene.addPostLayoutPulseListener(new Watcher(scene, ready, action));
        Platform.requestNextPulse();
    }

    private static final class Watcher implements Runnable {
        private final Scene scene;
        private final BooleanSupplier ready;
        private final Runnable action;
        private boolean drawn;

        Watcher(Scene scene, BooleanSupplier ready, Runnable action) {
            this.scene = scene;
            this.ready = ready;
            this.action = action;
        }

        @Override
        public void run() {
            if (drawn) {
                scene.removePostLayoutPulseListener(this);
                action.run();
            } else if (scene.getWindow() != null && scene.getWindow().isShowing() && ready.getAsBoolean()) {
                drawn = true;
                Platform.requestNextPulse();
            }
        }
    }
}
