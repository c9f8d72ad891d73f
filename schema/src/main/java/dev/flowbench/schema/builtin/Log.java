package dev.flowbench.schema.builtin;

import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginProperty;
import dev.flowbench.schema.plugin.TaskPlugin;

/** Declaration of the {@code io.kestra.plugin.core.log.Log} task: writes a rendered message to the run log. */
@Plugin(
        id = "io.kestra.plugin.core.log.Log",
        title = "Log a message",
        description =
                "Writes a message to the execution log at the chosen level. The message is rendered first, so it can show inputs, variables and outputs of earlier tasks.",
        icon = "dev/flowbench/schema/builtin/log.svg",
        examples = @Example(title = "Log an input", code = """
                id: log_example
                namespace: company.team
                inputs:
                  - id: user
                    type: STRING
                    defaults: Ada
                tasks:
                  - id: log
                    type: io.kestra.plugin.core.log.Log
                    message: "Hello {{ inputs.user }}"
                    level: INFO
                """))
public record Log(
        @PluginProperty(
                description = "The message to log; may use `{{ }}` expressions.",
                required = true,
                dynamic = true)
        String message,

        @PluginProperty(description = "The level of the log line.", defaultValue = "INFO")
        LogLevel level)
        implements TaskPlugin {}
