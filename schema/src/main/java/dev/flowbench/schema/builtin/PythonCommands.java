package dev.flowbench.schema.builtin;

import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginProperty;
import dev.flowbench.schema.plugin.RunnerPlugin;
import java.util.List;
import java.util.Map;

/** Declaration of the {@code io.kestra.plugin.scripts.python.Commands} task; the engine runs it. */
@Plugin(
        id = "io.kestra.plugin.scripts.python.Commands",
        title = "Python commands",
        description = "Runs commands in a Python environment (e.g. `python main.py`), installing `dependencies` first.",
        icon = "dev/flowbench/schema/builtin/python.svg",
        examples = @Example(title = "Python commands", code = """
id: python_commands
namespace: company.team
tasks:
  - id: python
    type: io.kestra.plugin.scripts.python.Commands
    containerImage: python:3.13-slim
    inputFiles:
      main.py: |
        print("hello from python")
    commands:
      - python main.py
"""))
public record PythonCommands(
        RunnerPlugin taskRunner,
        String containerImage,
        List<String> beforeCommands,
        List<String> interpreter,
        Map<String, String> env,
        Map<String, String> inputFiles,
        List<String> outputFiles,
        Boolean failFast,
        Boolean warningOnStdErr,

        @PluginProperty(
                description = "The commands to run, in order.",
                required = true,
                dynamic = true,
                examples = {"python main.py"})
        List<String> commands,

        @PluginProperty(
                description =
                        "Python packages installed with pip before the commands run (into a per-task virtual environment with the Process runner).",
                group = "Python",
                examples = {"requests", "pandas==2.2.3"})
        List<String> dependencies)
        implements ScriptTask {}
