package dev.flowbench.app.cli;

import dev.flowbench.app.workspace.EnvironmentContexts;
import dev.flowbench.schema.defaults.EffectiveTask;
import dev.flowbench.schema.defaults.MergedFlow;
import dev.flowbench.schema.validation.ValidationContext;
import dev.flowbench.schema.yaml.YamlDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowbench effective}: a flow's tasks as they run in an environment, with the origin of every value. */
@Command(
        name = "effective",
        mixinStandardHelpOptions = true,
        description = "Print the effective configuration of a flow's tasks in an environment (pluginDefaults applied),"
                + " with a comment on each value saying where it came from.")
final class EffectiveCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOptions options;

    @Option(
            names = "--env",
            paramLabel = "NAME",
            description = "The environment (environments/NAME.yaml); without it, the flow's own defaults only.")
    String environment;

    @Option(names = "--task", paramLabel = "ID", description = "Only this task.")
    String task;

    @Parameters(paramLabel = "FLOW", description = "The flow file.")
    Path flow;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(flow)) {
            throw new UserError("no such file: " + flow);
        }
        YamlDocument document;
        try {
            document = YamlDocument.parse(Files.readAllBytes(flow));
        } catch (IOException unreadable) {
            throw new UserError("cannot read " + flow + ": " + unreadable.getMessage());
        }
        if (document.hasErrors() || !(document.root() instanceof java.util.Map<?, ?>)) {
            throw new UserError(
                    flow + " is not a readable flow; run 'flowbench validate " + flow + "' for details",
                    FlowbenchCommand.FAILED);
        }
        ValidationContext context = environment == null ? ValidationContext.none() : context(options.workspaceOf(flow));
        MergedFlow merged = context.merge(document);
        List<String> ids = task == null ? merged.taskIds() : List.of(task);
        PrintWriter out = spec.commandLine().getOut();
        out.println("# " + flow + (environment == null ? " (no environment)" : " in environment " + environment));
        for (String id : ids) {
            EffectiveTask effective = merged.task(id)
                    .orElseThrow(() -> new UserError("no task '" + id + "' in " + flow + " (tasks: "
                            + String.join(", ", merged.taskIds()) + ")"));
            out.println();
            out.println("# task " + id + " (" + effective.pointer() + ")");
            out.print(OriginYamlWriter.write(effective));
        }
        return FlowbenchCommand.OK;
    }

    private ValidationContext context(Path workspace) {
        try {
            return EnvironmentContexts.of(workspace, environment);
        } catch (java.io.UncheckedIOException missing) {
            throw new UserError(missing.getMessage());
        }
    }
}
