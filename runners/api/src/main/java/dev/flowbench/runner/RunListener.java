package dev.flowbench.runner;

import java.util.Map;

/**
 * Receives the events of one run: {@link #started}, then {@link #log} for every line, then exactly one of
 * {@link #finished} or {@link #failed}. Every method has a no-op default.
 *
 * <p>Rules for implementations, as for OkHttp's {@code EventListener}: be fast (a slow listener slows the
 * process down through its pipe) and never throw (an exception is swallowed, and the line is lost for this
 * listener only). Runners never call one listener concurrently for the same run.
 */
public interface RunListener {

    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {};

    /** The commands started; {@code details} names what was created (pid, container id, pod name, job id). */
    default void started(RunRequest request, Map<String, String> details) {}

    /** One masked log line; output-protocol lines ({@code ::{"outputs":…}::}) never arrive here. */
    default void log(LogLine line) {}

    /** The run ended with an exit code (including killed and timed-out runs); the last call for this run. */
    default void finished(RunResult result) {}

    /** The runner could not run the commands at all; the last call for this run. */
    default void failed(RunnerException error) {}

    /**
     * A listener forwarding to {@code delegate} one call at a time (calls are serialized) and swallowing
     * anything it throws; runners wrap the listener they receive with it.
     */
    static RunListener guarded(RunListener delegate) {
        return new GuardedListener(delegate);
    }
}
