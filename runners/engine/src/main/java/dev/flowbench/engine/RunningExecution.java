package dev.flowbench.engine;

import java.time.Duration;

/** An execution in progress, returned by {@link Engine#start}. */
public interface RunningExecution {

    /** The execution's id, known from the start. */
    String id();

    /**
     * Stops the execution: running tasks are cancelled (their processes, containers or pods stopped), no
     * further task starts, and the execution ends KILLED. Returns at once; idempotent.
     */
    void cancel();

    /** Waits for the end and returns the final execution; never null. */
    Execution await() throws InterruptedException;

    /** Waits at most {@code timeout}; null when the execution has not ended by then. */
    Execution await(Duration timeout) throws InterruptedException;
}
