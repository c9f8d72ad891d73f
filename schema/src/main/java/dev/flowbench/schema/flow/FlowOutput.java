package dev.flowbench.schema.flow;

import dev.flowbench.schema.plugin.PluginProperty;

/** A value a flow exposes when it ends. */
public record FlowOutput(
        @PluginProperty(description = "The output's name.", required = true)
        String id,

        @PluginProperty(description = "The output's type.", required = true)
        InputType type,

        @PluginProperty(
                description = "The value, usually `{{ outputs.<task>.<name> }}`.",
                required = true,
                dynamic = true)
        Object value,

        @PluginProperty(description = "What the output is.") String description) {}
