package dev.flowbench.schema.builtin;

import dev.flowbench.schema.plugin.PluginProperty;
import java.time.Duration;
import java.util.Map;

/**
 * The properties every task accepts whatever its type; the schema generator adds them to each task's schema.
 *
 * <p>This record is never instantiated by flows: it only carries the documentation of the common properties.
 */
public record TaskProperties(
        @PluginProperty(
                description =
                        "Unique identifier of the task in the flow; other tasks refer to its outputs with `{{ outputs.<id> }}`.",
                required = true,
                pattern = "^[a-zA-Z0-9][a-zA-Z0-9_-]*$",
                patternHint = "letters, digits, `_` and `-`, starting with a letter or digit")
        String id,

        @PluginProperty(
                description = "The plugin type of the task, e.g. `io.kestra.plugin.scripts.shell.Commands`.",
                required = true)
        String type,

        @PluginProperty(description = "What the task does, for people reading the flow.")
        String description,

        @PluginProperty(
                description =
                        "Maximum duration of one attempt as an ISO-8601 duration (`PT30S`, `PT10M`); the task is killed when it is exceeded.",
                dynamic = true,
                group = "Execution")
        Duration timeout,

        @PluginProperty(description = "How a failed attempt is retried.", group = "Execution")
        Retry retry,

        @PluginProperty(description = "Skip this task entirely.", defaultValue = "false", group = "Execution")
        Boolean disabled,

        @PluginProperty(
                description = "Let the flow go on when this task fails; the task ends in WARNING instead of FAILED.",
                defaultValue = "false",
                group = "Execution")
        Boolean allowFailure,

        @PluginProperty(
                description = "Minimum level of the log lines kept for this task.",
                defaultValue = "INFO",
                group = "Execution")
        LogLevel logLevel,

        @PluginProperty(
                description =
                        "A `{{ }}` condition; the task runs only when it renders to true, otherwise it is SKIPPED.",
                dynamic = true,
                group = "Execution")
        String runIf,

        @PluginProperty(description = "Free-form key/value pairs attached to the task's outputs and logs.")
        Map<String, String> labels) {}
