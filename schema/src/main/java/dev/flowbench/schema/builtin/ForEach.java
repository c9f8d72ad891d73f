package dev.flowbench.schema.builtin;

import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginProperty;
import dev.flowbench.schema.plugin.TaskPlugin;
import java.util.List;

/** Declaration of the {@code io.kestra.plugin.core.flow.ForEach} flowable task. */
@Plugin(
        id = "io.kestra.plugin.core.flow.ForEach",
        title = "Repeat tasks for each value",
        description =
                "Runs its child tasks once per value; inside, `{{ taskrun.value }}` is the current value. `concurrencyLimit` bounds how many iterations run at once (1 = one after the other, 0 = all).",
        icon = "dev/flowbench/schema/builtin/flow.svg",
        examples = @Example(title = "Greet three people", code = """
                id: for_each
                namespace: company.team
                tasks:
                  - id: each
                    type: io.kestra.plugin.core.flow.ForEach
                    values: ["Ada", "Grace", "Linus"]
                    tasks:
                      - id: greet
                        type: io.kestra.plugin.core.log.Log
                        message: "Hello {{ taskrun.value }}"
                """))
public record ForEach(
        @PluginProperty(
                description = "The values to iterate over: a list, or a `{{ }}` expression rendering to a JSON array.",
                required = true,
                dynamic = true)
        Object values,

        @PluginProperty(description = "The tasks run for each value.", required = true)
        List<TaskPlugin> tasks,

        @PluginProperty(
                description = "How many iterations run at once; 1 runs them in order, 0 runs all at once.",
                defaultValue = "1")
        Integer concurrencyLimit,

        @PluginProperty(description = "Tasks run when an iteration fails.")
        List<TaskPlugin> errors)
        implements TaskPlugin {}
