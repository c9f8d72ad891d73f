package dev.flowbench.schema.builtin;

import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginProperty;
import dev.flowbench.schema.plugin.TaskPlugin;
import java.util.List;

/** Declaration of the {@code io.kestra.plugin.core.flow.Parallel} flowable task. */
@Plugin(
        id = "io.kestra.plugin.core.flow.Parallel",
        title = "Run tasks in parallel",
        description = "Runs its child tasks at the same time, at most `concurrent` at once (0 = no limit).",
        icon = "dev/flowbench/schema/builtin/flow.svg",
        examples = @Example(title = "Two commands at once", code = """
                id: parallel
                namespace: company.team
                tasks:
                  - id: both
                    type: io.kestra.plugin.core.flow.Parallel
                    concurrent: 2
                    tasks:
                      - id: left
                        type: io.kestra.plugin.scripts.shell.Commands
                        commands:
                          - sleep 1 && echo left
                      - id: right
                        type: io.kestra.plugin.scripts.shell.Commands
                        commands:
                          - sleep 1 && echo right
                """))
public record Parallel(
        @PluginProperty(description = "The tasks to run concurrently.", required = true)
        List<TaskPlugin> tasks,

        @PluginProperty(description = "How many child tasks may run at once; 0 means all of them.", defaultValue = "0")
        Integer concurrent,

        @PluginProperty(description = "Tasks run when one of `tasks` fails.")
        List<TaskPlugin> errors)
        implements TaskPlugin {}
