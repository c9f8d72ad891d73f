package dev.flowbench.app.smoke;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Watches for the desktop app's first shown window and ends the process: exit code 0 with one line on standard
 * error naming the window once one shows, or 1 with a line saying none did in time.
 *
 * <p>Enabled by the system property {@value #PROPERTY} (e.g. {@code JAVA_TOOL_OPTIONS=-Dflowbench.smokeTest=true
 * -Dglass.platform=Headless -Dprism.order=sw flowbench}); the timeout in seconds is {@value #TIMEOUT_PROPERTY}
 * (default 120). It only observes JavaFX's list of windows, so it works with whatever the desktop shows.
 */
public final class WindowProbe {
    /** The system property that turns the probe on. */
    public static final String PROPERTY = "flowbench.smokeTest";

    /** The system property holding the timeout in seconds. */
    public static final String TIMEOUT_PROPERTY = "flowbench.smokeTest.timeout";

    private static final Duration POLL = Duration.ofMillis(200);

    private WindowProbe() {}

    /** Whether the probe was asked for on this run. */
    public static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Starts watching in a daemon thread that ends the process through {@link System#exit}. */
    public static void start() {
        Duration timeout = Duration.ofSeconds(Long.getLong(TIMEOUT_PROPERTY, 120));
        Thread.ofPlatform()
                .daemon()
                .name("flowbench-window-probe")
                .start(() -> watch(timeout, System.err, System::exit));
    }

    /** Polls until a window shows or {@code timeout} passes, then reports on {@code err} and calls {@code exit}. */
    static void watch(Duration timeout, PrintStream err, IntConsumer exit) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> shown = shownWindow();
            if (shown.isPresent()) {
                err.println("flowbench: smoke test: main window shown: " + shown.get());
                exit.accept(0);
                return;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        err.println("flowbench: smoke test: no window was shown within " + timeout.toSeconds() + " s");
        exit.accept(1);
    }

    /** The first showing window, described; empty while the toolkit is not running or nothing shows yet. */
    private static Optional<String> shownWindow() {
        var answer = new CompletableFuture<Optional<String>>();
        try {
            Platform.runLater(() -> answer.complete(Window.getWindows().stream()
                    .filter(Window::isShowing)
                    .findFirst()
                    .map(WindowProbe::describe)));
            return answer.get(POLL.toMillis() * 10, TimeUnit.MILLISECONDS);
        } catch (IllegalStateException toolkitNotStartedYet) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException busyOrFailed) {
            return Optional.empty();
        }
    }

    private static String describe(Window window) {
        String title = window instanceof Stage stage && stage.getTitle() != null ? stage.getTitle() : "untitled";
        return "\"" + title + "\" " + Math.round(window.getWidth()) + "x" + Math.round(window.getHeight());
    }
}
