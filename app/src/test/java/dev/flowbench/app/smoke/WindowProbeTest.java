package dev.flowbench.app.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WindowProbeTest {
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final AtomicInteger exitCode = new AtomicInteger(-1);

    @BeforeAll
    static void startToolkit() throws Exception {
        var started = new CompletableFuture<Void>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        Platform.setImplicitExit(false);
        started.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aShownWindowEndsTheProbeWithSuccessAndItsTitle() throws Exception {
        Stage stage = onFxThread(() -> {
            var s = new Stage();
            s.setTitle("Flowbench test window");
            s.setScene(new Scene(new Pane(), 320, 200));
            s.show();
            return s;
        });
        try {
            WindowProbe.watch(Duration.ofSeconds(30), err, exitCode::set);
        } finally {
            onFxThread(() -> {
                stage.hide();
                return null;
            });
        }
        assertThat(exitCode).hasValue(0);
        assertThat(errBytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("flowbench: smoke test: main window shown: \"Flowbench test window\" 320x200"
                        + System.lineSeparator());
    }

    @Test
    void noWindowWithinTheTimeoutEndsTheProbeWithFailure() throws Exception {
        assertThat(onFxThread(() -> Window.getWindows().stream().noneMatch(Window::isShowing)))
                .isTrue();

        WindowProbe.watch(Duration.ofSeconds(1), err, exitCode::set);

        assertThat(exitCode).hasValue(1);
        assertThat(errBytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("flowbench: smoke test: no window was shown within 1 s" + System.lineSeparator());
    }

    private static <T> T onFxThread(java.util.concurrent.Callable<T> action) throws Exception {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
