package dev.flowbench.schema.builtin;

import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginProperty;
import dev.flowbench.schema.plugin.RunnerPlugin;
import java.util.List;
import java.util.Map;

/** Declaration of the {@code io.kestra.plugin.scripts.python.Script} task; the engine runs it. */
@Plugin(
        id = "io.kestra.plugin.scripts.python.Script",
        title = "Python script",
        description = "Runs an inline Python script, installing `dependencies` first.",
        icon = "dev/flowbench/schema/builtin/python.svg",
        examples = @Example(title = "Python script", code = """
id: python_script
namespace: company.team
tasks:
  - id: python
    type: io.kestra.plugin.scripts.python.Script
    containerImage: python:3.13-slim
    script: |
      import json
      print("::" + json.dumps({"outputs": {"total": 6}}) + "::")
"""))
public record PythonScript(
        RunnerPlugin taskRunner,
        String containerImage,
        List<String> beforeCommands,
        List<String> interpreter,
        Map<String, String> env,
        Map<String, String> inputFiles,
        List<String> outputFiles,
        Boolean failFast,
        Boolean warningOnStdErr,

        @PluginProperty(description = "The Python source code to run.", required = true, dynamic = true)
        String script,

        @PluginProperty(
                description =
                        "Python packages installed with pip before the script runs (into a per-task virtual environment with the Process runner).",
                group = "Python",
                examples = {"requests"})
        List<String> dependencies)
        implements ScriptTask {}
