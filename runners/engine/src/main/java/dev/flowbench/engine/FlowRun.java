package dev.flowbench.engine;

import java.util.Map;
import java.util.Objects;

/**
 * A request to run a flow.
 *
 * @param flow the flow as a JSON-like map (maps, lists, strings, numbers, booleans) with the environment's
 *     pluginDefaults already applied
 * @param source the flow's YAML text, or null; used for its revision hash and to name lines in errors
 * @param inputs input values by input id: strings (as typed on a command line) or already typed values
 * @param secrets secret values by name, for {@code secret('NAME')} and masking
 * @param environment the environment's name, or null
 * @param onlyTask when not null, run only the top-level task with this id (its outputs dependencies must not
 *     be needed)
 */
public record FlowRun(
        Map<String, Object> flow,
        String source,
        Map<String, Object> inputs,
        Map<String, String> secrets,
        String environment,
        String onlyTask) {

    public FlowRun {
        Objects.requireNonNull(flow, "flow");
        inputs = inputs == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        secrets = Map.copyOf(secrets == null ? Map.of() : secrets);
    }

    /** A request to run {@code flow} with no inputs, no secrets and no environment. */
    public static FlowRun of(Map<String, Object> flow) {
        return new FlowRun(flow, null, Map.of(), Map.of(), null, null);
    }

    /** This request with these inputs. */
    public FlowRun withInputs(Map<String, ?> inputs) {
        return new FlowRun(flow, source, new java.util.LinkedHashMap<>(inputs), secrets, environment, onlyTask);
    }

    /** This request with these secrets. */
    public FlowRun withSecrets(Map<String, String> secrets) {
        return new FlowRun(flow, source, inputs, secrets, environment, onlyTask);
    }

    /** This request with the flow's source text. */
    public FlowRun withSource(String source) {
        return new FlowRun(flow, source, inputs, secrets, environment, onlyTask);
    }

    /** This request in the named environment. */
    public FlowRun withEnvironment(String environment) {
        return new FlowRun(flow, source, inputs, secrets, environment, onlyTask);
    }

    /** This request limited to one top-level task. */
    public FlowRun withOnlyTask(String taskId) {
        return new FlowRun(flow, source, inputs, secrets, environment, taskId);
    }
}
