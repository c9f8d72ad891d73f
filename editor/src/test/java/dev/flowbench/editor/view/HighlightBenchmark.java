package dev.flowbench.editor.view;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Benchmark of "keystroke-to-styled-repaint" on given flows, in a real {@link FlowEditor} on the
 * headless platform: a character is typed at a random place, and the clock stops at the first pulse after
 * the editor's restyling finished (the styles are then on screen). Includes the 40 ms pause the editor waits
 * for typing to stop. Also reports the FX-thread time of the keystroke itself (what typing feels like).
 *
 * <p>Run with {@code editor/highlight-benchmark.sh}; not a test.
 */
public final class HighlightBenchmark {
    private HighlightBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 60);
        var started = new CompletableFuture<Void>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        // Closing one flow's window must not end the toolkit before the next flow.
        Platform.setImplicitExit(false);
        System.out.printf(
                Locale.ROOT,
                "%-28s %8s %8s %10s %10s %10s %10s%n",
                "flow",
                "lines",
                "rounds",
                "key p50",
                "key p99",
                "styled p50",
                "styled p99");
        for (String file : args) {
            String text = Files.readString(Path.of(file));
            var editor = call(() -> {
                var e = new FlowEditor();
                var stage = new Stage();
                stage.setScene(new Scene(e, 900, 700));
                stage.show();
                e.load(text);
                return e;
            });
            waitIdle(editor);
            var random = new Random(7);
            long[] keystroke = new long[rounds];
            long[] styled = new long[rounds];
            for (int round = 0; round < rounds + 5; round++) {
                int offset = random.nextInt(text.length());
                var done = new CountDownLatch(1);
                long[] times = new long[2];
                Platform.runLater(() -> {
                    long t0 = System.nanoTime();
                    editor.codeArea()
                            .insertText(Math.min(offset, editor.codeArea().getLength()), "x");
                    times[0] = System.nanoTime() - t0;
                    editor.busyProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                        @Override
                        public void changed(
                                javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean busy) {
                            if (!busy) {
                                editor.busyProperty().removeListener(this);
                                // The styles were set; the next pulse paints them.
                                Platform.requestNextPulse();
                                Platform.runLater(() -> {
                                    times[1] = System.nanoTime() - t0;
                                    done.countDown();
                                });
                            }
                        }
                    });
                });
                if (!done.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("restyling never finished");
                }
                if (round >= 5) {
                    keystroke[round - 5] = times[0];
                    styled[round - 5] = times[1];
                }
                Thread.sleep(20);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-28s %8d %8d %9.2fms %9.2fms %9.1fms %9.1fms%n",
                    Path.of(file).getFileName(),
                    text.lines().count(),
                    rounds,
                    percentile(keystroke, 50),
                    percentile(keystroke, 99),
                    percentile(styled, 50),
                    percentile(styled, 99));
            call(() -> {
                editor.dispose();
                ((Stage) editor.getScene().getWindow()).close();
                return null;
            });
        }
        Platform.exit();
    }

    private static void waitIdle(FlowEditor editor) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (call(() -> editor.busyProperty().get())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the first styling never finished");
            }
            Thread.sleep(20);
        }
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }

    private static <T> T call(java.util.concurrent.Callable<T> action) throws Exception {
        var result = new CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }
}
