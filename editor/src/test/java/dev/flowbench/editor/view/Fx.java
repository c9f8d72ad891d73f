package dev.flowbench.editor.view;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Small helpers for tests that read and drive JavaFX state from the test thread. */
final class Fx {
    private Fx() {}

    /** Runs {@code action} on the FX thread and returns its result. */
    static <T> T call(Callable<T> action) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(action));
    }

    /** Runs {@code action} on the FX thread and waits for the events it caused. */
    static void run(Runnable action) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(action));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Hides every popup window (completion, hover, tooltips) so the next test's mouse events reach its own
     * window: the stage is reused between tests and the headless platform sends a click to the topmost window.
     */
    static void closePopups() {
        run(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow && w.isShowing())
                .toList()
                .forEach(javafx.stage.Window::hide));
    }

    /** Waits up to five seconds for {@code condition}, evaluated on the FX thread. */
    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> call(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 5 s", e);
        }
    }
}
