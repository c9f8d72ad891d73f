package dev.flowbench.engine;

import dev.flowbench.runner.RunPlan;
import java.util.Map;

/**
 * What one script task would submit, from {@link Engine#plan}: its effective runner configuration (secrets
 * masked) and the runner's own description, or why it cannot be planned.
 *
 * @param taskId the task's id
 * @param type the task's type
 * @param path where the task sits, e.g. {@code tasks[1].tasks[0]}
 * @param runnerConfig the rendered {@code taskRunner} map, masked; empty for the default Process runner
 * @param plan what the runner would submit, masked; null when {@code error} is set
 * @param error one line saying why the task cannot be planned, or null
 */
public record TaskPlan(
        String taskId, String type, String path, Map<String, Object> runnerConfig, RunPlan plan, String error) {}
