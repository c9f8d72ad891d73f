package dev.flowbench.app.cli;

import dev.flowbench.engine.Execution;
import dev.flowbench.engine.history.History;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowbench history}: past executions of the workspace, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List past executions, newest first.")
final class HistoryCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Mixin
    WorkspaceOptions options;

    @Parameters(paramLabel = "FLOW", arity = "0..1", description = "A flow id to list only its executions.")
    String flowId;

    @Option(names = "--limit", defaultValue = "20", description = "How many executions (default 20).")
    int limit;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path data = options.workspace().resolve(".flowbench");
        PrintWriter out = spec.commandLine().getOut();
        try (History history = History.open(data)) {
            List<Execution> executions = history.executions(flowId, limit);
            if (executions.isEmpty()) {
                out.println("No executions yet" + (flowId == null ? "" : " of " + flowId) + ".");
                return FlowbenchCommand.OK;
            }
            String row = "%-22s  %-28s  %-8s  %-8s  %-19s  %s%n";
            out.printf(row, "EXECUTION", "FLOW", "STATE", "ENV", "STARTED", "DURATION");
            for (Execution e : executions) {
                out.printf(
                        row,
                        e.id(),
                        e.namespace() + "." + e.flowId(),
                        e.state(),
                        e.environment() == null ? "-" : e.environment(),
                        TIME.format(e.startDate()),
                        e.duration() == null ? "-" : e.duration().toMillis() + " ms");
            }
        }
        return FlowbenchCommand.OK;
    }
}
