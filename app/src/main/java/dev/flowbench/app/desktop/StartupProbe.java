package dev.flowbench.app.desktop;

import java.io.PrintStream;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import javafx.scene.Scene;

/**
 * Ends the process at the first frame that shows what a user waits for, printing when that was: the start-up
 * benchmark ({@code app/startup-benchmark.sh}) measures from launching a process to that line.
 *
 * <p>Enabled by the system property {@value #PROPERTY}: {@code true} (or {@code editor}) waits for the editor to
 * show the text of its selected tab, {@code complete} also for the side panels. The line on standard error is
 * {@value #PREFIX} followed by the wall-clock time in microseconds since the epoch, so that a script can
 * subtract its own launch time. A bare-window baseline uses the same probe, so both are measured alike (see
 * {@link FirstFrame} for when a frame counts as shown).
 */
public final class StartupProbe {
    /** The system property that turns the probe on. */
    public static final String PROPERTY = "flowbench.startupProbe";

    /** What the reporting line starts with. */
    public static final String PREFIX = "flowbench: startup: first frame at epoch-us ";

    private StartupProbe() {}

    /** Whether the probe was asked for on this run. */
    public static boolean requested() {
        String value = System.getProperty(PROPERTY);
        return value != null && !value.equals("false");
    }

    /** Whether the probe should wait for the whole window (side panels included), not just the editor. */
    static boolean wantsCompleteWindow() {
        return "complete".equals(System.getProperty(PROPERTY));
    }

    /** Watches {@code scene} until {@code ready}, then reports on standard error and exits the process with 0. */
    public static void watch(Scene scene, BooleanSupplier ready) {
        watch(scene, ready, System.err, System::exit);
    }

    /**
     * Watches {@code scene} until a frame was drawn with {@code ready} true, then reports the moment it was on
     * screen on {@code err} and calls {@code exit} with 0, once. Call on the FX thread.
     */
    public static void watch(Scene scene, BooleanSupplier ready, PrintStream err, IntConsumer exit) {
        FirstFrame.then(scene, ready, (Instant shown) -> {
            err.println(PREFIX + epochMicros(shown));
            exit.accept(0);
        });
    }

    /** The microseconds since the epoch of {@code instant}. */
    static long epochMicros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L;
    }
}
