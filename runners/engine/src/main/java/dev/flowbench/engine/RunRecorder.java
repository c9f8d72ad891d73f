package dev.flowbench.engine;

/**
 * A listener that keeps executions durably (the run history); the engine waits for {@link #flush()} before
 * {@link RunningExecution#await()} returns, so a finished execution can be queried at once.
 */
public interface RunRecorder extends RunEventListener {

    /** Waits until every event received so far is stored. */
    void flush();
}
