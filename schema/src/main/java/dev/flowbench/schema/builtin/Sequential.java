package dev.flowbench.schema.builtin;

import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginProperty;
import dev.flowbench.schema.plugin.TaskPlugin;
import java.util.List;

/** Declaration of the {@code io.kestra.plugin.core.flow.Sequential} flowable task. */
@Plugin(
        id = "io.kestra.plugin.core.flow.Sequential",
        title = "Run tasks in sequence",
        description =
                "Groups tasks that run one after the other; useful inside `Parallel` or to share `errors` handling.",
        icon = "dev/flowbench/schema/builtin/flow.svg",
        examples = @Example(title = "Two steps in a group", code = """
                id: sequential
                namespace: company.team
                tasks:
                  - id: group
                    type: io.kestra.plugin.core.flow.Sequential
                    tasks:
                      - id: first
                        type: io.kestra.plugin.core.log.Log
                        message: first
                      - id: second
                        type: io.kestra.plugin.core.log.Log
                        message: second
                """))
public record Sequential(
        @PluginProperty(description = "The tasks to run, in order.", required = true)
        List<TaskPlugin> tasks,

        @PluginProperty(description = "Tasks run when one of `tasks` fails.")
        List<TaskPlugin> errors,

        @PluginProperty(description = "Tasks run after `tasks` whatever their outcome.")
        List<TaskPlugin> finally_)
        implements TaskPlugin {}
