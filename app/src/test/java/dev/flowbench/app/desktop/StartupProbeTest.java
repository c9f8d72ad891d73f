package dev.flowbench.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StartupProbeTest {
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
    void reportsOnceAfterAFrameWasDrawnWithTheContentReady() throws Exception {
        var bytes = new ByteArrayOutputStream();
        var err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        var exits = new AtomicInteger();
        var exitCode = new AtomicInteger(-1);
        var ready = new AtomicBoolean();
        var label = new Label();
        long before = StartupProbe.epochMicros(Instant.now());
        Stage stage = fx(() -> {
            var s = new Stage();
            var scene = new Scene(new StackPane(label), 300, 200);
            s.setScene(scene);
            StartupProbe.watch(scene, ready::get, err, code -> {
                exits.incrementAndGet();
                exitCode.set(code);
            });
            s.show();
            return s;
        });
        try {
            // Frames without the content ready report nothing.
            for (int i = 0; i < 5; i++) {
                fx(() -> {
                    label.setText(label.getText() + ".");
                    return null;
                });
            }
            Thread.sleep(200);
            assertThat(bytes.size()).isZero();

            fx(() -> {
                ready.set(true);
                label.setText("content");
                return null;
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (exits.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            fx(() -> {
                label.setText("more frames after the report");
                return null;
            });
            Thread.sleep(200);
        } finally {
            fx(() -> {
                stage.hide();
                return null;
            });
        }
        long after = StartupProbe.epochMicros(Instant.now());
        assertThat(exits).hasValue(1);
        assertThat(exitCode).hasValue(0);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).startsWith(StartupProbe.PREFIX).endsWith(System.lineSeparator());
        long reported =
                Long.parseLong(printed.substring(StartupProbe.PREFIX.length()).strip());
        assertThat(reported).isBetween(before, after);
    }

    @Test
    void theMomentReportedIsWhenTheFrameWasShownNotWhenWorkQueuedAfterItEnded() throws Exception {
        var bytes = new ByteArrayOutputStream();
        var err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        var exited = new CompletableFuture<Long>();
        var slowWorkEnded = new AtomicLong();
        Stage stage = fx(() -> {
            var s = new Stage();
            var scene = new Scene(new StackPane(new Label("content")), 300, 200);
            s.setScene(scene);
            // Work that waits for the same frame, registered first (as the main window's side panels are), runs
            // before the probe's report in the same pulse: it must not be counted.
            FirstFrame.then(scene, () -> true, () -> {
                sleep(300);
                slowWorkEnded.set(StartupProbe.epochMicros(Instant.now()));
            });
            StartupProbe.watch(
                    scene, () -> true, err, code -> exited.complete(StartupProbe.epochMicros(Instant.now())));
            s.show();
            return s;
        });
        try {
            exited.get(10, TimeUnit.SECONDS);
        } finally {
            fx(() -> {
                stage.hide();
                return null;
            });
        }
        long reported = Long.parseLong(bytes.toString(StandardCharsets.UTF_8)
                .substring(StartupProbe.PREFIX.length())
                .strip());
        assertThat(slowWorkEnded.get()).isPositive();
        assertThat(slowWorkEnded.get() - reported).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toMicros(300));
    }

    @Test
    void theProbeIsOffUnlessAskedFor() {
        String old = System.getProperty(StartupProbe.PROPERTY);
        try {
            System.clearProperty(StartupProbe.PROPERTY);
            assertThat(StartupProbe.requested()).isFalse();
            System.setProperty(StartupProbe.PROPERTY, "complete");
            assertThat(StartupProbe.requested()).isTrue();
            assertThat(StartupProbe.wantsCompleteWindow()).isTrue();
            System.setProperty(StartupProbe.PROPERTY, "true");
            assertThat(StartupProbe.wantsCompleteWindow()).isFalse();
        } finally {
            if (old == null) {
                System.clearProperty(StartupProbe.PROPERTY);
            } else {
                System.setProperty(StartupProbe.PROPERTY, old);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T fx(Callable<T> action) throws Exception {
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
