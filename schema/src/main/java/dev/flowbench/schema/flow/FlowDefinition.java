package dev.flowbench.schema.flow;

import dev.flowbench.schema.plugin.PluginProperty;
import dev.flowbench.schema.plugin.TaskPlugin;
import dev.flowbench.schema.plugin.TriggerPlugin;
import java.util.List;
import java.util.Map;

/** The shape of a flow file, documented for the flow schema; flows themselves are read as YAML documents. */
public record FlowDefinition(
        @PluginProperty(
                description = "The flow's identifier, unique within its namespace.",
                required = true,
                pattern = "^[a-zA-Z0-9][a-zA-Z0-9._-]*$",
                patternHint = "letters, digits, `.`, `_` and `-`")
        String id,

        @PluginProperty(
                description =
                        "The dotted namespace the flow belongs to, e.g. `company.team`; namespace-level pluginDefaults of the environment apply to it and to its sub-namespaces.",
                required = true,
                pattern = "^[a-z0-9][a-z0-9._-]*$",
                patternHint = "lower-case letters, digits, `.`, `_` and `-`")
        String namespace,

        @PluginProperty(description = "What the flow does (markdown).")
        String description,

        @PluginProperty(description = "Key/value labels for filtering executions.")
        Map<String, String> labels,

        @PluginProperty(
                description = "Typed inputs the flow asks for when it starts; read them with `{{ inputs.<id> }}`.")
        List<Input> inputs,

        @PluginProperty(description = "Constant values available as `{{ vars.<name> }}`.")
        Map<String, Object> variables,

        @PluginProperty(description = "The tasks of the flow, run in order.", required = true)
        List<TaskPlugin> tasks,

        @PluginProperty(description = "Tasks run when a task of the flow fails.")
        List<TaskPlugin> errors,

        @PluginProperty(description = "Tasks run at the end whatever the outcome.")
        List<TaskPlugin> finally_,

        @PluginProperty(
                description = "Triggers that start the flow on a server; accepted here but never fired locally.")
        List<TriggerPlugin> triggers,

        @PluginProperty(
                description =
                        "Flow-level plugin defaults: values applied to every plugin whose type equals or starts with `type`.")
        List<PluginDefault> pluginDefaults,

        @PluginProperty(description = "Values the flow exposes when it ends, usually rendered from task outputs.")
        List<FlowOutput> outputs,

        @PluginProperty(description = "Whether the flow is disabled.", defaultValue = "false")
        Boolean disabled,

        @PluginProperty(description = "Free-form revision number kept by servers; ignored locally.")
        Integer revision) {}
