package dev.flowbench.schema.builtin;

import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginProperty;
import dev.flowbench.schema.plugin.RunnerPlugin;
import java.util.List;
import java.util.Map;

/** Declaration of the {@code io.kestra.plugin.scripts.shell.Script} task; the engine runs it. */
@Plugin(
        id = "io.kestra.plugin.scripts.shell.Script",
        title = "Shell script",
        description = "Runs a multi-line shell script through the task runner the environment configures.",
        icon = "dev/flowbench/schema/builtin/shell.svg",
        examples = @Example(title = "Shell script", code = """
id: shell_script
namespace: company.team
tasks:
  - id: script
    type: io.kestra.plugin.scripts.shell.Script
    containerImage: ubuntu:24.04
    script: |
      for i in 1 2 3; do
        echo "line $i"
      done
"""))
public record ShellScript(
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
                description = "The script, written to a file and run by the interpreter.",
                required = true,
                dynamic = true)
        String script)
        implements ScriptTask {}
