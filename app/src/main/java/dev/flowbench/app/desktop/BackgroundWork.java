package dev.flowbench.app.desktop;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The editor window's threads off the FX thread, and their end: once the window closes, work not yet started is
 * dropped and the work under way is given a bounded time to finish before the process exits.
 *
 * <p>A process that exits with its own threads still busy cuts them off mid-step; worse, the JVM writes its
 * class-data cache while it exits (on the first start of the editor, and when the installers are built), and a
 * thread still loading classes then can crash it. So the window waits for quiet first, as long as
 * {@link #awaitQuiet} allows.
 */
final class BackgroundWork {
    private final ExecutorService background = Executors.newFixedThreadPool(
            2, Thread.ofPlatform().daemon().name("flowbench-background-", 0).factory());
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("flowbench-journal").factory());
    private volatile CompletableFuture<?> lastStarted = CompletableFuture.completedFuture(null);

    BackgroundWork() {
        // Delayed work (a journal write, the housekeeping after start) that has not begun is dropped at shutdown:
        // the window flushes the journal itself as it closes.
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** The pool for the workspace's background tasks (plugin loading, validation, runs). */
    ExecutorService background() {
        return background;
    }

    /** The single thread for delayed work: the journal's writes. */
    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /**
     * Starts {@code work} after {@code delay} on the scheduler, unless the window has closed by then; the future
     * it returns (work that goes on in threads of its own) is waited for by {@link #awaitQuiet} too.
     */
    void later(Duration delay, Supplier<? extends CompletableFuture<?>> work) {
        scheduler.schedule(() -> lastStarted = work.get(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops taking work: running tasks of the pool are interrupted, delayed ones that have not begun dropped. */
    void shutdown() {
        background.shutdownNow();
        scheduler.shutdown();
    }

    /**
     * Waits up to {@code limit} in all for the threads to finish what they were doing after {@link #shutdown};
     * returns whether they did.
     */
    boolean awaitQuiet(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            boolean quiet = scheduler.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS)
                    && background.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS);
            lastStarted.get(remaining(deadline), TimeUnit.NANOSECONDS);
            return quiet;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true; // it failed, which is an end too: the work reports its own failures
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
