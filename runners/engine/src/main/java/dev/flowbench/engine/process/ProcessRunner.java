package dev.flowbench.engine.process;

import dev.flowbench.runner.OutputFiles;
import dev.flowbench.runner.RunHandle;
import dev.flowbench.runner.RunListener;
import dev.flowbench.runner.RunPlan;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.RunnerException;
import dev.flowbench.runner.TaskRunner;
import dev.flowbench.schema.plugin.Example;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginProperty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The default task runner: runs a task's commands as a process on this machine, in the task's working
 * directory, with this process's environment plus the task's. The commands run in their own process group,
 * so cancel and timeout stop every process they started.
 *
 * @param killGracePeriod how long stopped processes get to exit after SIGTERM before they are killed
 */
@Plugin(
        id = ProcessRunner.TYPE,
        title = "Process task runner",
        description = """
                Runs the task's commands as a process on the machine running Flowbench, with nothing else to \
                install. This is the default runner of script tasks that set no `taskRunner`.

                The commands run in the task's working directory and inherit the environment of Flowbench, \
                plus the task's `env`. They run in their own process group: when the task is cancelled or \
                times out, every process of the group receives SIGTERM and, after `killGracePeriod`, SIGKILL, \
                so no background child survives. Processes still running when the task's main process has \
                exited are stopped the same way. The task's `containerImage` is ignored.""",
        icon = "icons/io.kestra.plugin.core.runner.Process.svg",
        examples = {@Example(title = "Run a shell script as a local process", code = """
                            id: local_process
                            namespace: company.team
                            tasks:
                              - id: script
                                type: io.kestra.plugin.scripts.shell.Commands
                                taskRunner:
                                  type: io.kestra.plugin.core.runner.Process
                                commands:
                                  - echo "running on $(hostname)"
                            """)})
public record ProcessRunner(
        @PluginProperty(
                description = "How long processes get to exit after SIGTERM before they are killed with SIGKILL.",
                defaultValue = "PT5S",
                examples = {"PT5S", "PT30S"})
        Duration killGracePeriod)
        implements TaskRunner {

    /** The type id flows use, Kestra's. */
    public static final String TYPE = "io.kestra.plugin.core.runner.Process";

    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(5);

    public ProcessRunner {
        if (killGracePeriod == null) {
            killGracePeriod = DEFAULT_GRACE;
        }
        if (killGracePeriod.isNegative()) {
            throw new IllegalArgumentException("killGracePeriod must not be negative");
        }
    }

    /** A Process runner with the default grace period. */
    public ProcessRunner() {
        this(null);
    }

    @Override
    public RunHandle run(RunRequest request, RunListener listener) {
        Path program = prepare(request, listener);
        return ProcessRun.start(request, RunListener.guarded(listener), killGracePeriod, false, program);
    }

    /**
     * Waits for the run on the calling thread, which also reads the output: no other thread takes part in a
     * short task. Virtual threads (Parallel branches) hand the work to a pooled thread as {@link #run} does,
     * since a blocking native call would hold their carrier thread.
     */
    @Override
    public RunResult runAndWait(RunRequest request, RunListener listener, Consumer<RunHandle> started)
            throws InterruptedException {
        if (Thread.currentThread().isVirtual()) {
            return TaskRunner.super.runAndWait(request, listener, started);
        }
        Path program = prepare(request, listener);
        ProcessRun run = ProcessRun.startForCaller(request, RunListener.guarded(listener), killGracePeriod, program);
        started.accept(run);
        return run.superviseHere();
    }

    /** The interpreter's path, after writing the input files; throws when there is no such interpreter. */
    private static Path prepare(RunRequest request, RunListener listener) {
        String interpreter = request.command().interpreter().getFirst();
        Path program = Executables.resolve(interpreter, request.env(), request.workingDirectory());
        if (program == null) {
            RunnerException error = new RunnerException(
                    "interpreter '" + interpreter + "' was not found on this machine (not a file and not on the PATH)");
            RunListener.guarded(listener).failed(error);
            throw error;
        }
        OutputFiles.writeInputs(request.workingDirectory(), request.inputFiles());
        return program;
    }

    @Override
    public RunPlan plan(RunRequest request) {
        Map<String, Object> spec = new LinkedHashMap<>();
        List<String> argv = request.command().argv();
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("command", argv);
        process.put("workingDirectory", request.workingDirectory().toString());
        process.put("env", new java.util.TreeMap<>(request.env()));
        process.put(
                "processGroup",
                NativeSpawned.available()
                        ? "own session (posix_spawn)"
                        : Executables.setsid() != null ? "own session (setsid)" : "inherited (descendants tracked)");
        spec.put("process", process);
        spec.put(
                "inputFiles",
                List.copyOf(new java.util.TreeSet<>(request.inputFiles().keySet())));
        spec.put("outputFiles", request.outputFiles());
        spec.put(
                "timeout",
                request.timeout() == null ? "none" : request.timeout().toString());
        spec.put("killGracePeriod", killGracePeriod.toString());
        return RunPlan.of("Process", "runs the commands as a local process", spec)
                .masked(request.masker());
    }
}
