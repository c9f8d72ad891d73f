package dev.flowbench.schema.builtin;

import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginProperty;
import dev.flowbench.schema.plugin.TaskPlugin;
import java.util.List;

/** Declaration of the {@code io.kestra.plugin.core.flow.If} flowable task. */
@Plugin(
        id = "io.kestra.plugin.core.flow.If",
        title = "Branch on a condition",
        description =
                "Renders `condition`; when it is true (`true`, a non-zero number, a non-empty string other than `false`) runs `then`, otherwise `else`.",
        icon = "dev/flowbench/schema/builtin/flow.svg",
        examples = @Example(title = "Branch on an input", code = """
                id: branch
                namespace: company.team
                inputs:
                  - id: loud
                    type: BOOLEAN
                    defaults: false
                tasks:
                  - id: check
                    type: io.kestra.plugin.core.flow.If
                    condition: "{{ inputs.loud }}"
                    then:
                      - id: shout
                        type: io.kestra.plugin.core.log.Log
                        message: HELLO
                    else:
                      - id: whisper
                        type: io.kestra.plugin.core.log.Log
                        message: hello
                """))
public record If(
        @PluginProperty(description = "The condition, usually a `{{ }}` expression.", required = true, dynamic = true)
        String condition,

        @PluginProperty(description = "Tasks run when the condition is true.", required = true)
        List<TaskPlugin> then,

        @PluginProperty(description = "Tasks run when the condition is false.")
        List<TaskPlugin> else_,

        @PluginProperty(description = "Tasks run when a branch fails.")
        List<TaskPlugin> errors)
        implements TaskPlugin {}
