package dev.flowbench.app.cli;

import dev.flowbench.app.workspace.ExampleWorkspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code flowbench} command and its sub-commands; {@link #execute} never throws and returns the exit code. */
@Command(
        name = "flowbench",
        mixinStandardHelpOptions = true,
        versionProvider = FlowbenchCommand.Version.class,
        description = "An IDE and runner for Kestra-style YAML flows. Without a command, opens the editor.",
        subcommands = {
            ValidateCommand.class,
            RunCommand.class,
            PlanCommand.class,
            HistoryCommand.class,
            LogsCommand.class,
            EffectiveCommand.class,
            LspCommand.class,
            SchemaCommand.class,
            DocsCommand.class,
            PluginsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class FlowbenchCommand {
    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: the command ran and found errors (invalid flow, failed run). */
    public static final int FAILED = 1;
    /** Exit code: the input was unusable (missing file, bad option, no workspace). */
    public static final int UNUSABLE = 2;

    /** Runs {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        var line = new CommandLine(new FlowbenchCommand());
        line.setOut(out);
        line.setErr(err);
        line.setExitCodeExceptionMapper(e -> UNUSABLE);
        line.setParameterExceptionHandler((e, a) -> {
            err.println("flowbench: " + e.getMessage());
            err.println("Try 'flowbench " + commandPath(e.getCommandLine()) + "--help' for usage.");
            return UNUSABLE;
        });
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UserError user) {
                err.println("flowbench: " + user.getMessage());
                return user.exitCode();
            }
            err.println("flowbench: internal error: " + e);
            return FAILED;
        });
        return line.execute(args);
    }

    private static String commandPath(CommandLine command) {
        String name = command.getCommandName();
        return name.equals("flowbench") ? "" : name + " ";
    }

    /**
     * The workspace used when none is given: the current directory when it looks like one (it has
     * {@code flows/} or {@code environments/}), otherwise the bundled example workspace.
     */
    public static Path defaultWorkspace() {
        Path here = Path.of("").toAbsolutePath();
        if (Files.isDirectory(here.resolve("flows")) || Files.isDirectory(here.resolve("environments"))) {
            return here;
        }
        return ExampleWorkspace.path();
    }

    /** Reports the version from the JAR manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = FlowbenchCommand.class.getPackage().getImplementationVersion();
            return new String[] {"flowbench " + (version == null ? "development build" : version)};
        }
    }
}
