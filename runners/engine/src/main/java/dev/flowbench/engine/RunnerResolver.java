package dev.flowbench.engine;

import dev.flowbench.engine.process.ProcessRunner;
import dev.flowbench.runner.TaskRunner;
import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.plugin.PluginKind;
import dev.flowbench.schema.registry.PluginRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * Turns a script task's rendered {@code taskRunner} configuration (a map with a {@code type}) into a
 * {@link TaskRunner}; a task without one gets the Process runner.
 */
@FunctionalInterface
public interface RunnerResolver {

    /**
     * The runner for {@code taskRunner} (null or empty means the default, Process); throws {@link
     * FlowException} with a one-line message when the type is unknown, cannot run tasks, or its properties
     * do not fit.
     */
    TaskRunner resolve(Map<String, Object> taskRunner);

    /** Resolves runner types through {@code registry}, building each runner record from its properties. */
    static RunnerResolver of(PluginRegistry registry) {
        return taskRunner -> {
            if (taskRunner == null || taskRunner.isEmpty()) {
                return new ProcessRunner();
            }
            Object type = taskRunner.get("type");
            if (type == null) {
                throw new FlowException("taskRunner needs a type, e.g. " + ProcessRunner.TYPE);
            }
            Optional<PluginDescriptor> found = registry.find(type.toString());
            if (found.isEmpty() || found.get().kind() != PluginKind.TASK_RUNNER) {
                throw new FlowException("unknown task runner type '" + type + "'");
            }
            Class<?> runnerClass = found.get().type();
            if (!TaskRunner.class.isAssignableFrom(runnerClass)) {
                throw new FlowException(
                        "the task runner '" + type + "' is declared but cannot run tasks in this build");
            }
            Map<String, Object> properties = new LinkedHashMap<>(taskRunner);
            properties.remove("type");
            try {
                return (TaskRunner) Json.MAPPER.convertValue(properties, runnerClass);
            } catch (JacksonException | IllegalArgumentException e) {
                String reason = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
                throw new FlowException("invalid properties of task runner '" + type + "': "
                        + String.valueOf(reason).lines().findFirst().orElse(""));
            }
        };
    }

    /** Only the Process runner: a taskRunner of any other type is an error. */
    static RunnerResolver processOnly() {
        return taskRunner -> {
            Object type = taskRunner == null ? null : taskRunner.get("type");
            if (type != null && !ProcessRunner.TYPE.equals(type)) {
                throw new FlowException("unknown task runner type '" + type + "'");
            }
            return new ProcessRunner();
        };
    }
}
