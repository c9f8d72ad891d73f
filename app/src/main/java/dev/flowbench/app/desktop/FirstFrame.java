package dev.flowbench.app.desktop;

import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Runs an action once a scene has been drawn with some content in it: after the layout pass that found
 * {@code ready} true while the window showed, in the following pulse. JavaFX begins a pulse only after the
 * previous frame was handed to the screen, so by then the content is visible; the moment that pulse began is
 * when it was shown.
 *
 * <p>The main window uses it to build its side panels only after the editor is on screen; the start-up probe
 * uses it to know when that happened.
 */
final class FirstFrame {
    private FirstFrame() {}

    /** Runs {@code action} on the FX thread once, after the first frame in which {@code ready} held. */
    static void then(Scene scene, BooleanSupplier ready, Runnable action) {
        then(scene, ready, shown -> action.run());
    }

    /**
     * Runs {@code action} on the FX thread once, after the first frame in which {@code ready} held, with the moment
     * that frame was on screen (the start of the next pulse, before other work of that pulse ran).
     */
    static void then(Scene scene, BooleanSupplier ready, Consumer<Instant> action) {
        scene.addPostLayoutPulseListener(new Watcher(scene, ready, action));
        Platform.requestNextPulse();
    }

    private static final class Watcher implements Runnable {
        private final Scene scene;
        private final BooleanSupplier ready;
        private final Consumer<Instant> action;
        private final Runnable pulseStarted = this::pulseStarted;
        private boolean drawn;
        private Instant shown;

        Watcher(Scene scene, BooleanSupplier ready, Consumer<Instant> action) {
            this.scene = scene;
            this.ready = ready;
            this.action = action;
        }

        /** Runs after each layout pass until the action ran. */
        @Override
        public void run() {
            if (drawn) {
                scene.removePostLayoutPulseListener(this);
                action.accept(shown == null ? Instant.now() : shown);
            } else if (scene.getWindow() != null && scene.getWindow().isShowing() && ready.getAsBoolean()) {
                drawn = true;
                scene.addPreLayoutPulseListener(pulseStarted);
                Platform.requestNextPulse();
            }
        }

        private void pulseStarted() {
            scene.removePreLayoutPulseListener(pulseStarted);
            shown = Instant.now();
        }
    }
}
