package dev.flowbench.schema.builtin;

import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginProperty;
import dev.flowbench.schema.plugin.TaskPlugin;
import java.util.List;
import java.util.Map;

/** Declaration of the {@code io.kestra.plugin.core.flow.WorkingDirectory} flowable task. */
@Plugin(
        id = "io.kestra.plugin.core.flow.WorkingDirectory",
        title = "Share one working directory",
        description =
                "Runs its child tasks one after the other in a single working directory, so files written by one task are seen by the next.",
        icon = "dev/flowbench/schema/builtin/flow.svg",
        examples = @Example(title = "Write then read a file", code = """
                id: shared_dir
                namespace: company.team
                tasks:
                  - id: wd
                    type: io.kestra.plugin.core.flow.WorkingDirectory
                    tasks:
                      - id: write
                        type: io.kestra.plugin.scripts.shell.Commands
                        commands:
                          - echo data > data.txt
                      - id: read
                        type: io.kestra.plugin.scripts.shell.Commands
                        commands:
                          - cat data.txt
                """))
public record WorkingDirectory(
        @PluginProperty(description = "The tasks sharing the directory, run in order.", required = true)
        List<TaskPlugin> tasks,

        @PluginProperty(
                description = "Files written into the directory before the first task: file name → content.",
                dynamic = true)
        Map<String, String> inputFiles,

        @PluginProperty(description = "Glob patterns of files collected from the directory after the last task.")
        List<String> outputFiles,

        @PluginProperty(description = "Tasks run when a child task fails.")
        List<TaskPlugin> errors)
        implements TaskPlugin {}
