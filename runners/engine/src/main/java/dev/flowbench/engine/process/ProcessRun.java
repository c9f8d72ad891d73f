package dev.flowbench.engine.process;

import dev.flowbench.runner.LogCollector;
import dev.flowbench.runner.LogLine;
import dev.flowbench.runner.OutputFiles;
import dev.flowbench.runner.RunHandle;
import dev.flowbench.runner.RunListener;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.RunnerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** One running process tree: pumps its output, enforces the timeout, stops the tree, completes the result. */
final class ProcessRun implements RunHandle {

    /** Fires timeouts for every run; the work itself happens on a fresh thread, never on the timer's. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final RunRequest request;
    private final RunListener listener;
    private final Duration grace;
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final LogCollector collector;
    private final long startNanos = System.nanoTime();
    private Spawned process;
    private ArgumentTransport transport;
    private volatile boolean timedOut;
    private boolean terminated;

    private ProcessRun(RunRequest request, RunListener listener, Duration grace) {
        this.request = request;
        this.listener = listener;
        this.grace = grace;
        this.collector = new LogCollector(request.masker(), listener);
    }

    static ProcessRun start(RunRequest request, RunListener listener, Duration grace) {
        return start(request, listener, grace, false);
    }

    /**
     * Starts a run; {@code portable} uses the JDK's process start (with {@code setsid} and, when needed,
     * script and env passed through files) even where the native start is available.
     */
    static ProcessRun start(RunRequest request, RunListener listener, Duration grace, boolean portable) {
        ProcessRun run = new ProcessRun(request, listener, grace);
        run.launch(portable);
        return run;
    }

    private void launch(boolean portable) {
        List<String> argv = request.command().argv();
        try {
            Path program = Executables.resolve(argv.getFirst(), request.env(), request.workingDirectory());
            if (!portable && NativeSpawned.available() && program != null) {
                List<String> resolved = new ArrayList<>(argv);
                resolved.set(0, program.toString());
                Map<String, String> env = new HashMap<>(System.getenv());
                env.putAll(request.env());
                process = NativeSpawned.start(resolved, env, request.workingDirectory());
            } else {
                transport = ArgumentTransport.of(argv, request.env(), portable);
                process = JdkSpawned.start(transport.argv(), transport.env(), request.workingDirectory());
            }
        } catch (IOException | RuntimeException e) {
            cleanUpTransport();
            RunnerException error = new RunnerException(
                    request.masker().mask("cannot start '" + argv.getFirst() + "': " + e.getMessage()), e);
            listener.failed(error);
            throw error;
        }
        listener.started(request, Map.of("pid", Long.toString(process.pid())));
        Thread err = pump(process.stderr(), LogLine.Stream.STDERR);
        Thread out = pump(process.stdout(), LogLine.Stream.STDOUT);
        Thread.ofPlatform()
                .daemon()
                .name("flowbench-process-" + request.identity().taskId())
                .start(() -> supervise(out, err));
    }

    private Thread pump(InputStream stream, LogLine.Stream kind) {
        return Thread.ofPlatform()
                .daemon()
                .name("flowbench-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-"
                        + request.identity().taskId())
                .start(() -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (stream) {
                        int read;
                        while ((read = stream.read(buffer)) >= 0) {
                            collector.accept(kind, buffer, 0, read);
                        }
                    } catch (IOException e) {
                        // the pipe was closed because the run is being torn down: nothing more to read
                    }
                });
    }

    private void supervise(Thread out, Thread err) {
        ScheduledFuture<?> timeout = request.timeout() == null
                ? null
                : TIMER.schedule(this::onTimeout, request.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            int exitCode = process.waitFor();
            if (timeout != null) {
                timeout.cancel(false);
            }
            stopLeftovers();
            joinPumps(out, err);
            collector.close();
            cleanUpTransport();
            Map<String, Path> files =
                    OutputFiles.collect(request.workingDirectory(), request.outputFiles(), request.outputDirectory());
            boolean killed = timedOut || cancelled.get();
            RunResult done = new RunResult(
                    exitCode,
                    killed,
                    timedOut,
                    Duration.ofNanos(System.nanoTime() - startNanos),
                    Map.of("pid", Long.toString(process.pid())),
                    collector.outputs(),
                    collector.metrics(),
                    files);
            listener.finished(done);
            result.complete(done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            terminate();
            fail(new RunnerException("the run was interrupted", e));
        } catch (RuntimeException e) {
            terminate();
            String message = e instanceof RunnerException r ? r.getMessage() : "the Process runner failed: " + e;
            fail(new RunnerException(request.masker().mask(message), e));
        }
    }

    private void onTimeout() {
        if (process.isAlive()) {
            timedOut = true;
            Thread.ofPlatform().daemon().name("flowbench-timeout").start(this::terminate);
        }
    }

    private void fail(RunnerException error) {
        collector.close();
        cleanUpTransport();
        listener.failed(error);
        result.completeExceptionally(error);
    }

    private void cleanUpTransport() {
        if (transport != null) {
            transport.cleanUp();
        }
    }

    /** Background children of a finished task would otherwise hold its pipes open and outlive it. */
    private void stopLeftovers() {
        if (process.ownGroup() && Signals.signalGroup(process.pid(), Signals.SIGTERM)) {
            long deadline = System.nanoTime() + grace.toNanos();
            while (System.nanoTime() < deadline && Signals.signalGroup(process.pid(), 0)) {
                sleep(20);
            }
            Signals.signalGroup(process.pid(), Signals.SIGKILL);
        }
    }

    private void joinPumps(Thread out, Thread err) throws InterruptedException {
        long waitMillis = grace.toMillis() + 5_000;
        out.join(waitMillis);
        err.join(waitMillis);
        if ((out.isAlive() || err.isAlive()) && process.closablePipes()) {
            // Someone outside our group still holds the pipes: stop waiting rather than hang the flow.
            closeQuietly(process.stdout());
            closeQuietly(process.stderr());
            out.join(1_000);
            err.join(1_000);
        }
    }

    /** Stops the whole tree: SIGTERM to the group (or each descendant), then SIGKILL after the grace period. */
    private synchronized void terminate() {
        if (terminated || process == null) {
            return;
        }
        terminated = true;
        List<ProcessHandle> tree = process.descendants();
        boolean group = process.ownGroup();
        if (group) {
            Signals.signalGroup(process.pid(), Signals.SIGTERM);
        }
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline
                && (process.isAlive()
                        || tree.stream().anyMatch(ProcessHandle::isAlive)
                        || (group && Signals.signalGroup(process.pid(), 0)))) {
            sleep(20);
        }
        if (group) {
            Signals.signalGroup(process.pid(), Signals.SIGKILL);
        }
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void cancel() {
        if (!result.isDone() && cancelled.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("flowbench-cancel").start(this::terminate);
        }
    }

    @Override
    public CompletionStage<RunResult> result() {
        return result.minimalCompletionStage();
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // already closed or broken: either way nothing more will be read
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(
                1, r -> Thread.ofPlatform().daemon().name("flowbench-timeouts").unstarted(r));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
