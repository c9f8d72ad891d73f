package dev.flowbench.runner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which task attempt a run belongs to; runners use it to name and label what they create (containers, pods,
 * jobs) so that leftovers can be found again.
 *
 * @param attempt 1 for the first try, incremented by each retry
 */
public record TaskIdentity(
        String namespace, String flowId, String executionId, String taskId, String taskRunId, int attempt) {

    public TaskIdentity {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(taskRunId, "taskRunId");
    }

    /** The identity as labels ({@code flowbench.dev/flow} …) suitable for containers and pods; never null. */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("flowbench.dev/namespace", namespace);
        labels.put("flowbench.dev/flow", flowId);
        labels.put("flowbench.dev/execution", executionId);
        labels.put("flowbench.dev/task", taskId);
        labels.put("flowbench.dev/taskrun", taskRunId);
        labels.put("flowbench.dev/attempt", Integer.toString(attempt));
        return labels;
    }
}
