package dev.flowbench.app.cli;

import dev.flowbench.engine.LogEntry;
import dev.flowbench.engine.history.History;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowbench logs}: the (masked) log of a past execution. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Print the log of a past execution.")
final class LogsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    @Mixin
    WorkspaceOptions options;

    @Parameters(
            paramLabel = "EXECUTION_ID",
            description = "An execution id (or a unique prefix of it), from 'flowbench history'.")
    String executionId;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (History history = History.open(options.workspace().resolve(".flowbench"))) {
            var execution = history.execution(executionId)
                    .orElseThrow(() -> new UserError("no execution " + executionId + " in the history"));
            for (LogEntry entry : history.logs(execution.id())) {
                out.println(TIME.format(entry.timestamp()) + " " + (entry.taskId() == null ? "-" : entry.taskId()) + " "
                        + String.format("%-5s", entry.level()) + " " + entry.message());
            }
            out.println("Execution " + execution.id() + ": " + execution.state());
        }
        return FlowbenchCommand.OK;
    }
}
