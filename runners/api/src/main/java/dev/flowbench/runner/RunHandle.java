package dev.flowbench.runner;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A run in progress: it can be cancelled, and its result completes exactly once. */
public interface RunHandle {

    /**
     * Asks the run to stop: the runner terminates everything it started (gracefully first, then by force)
     * and completes the result with {@link RunResult#killed()} set. Idempotent, returns at once, never throws.
     */
    void cancel();

    /**
     * Completes with the result once the run has ended and its files have been collected, or exceptionally
     * with a {@link RunnerException}; never null.
     */
    CompletionStage<RunResult> result();

    /**
     * Waits for the result; throws the {@link RunnerException} the run failed with, or one saying the wait
     * timed out (the run goes on in that case).
     */
    default RunResult await(Duration timeout) throws InterruptedException {
        try {
            return result().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RunnerException runnerException) {
                throw runnerException;
            }
            throw new RunnerException("the runner failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new RunnerException("the run did not end within " + timeout);
        }
    }
}
