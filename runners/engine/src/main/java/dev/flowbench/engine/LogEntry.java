package dev.flowbench.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * One masked line of an execution's log.
 *
 * @param executionId the execution
 * @param taskRunId the task run that wrote it, or null for execution-level lines
 * @param taskId the task's id, or null for execution-level lines
 * @param level the level: stdout lines are INFO, stderr lines WARN (ERROR for failures), Log tasks choose
 * @param timestamp when it was written
 * @param message the masked text
 */
public record LogEntry(
        String executionId, String taskRunId, String taskId, Level level, Instant timestamp, String message) {

    /** Log levels, Kestra's. */
    public enum Level {
        TRACE,
        DEBUG,
        INFO,
        WARN,
        ERROR
    }

    public LogEntry {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(message, "message");
    }
}
