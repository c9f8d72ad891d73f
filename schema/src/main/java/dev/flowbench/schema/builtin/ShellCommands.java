package dev.flowbench.schema.builtin;

import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginProperty;
import dev.flowbench.schema.plugin.RunnerPlugin;
import java.util.List;
import java.util.Map;

/** Declaration of the {@code io.kestra.plugin.scripts.shell.Commands} task; the engine runs it. */
@Plugin(
        id = "io.kestra.plugin.scripts.shell.Commands",
        title = "Shell commands",
        description =
                "Runs shell commands, one after the other, through the task runner the environment configures.\n\nEach line of `commands` is passed to the interpreter (`/bin/sh -c` by default). A stdout line `::{\"outputs\":{...}}::` sets task outputs.",
        icon = "dev/flowbench/schema/builtin/shell.svg",
        examples = @Example(title = "Shell commands", code = """
id: shell_commands
namespace: company.team
tasks:
  - id: hello
    type: io.kestra.plugin.scripts.shell.Commands
    containerImage: ubuntu:24.04
    commands:
      - echo "Hello from {{ flow.id }}"
      - echo '::{"outputs":{"answer":42}}::'
"""))
public record ShellCommands(
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
                description = "The shell commands to run, in order.",
                required = true,
                dynamic = true,
                examples = {"echo hello"})
        List<String> commands)
        implements ScriptTask {}
