package dev.flowbench.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run of a flow; immutable snapshot.
 *
 * @param id unique id, e.g. {@code 5f0c…}
 * @param namespace the flow's namespace
 * @param flowId the flow's id
 * @param environment the environment name it ran in, or null
 * @param flowHash SHA-256 of the flow's source text (its revision), or null when no source was given
 * @param state the current state
 * @param startDate when it started
 * @param endDate when it ended, or null while running
 * @param inputs the typed inputs (secret inputs masked)
 * @param outputs the flow's outputs, masked
 * @param taskRuns the task runs in start order (empty in history listings)
 * @param error one line saying why the execution failed before or outside any task, or null
 */
public record Execution(
        String id,
        String namespace,
        String flowId,
        String environment,
        String flowHash,
        State state,
        Instant startDate,
        Instant endDate,
        Map<String, Object> inputs,
        Map<String, Object> outputs,
        List<TaskRun> taskRuns,
        String error) {

    public Execution {
        inputs = inputs == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        outputs = outputs == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
        taskRuns = List.copyOf(taskRuns == null ? List.of() : taskRuns);
    }

    /** The last task run of {@code taskId}, if any. */
    public java.util.Optional<TaskRun> taskRun(String taskId) {
        TaskRun found = null;
        for (TaskRun run : taskRuns) {
            if (run.taskId().equals(taskId)) {
                found = run;
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    /** Wall time from start to end, or null while running. */
    public java.time.Duration duration() {
        return endDate == null ? null : java.time.Duration.between(startDate, endDate);
    }
}
