package dev.flowbench.runner;

import dev.flowbench.schema.plugin.RunnerPlugin;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Runs the commands of one task attempt somewhere (a local process, a container, a pod, a batch job) and
 * streams its log lines back; implementations are immutable records of their configured properties.
 *
 * <p>Contract, checked by the shared contract suite:
 *
 * <ul>
 *   <li>{@link #run} returns quickly; the work happens in the background and the returned handle's result
 *       completes with a {@link RunResult}, or exceptionally with a {@link RunnerException} when the runner
 *       could not run the commands at all (missing interpreter, unreachable engine, missing image…).
 *   <li>The listener receives {@code started}, every log line in order per stream, then exactly one of
 *       {@code finished} or {@code failed}; calls for one run are never concurrent.
 *   <li>Input files are written into the working directory before the commands start; output files
 *       matching the request's globs (and everything written to the output directory) are available on this
 *       machine when the result completes.
 *   <li>Cancel and timeout stop everything the run started (processes, containers, pods, jobs) before the
 *       result completes, with {@link RunResult#killed()} set.
 *   <li>Secret values from {@link RunRequest#masker()} never appear in log lines, errors or plans.
 * </ul>
 */
public interface TaskRunner extends RunnerPlugin {

    /**
     * Starts the run and returns its handle at once; never null. Problems found before anything started may
     * be thrown as {@link RunnerException}; later ones complete the handle's result exceptionally.
     */
    RunHandle run(RunRequest request, RunListener listener);

    /**
     * Runs like {@link #run} and waits on the calling thread for the result, which it returns; hands the run's
     * handle to {@code started} as soon as the run has started, so that other threads can cancel it. Throws
     * the {@link RunnerException} the run failed with; when the caller is interrupted the run is cancelled and
     * {@link InterruptedException} thrown. The default waits on {@link #run}'s handle; a runner that can do
     * the run's work on the waiting thread itself overrides it, saving a hand-over between threads per run.
     */
    default RunResult runAndWait(RunRequest request, RunListener listener, Consumer<RunHandle> started)
            throws InterruptedException {
        RunHandle handle = run(request, listener);
        started.accept(handle);
        try {
            return handle.result().toCompletableFuture().get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RunnerException runnerException
                    ? runnerException
                    : new RunnerException("the runner failed: " + cause, cause);
        } catch (InterruptedException e) {
            handle.cancel();
            throw e;
        }
    }

    /**
     * Describes what {@link #run} would submit for this request without contacting anything; never null.
     * Container runners return their container spec, pod spec or job definition, masked.
     */
    default RunPlan plan(RunRequest request) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("command", request.command().argv());
        spec.put("workingDirectory", String.valueOf(request.workingDirectory()));
        spec.put("env", request.env());
        if (request.timeout() != null) {
            spec.put("timeout", request.timeout().toString());
        }
        return RunPlan.of(getClass().getSimpleName(), "runs the commands on this machine", spec)
                .masked(request.masker());
    }

    /**
     * The values of {@code workingDir} and {@code outputDir} as the commands will see them, used to render
     * {@code {{ workingDir }}} before the run; never null. Runners that move files (containers) override it.
     */
    default Map<String, String> pathVariables(Path workingDirectory, Path outputDirectory) {
        return Map.of(
                "workingDir", workingDirectory.toString(),
                "outputDir", outputDirectory.toString());
    }
}
