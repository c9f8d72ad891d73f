package dev.flowbench.schema.builtin;

import dev.flowbench.schema.plugin.PluginProperty;
import dev.flowbench.schema.plugin.RunnerPlugin;
import dev.flowbench.schema.plugin.TaskPlugin;
import java.util.List;
import java.util.Map;

/**
 * The properties every script task shares (shell and python, commands and script); implementing records
 * declare them as components and inherit their documentation from these accessors.
 */
public interface ScriptTask extends TaskPlugin {
    @PluginProperty(
            description =
                    "Where the commands run: the task runner plugin and its settings. Usually set once for many tasks with `pluginDefaults` — Docker in development, Kubernetes in production — so the flow never changes. Without one, commands run as local processes.",
            group = "Runner",
            examples = {"io.kestra.plugin.scripts.runner.docker.Docker"})
    RunnerPlugin taskRunner();

    @PluginProperty(
            description =
                    "The container image the commands run in, for runners that use containers (Docker, Kubernetes, AWS Batch). It belongs to the task, not the runner: images change per task while the runner setup is shared.",
            dynamic = true,
            group = "Runner",
            examples = {"ubuntu:24.04", "python:3.13-slim"})
    String containerImage();

    @PluginProperty(
            description =
                    "Commands run before the main commands or script, in the same shell (e.g. installing packages).",
            dynamic = true)
    List<String> beforeCommands();

    @PluginProperty(
            description = "The interpreter and its arguments; the commands are passed as its last argument.",
            defaultValue = "[\"/bin/sh\", \"-c\"]")
    List<String> interpreter();

    @PluginProperty(description = "Environment variables of the commands.", dynamic = true)
    Map<String, String> env();

    @PluginProperty(
            description =
                    "Files written into the working directory before the commands run: file name → content. Content may use `{{ }}` and `read()`.",
            dynamic = true,
            group = "Files")
    Map<String, String> inputFiles();

    @PluginProperty(
            description =
                    "Glob patterns of files, relative to the working directory, collected after the run and available as `{{ outputs.<id>.outputFiles['name'] }}`.",
            group = "Files",
            examples = {"*.csv", "out/**"})
    List<String> outputFiles();

    @PluginProperty(
            description = "Stop at the first failing command (adds `set -e` for shells).",
            defaultValue = "true")
    Boolean failFast();

    @PluginProperty(
            description = "End in WARNING when anything was written to standard error, even with exit code 0.",
            defaultValue = "false")
    Boolean warningOnStdErr();
}
