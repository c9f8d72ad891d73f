package dev.flowbench.runner.docker;

import dev.flowbench.runner.LogCollector;
import dev.flowbench.runner.LogLine;
import dev.flowbench.runner.OutputFiles;
import dev.flowbench.runner.RunHandle;
import dev.flowbench.runner.RunListener;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.RunnerException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** One task attempt in a container: runs {@link ContainerRun} in the background and reports to the listener. */
final class DockerRun implements RunHandle {

    private final RunRequest request;
    private final RunListener listener;
    private final DockerTask task;
    private final LogCollector collector;
    private final ContainerRun container;
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private final long startNanos = System.nanoTime();

    private DockerRun(RunRequest request, RunListener listener, DockerTask task, DockerEngine engine) {
        this.request = request;
        this.listener = listener;
        this.task = task;
        this.collector = new LogCollector(request.masker(), listener);
        this.container = new ContainerRun(engine, task.spec(), task.files(), task.auth(), request.timeout(), output());
    }

    /**
     * Starts the run in the background; problems found before anything is created are reported to the listener and
     * thrown as {@link RunnerException}.
     */
    static DockerRun start(DockerRunner runner, RunRequest request, RunListener listener) {
        DockerRun run;
        try {
            DockerTask task = DockerTask.of(runner, request);
            OutputFiles.writeInputs(request.workingDirectory(), request.inputFiles());
            run = new DockerRun(
                    request, listener, task, DockerEngine.at(task.settings().host()));
        } catch (RunnerException e) {
            listener.failed(e);
            throw e;
        }
        Thread.ofPlatform()
                .daemon()
                .name("flowbench-docker-" + request.identity().taskId())
                .start(run::supervise);
        return run;
    }

    private ContainerRun.Output output() {
        return new ContainerRun.Output() {
            @Override
            public void started(String id) {
                listener.started(
                        request, Map.of("containerId", id, "image", task.spec().image()));
            }

            @Override
            public void write(boolean stderr, byte[] bytes) {
                collector.accept(stderr ? LogLine.Stream.STDERR : LogLine.Stream.STDOUT, bytes, 0, bytes.length);
            }
        };
    }

    private void supervise() {
        try {
            ContainerRun.Outcome outcome = container.call();
            collector.close();
            Map<String, Path> files =
                    OutputFiles.collect(request.workingDirectory(), request.outputFiles(), request.outputDirectory());
            Map<String, String> details = new LinkedHashMap<>();
            if (outcome.containerId() != null) {
                details.put("containerId", outcome.containerId());
            }
            details.put("image", task.spec().image());
            if (outcome.oomKilled()) {
                details.put("oomKilled", "true");
            }
            RunResult done = new RunResult(
                    outcome.exitCode(),
                    outcome.killed(),
                    outcome.timedOut(),
                    Duration.ofNanos(System.nanoTime() - startNanos),
                    details,
                    collector.outputs(),
                    collector.metrics(),
                    files);
            listener.finished(done);
            result.complete(done);
        } catch (ContainerRun.Failure e) {
            fail(new RunnerException(request.masker().mask(e.getMessage()), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            container.cancel();
            fail(new RunnerException("the Docker run was interrupted", e));
        } catch (RuntimeException e) {
            fail(new RunnerException(request.masker().mask("the Docker runner failed: " + e.getMessage()), e));
        }
    }

    private void fail(RunnerException error) {
        collector.close();
        listener.failed(error);
        result.completeExceptionally(error);
    }

    @Override
    public void cancel() {
        if (!result.isDone()) {
            // ContainerRun.cancel may wait for a start request in flight; the caller must not.
            Thread.ofVirtual().start(container::cancel);
        }
    }

    @Override
    public CompletionStage<RunResult> result() {
        return result.minimalCompletionStage();
    }
}
