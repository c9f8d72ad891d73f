package dev.flowbench.schema.flow;

import dev.flowbench.schema.plugin.PluginProperty;
import java.util.List;

/** A typed flow input, documented for the flow schema. */
public record Input(
        @PluginProperty(
                description = "The input's name, read as `{{ inputs.<id> }}`.",
                required = true,
                pattern = "^[a-zA-Z0-9][a-zA-Z0-9_-]*$",
                patternHint = "letters, digits, `_` and `-`")
        String id,

        @PluginProperty(
                description = "The input's type; values are checked and converted before the run.",
                required = true)
        InputType type,

        @PluginProperty(description = "What the input is for.")
        String description,

        @PluginProperty(
                description = "Whether the run needs a value (from the user or `defaults`).",
                defaultValue = "true")
        Boolean required,

        @PluginProperty(description = "The value used when none is given.")
        Object defaults,

        @PluginProperty(description = "The allowed values of a `SELECT` or `MULTISELECT` input.")
        List<String> values,

        @PluginProperty(description = "A label shown in forms instead of the id.")
        String displayName) {}
