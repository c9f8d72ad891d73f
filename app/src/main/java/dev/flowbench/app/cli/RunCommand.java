package dev.flowbench.app.cli;

import dev.flowbench.app.housekeeping.DockerHousekeeping;
import dev.flowbench.engine.Engine;
import dev.flowbench.engine.Execution;
import dev.flowbench.engine.FlowException;
import dev.flowbench.engine.RunEventListener;
import dev.flowbench.engine.RunnerResolver;
import dev.flowbench.engine.RunningExecution;
import dev.flowbench.engine.State;
import dev.flowbench.engine.history.History;
import dev.flowbench.engine.history.Retention;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowbench run}: runs a flow locally through the runners its environment configures. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run a flow (or one task of it) through the task runners its environment configures; logs stream live,"
                    + " a summary of task states, durations and outputs ends the run, and the history keeps it.",
            "Exit status: 0 success or warning, 1 failed or killed, 2 unusable input, 130 interrupted (Ctrl+C)."
        })
final class RunCommand implements Callable<Integer> {
    static final int INTERRUPTED = 130;

    /** How long the end of a run waits for its containers to be removed. */
    private static final java.time.Duration REMOVALS = java.time.Duration.ofSeconds(30);

    @Mixin
    WorkspaceOptions options;

    @Option(
            names = "--env",
            paramLabel = "NAME",
            description = "The environment (environments/NAME.yaml): its pluginDefaults and secrets.")
    String environment;

    @Option(
            names = {"-i", "--input"},
            paramLabel = "KEY=VALUE",
            description = "A flow input (repeatable).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--task", paramLabel = "ID", description = "Run only this task (and what it contains).")
    String task;

    @Option(names = "--json", description = "Print the execution as JSON at the end; logs go to standard error.")
    boolean json;

    @Parameters(paramLabel = "FLOW", description = "The flow file.")
    Path flow;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FlowLoader.Loaded loaded = FlowLoader.load(flow, environment, options, err);
        // What crashed runs left in Docker goes while this run starts; the run never waits for it.
        DockerHousekeeping.removeLeftoversInBackground(null);
        Path data = loaded.workspace().resolve(".flowbench");
        try (History history = History.open(data)) {
            Engine engine = Engine.builder(data)
                    .workspace(loaded.workspace())
                    .runners(RunnerResolver.of(options.registry(loaded.workspace())))
                    .recorder(history.recorder())
                    .build();
            var run = loaded.run().withInputs(FlowLoader.inputs(inputs));
            if (task != null) {
                run = run.withOnlyTask(task);
            }
            var console =
                    new ConsoleLog(json ? err : out, System.console() != null && System.getenv("NO_COLOR") == null);
            RunningExecution running;
            try {
                running = engine.start(run, console);
            } catch (FlowException bad) {
                throw new UserError(bad.getMessage() + inputsHint(run.flow(), bad));
            }
            AtomicBoolean interrupted = new AtomicBoolean();
            Thread onCtrlC = new Thread(
                    () -> {
                        interrupted.set(true);
                        running.cancel();
                        try {
                            running.await(java.time.Duration.ofSeconds(30));
                        } catch (InterruptedException ignored) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "flowbench-interrupt");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            Execution done = running.await();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C arrived: the hook is cancelling the run and will let the JVM exit
            }
            history.prune(Retention.DEFAULT);
            if (json) {
                out.println(Json.write(done));
            } else {
                Summary.print(out, done);
            }
            out.flush();
            // The run is over once its containers are gone too; the summary need not wait for that.
            DockerHousekeeping.awaitRemovals(REMOVALS);
            if (interrupted.get()) {
                return INTERRUPTED;
            }
            return done.state() == State.SUCCESS || done.state() == State.WARNING
                    ? FlowbenchCommand.OK
                    : FlowbenchCommand.FAILED;
        }
    }

    private static String inputsHint(java.util.Map<String, Object> flow, FlowException bad) {
        String inputs = Engine.describeInputs(flow);
        return bad.getMessage().contains("input") && !inputs.isEmpty() ? " (inputs: " + inputs + ")" : "";
    }

    /** Prints log lines as they come: time, task, level, message; coloured on a terminal. */
    static final class ConsoleLog implements RunEventListener {
        private final PrintWriter out;
        private final boolean colour;

        ConsoleLog(PrintWriter out, boolean colour) {
            this.out = out;
            this.colour = colour;
        }

        @Override
        public void log(dev.flowbench.engine.LogEntry entry) {
            String time = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
                    .withZone(java.time.ZoneId.systemDefault())
                    .format(entry.timestamp());
            String level = String.format("%-5s", entry.level());
            if (colour) {
                level = switch (entry.level()) {
                    case ERROR -> "\u001b[31m" + level + "\u001b[0m";
                    case WARN -> "\u001b[33m" + level + "\u001b[0m";
                    case DEBUG, TRACE -> "\u001b[2m" + level + "\u001b[0m";
                    case INFO -> level;
                };
            }
            out.println(
                    time + " " + (entry.taskId() == null ? "-" : entry.taskId()) + " " + level + " " + entry.message());
            out.flush();
        }

        @Override
        public void taskFinished(dev.flowbench.engine.TaskRun run) {
            if (run.error() != null) {
                out.println("  " + run.taskId() + " " + run.state() + ": " + run.error());
                out.flush();
            }
        }
    }
}
