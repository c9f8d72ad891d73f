package dev.flowbench.engine;

import java.time.Instant;
import java.util.Map;

/**
 * One run of one task of a flow (a task inside a ForEach runs once per value); immutable snapshot.
 *
 * @param id unique id of this task run
 * @param executionId the execution it belongs to
 * @param taskId the task's {@code id} in the flow
 * @param type the task's plugin type
 * @param parentId the task run of the enclosing flowable task, or null at the top level
 * @param value the ForEach value this run belongs to, or null
 * @param attempts how many attempts ran (retries included); 0 for flowable and skipped tasks
 * @param state the current state
 * @param startDate when it started running, or null before
 * @param endDate when it reached a terminal state, or null before
 * @param outputs its outputs ({@code vars}, {@code outputFiles}, {@code exitCode}…), masked
 * @param error one line saying why it failed, masked, or null
 */
public record TaskRun(
        String id,
        String executionId,
        String taskId,
        String type,
        String parentId,
        String value,
        int attempts,
        State state,
        Instant startDate,
        Instant endDate,
        Map<String, Object> outputs,
        String error) {

    public TaskRun {
        outputs = outputs == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
    }

    /** This run in another state at {@code at}: sets the start date on RUNNING and the end date on terminal states. */
    public TaskRun withState(State next, Instant at) {
        return new TaskRun(
                id,
                executionId,
                taskId,
                type,
                parentId,
                value,
                attempts,
                next,
                next == State.RUNNING && startDate == null ? at : startDate,
                next.isTerminal() ? at : endDate,
                outputs,
                error);
    }

    /** This run with outputs, attempt count and error set. */
    public TaskRun withResult(int attempts, Map<String, Object> outputs, String error) {
        return new TaskRun(
                id, executionId, taskId, type, parentId, value, attempts, state, startDate, endDate, outputs, error);
    }

    /** Wall time from start to end, or null while not both are known. */
    public java.time.Duration duration() {
        return startDate == null || endDate == null ? null : java.time.Duration.between(startDate, endDate);
    }
}
