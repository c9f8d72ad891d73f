package dev.flowbench.schema.environment;

import dev.flowbench.schema.defaults.EffectiveTask;
import dev.flowbench.schema.defaults.MergedFlow;
import dev.flowbench.schema.defaults.PluginDefaults;
import dev.flowbench.schema.yaml.YamlDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "what is the effective configuration of this flow (or task) in this environment, and where did each
 * value come from": the flow's own pluginDefaults plus the environment's instance, tenant and namespace
 * defaults for the flow's {@code namespace}, merged as {@link PluginDefaults} describes.
 */
public final class EffectiveConfiguration {
    private EffectiveConfiguration() {}

    /** The whole flow merged; {@code environment} null means the flow's own defaults only. */
    public static MergedFlow merge(YamlDocument flow, Environment environment) {
        return merge(flow, environment, null);
    }

    /**
     * As {@link #merge(YamlDocument, Environment)}, taking over from {@code previous} (the merge of an earlier
     * version of this flow in the same environment, or null) what the edit did not touch.
     */
    public static MergedFlow merge(YamlDocument flow, Environment environment, MergedFlow previous) {
        String namespace =
                flow.root() instanceof Map<?, ?> root && root.get("namespace") instanceof String ns ? ns : null;
        return PluginDefaults.apply(
                flow, environment == null ? List.of() : environment.defaultsFor(namespace), previous);
    }

    /** The merged configuration of the task (or trigger) {@code taskId}, if the flow has one with that id. */
    public static Optional<EffectiveTask> effective(YamlDocument flow, String taskId, Environment environment) {
        return merge(flow, environment).task(taskId);
    }
}
