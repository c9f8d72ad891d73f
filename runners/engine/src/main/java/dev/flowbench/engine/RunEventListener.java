package dev.flowbench.engine;

/**
 * Receives the events of one execution as they happen, for the command line, the app's run panel and the
 * history: {@code executionStarted}, then per task {@code taskStarted}, {@code log}…, {@code taskFinished},
 * and finally {@code executionFinished}. Every method has a no-op default.
 *
 * <p>Rules, as for OkHttp's {@code EventListener}: be fast (the engine waits for you; hand slow work to
 * another thread) and never throw (exceptions are swallowed). Calls for one execution may come from several
 * threads when tasks run in parallel, but never at the same time: the engine serializes them.
 */
public interface RunEventListener {

    /** The execution is RUNNING; {@code execution.taskRuns()} is empty. */
    default void executionStarted(Execution execution) {}

    /** A task run is RUNNING (or SKIPPED, in which case {@link #taskFinished} follows at once). */
    default void taskStarted(TaskRun taskRun) {}

    /** One masked log line. */
    default void log(LogEntry entry) {}

    /** A task run reached a terminal state; its outputs and error are set. */
    default void taskFinished(TaskRun taskRun) {}

    /** The execution reached a terminal state; the last call. */
    default void executionFinished(Execution execution) {}

    /** A listener forwarding each event to all of {@code listeners} in order. */
    static RunEventListener all(RunEventListener... listeners) {
        return new CompositeListener(java.util.List.of(listeners));
    }
}
