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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** One running process tree: pumps its output, enforces the timeout, stops the tree, completes the result. */
final class ProcessRun implements RunHandle {

    /** Fires timeouts for every run; the work itself happens on a fresh thread, never on the timer's. */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    /**
     * Runs the threads that wait for processes and read their output; reused from one task to the next, since
     * creating threads was a good part of the cost of a short task.
     */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(
            job -> Thread.ofPlatform().daemon().name(ProcessRun.IDLE).unstarted(job));

    private static final String IDLE = "flowbench-process-idle";

    /** How often a process is checked for its exit while its pipes stay open. */
    private static final int POLL_MILLIS = 10;

    /** How long output is still read after the grace period when a process outside the group holds the pipes. */
    private static final Duration DRAIN_AFTER_GRACE = Duration.ofSeconds(5);

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
    private boolean supervised;
    private volatile boolean interrupted;

    private ProcessRun(RunRequest request, RunListener listener, Duration grace) {
        this.request = request;
        this.listener = listener;
        this.grace = grace;
        this.collector = new LogCollector(request.masker(), listener);
    }

    /**
     * Starts a run; {@code portable} uses the JDK's process start (with {@code setsid} and, when needed,
     * script and env passed through files) even where the native start is available.
     */
    static ProcessRun start(RunRequest request, RunListener listener, Duration grace, boolean portable) {
        String interpreter = request.command().interpreter().getFirst();
        return start(
                request,
                listener,
                grace,
                portable,
                Executables.resolve(interpreter, request.env(), request.workingDirectory()));
    }

    /** Starts a run whose interpreter was already found at {@code program} (null when it was not). */
    static ProcessRun start(RunRequest request, RunListener listener, Duration grace, boolean portable, Path program) {
        ProcessRun run = new ProcessRun(request, listener, grace);
        run.launch(portable, program, true);
        return run;
    }

    /**
     * Starts a run natively (at {@code program}) whose output the caller reads and whose end it waits for, on
     * its own thread, with {@link #superviseHere()}; falls back to a background run where the native start is
     * not available, which {@link #superviseHere()} then simply waits for.
     */
    static ProcessRun startForCaller(RunRequest request, RunListener listener, Duration grace, Path program) {
        ProcessRun run = new ProcessRun(request, listener, grace);
        run.launch(false, program, false);
        return run;
    }

    /**
     * Reads the output and waits for the end of a run started with {@link #startForCaller} on this thread;
     * returns its result or throws the {@link RunnerException} it failed with. When this thread is interrupted
     * meanwhile, the run is cancelled, its end still awaited, and {@link InterruptedException} thrown.
     */
    RunResult superviseHere() throws InterruptedException {
        if (process instanceof NativeSpawned spawned && !supervised) {
            supervised = true;
            supervise(() -> pumpPolled(spawned));
        }
        try {
            RunResult done = result.get();
            if (interrupted) {
                throw new InterruptedException("interrupted while the task ran; it was cancelled");
            }
            return done;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RunnerException runnerException
                    ? runnerException
                    : new RunnerException("the runner failed: " + cause, cause);
        } catch (InterruptedException e) {
            cancel();
            throw e;
        }
    }

    private void launch(boolean portable, Path program, boolean background) {
        List<String> argv = request.command().argv();
        try {
            if (!portable && NativeSpawned.available() && program != null) {
                List<String> resolved = new ArrayList<>(argv);
                resolved.set(0, program.toString());
                process = NativeSpawned.start(resolved, request.env(), request.workingDirectory());
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
        String name = "flowbench-process-" + request.identity().taskId();
        if (process instanceof JdkSpawned jdk) {
            Future<?> err = inBackground(
                    "flowbench-stderr-" + request.identity().taskId(), () -> pump(jdk.stderr(), LogLine.Stream.STDERR));
            Future<?> out = inBackground(
                    "flowbench-stdout-" + request.identity().taskId(), () -> pump(jdk.stdout(), LogLine.Stream.STDOUT));
            inBackground(name, () -> supervise(() -> pumpWithThreads(jdk, out, err)));
        } else if (background) {
            NativeSpawned spawned = (NativeSpawned) process;
            supervised = true;
            inBackground(name, () -> supervise(() -> pumpPolled(spawned)));
        }
    }

    /** Runs {@code job} on a pooled thread named {@code name} while it runs. */
    private static Future<?> inBackground(String name, Runnable job) {
        return THREADS.submit(() -> {
            Thread thread = Thread.currentThread();
            thread.setName(name);
            try {
                job.run();
            } finally {
                thread.setName(IDLE);
            }
        });
    }

    private void pump(InputStream stream, LogLine.Stream kind) {
        byte[] buffer = new byte[16 * 1024];
        try (stream) {
            int read;
            while ((read = stream.read(buffer)) >= 0) {
                collector.accept(kind, buffer, 0, read);
            }
        } catch (IOException e) {
            // the pipe was closed because the run is being torn down: nothing more to read
        }
    }

    /** How the output is read until the process has exited; returns its exit code. */
    @FunctionalInterface
    private interface Pumping {
        int exitCode() throws InterruptedException, IOException;
    }

    /**
     * The native way: this thread polls both pipes and checks for the exit between reads. When the process
     * has exited but something (a background child) still holds its pipes, its group gets SIGTERM, SIGKILL
     * after the grace period, and reading stops once the drain period is over even if the pipes stay open.
     */
    private int pumpPolled(NativeSpawned spawned) throws IOException {
        try (PipePoller pipes = spawned.pipes()) {
            long killAt = Long.MAX_VALUE;
            long drainUntil = Long.MAX_VALUE;
            boolean exited = false;
            while (pipes.open()) {
                pipes.pump(collector::accept, POLL_MILLIS);
                if (Thread.interrupted()) {
                    // the waiting caller was interrupted (pool threads never are): stop the run, see it end
                    interrupted = true;
                    cancel();
                }
                if (!exited) {
                    if (pipes.open() && spawned.exited()) {
                        exited = true;
                        long now = System.nanoTime();
                        Signals.signalGroup(spawned.pid(), Signals.SIGTERM);
                        killAt = now + grace.toNanos();
                        drainUntil = killAt + DRAIN_AFTER_GRACE.toNanos();
                    }
                    continue;
                }
                long now = System.nanoTime();
                if (now - killAt >= 0) {
                    Signals.signalGroup(spawned.pid(), Signals.SIGKILL);
                    killAt = Long.MAX_VALUE;
                }
                if (now - drainUntil >= 0) {
                    break; // someone outside the group still holds the pipes: stop waiting for them
                }
            }
        }
        int exitCode = spawned.waitFor();
        stopLeftovers();
        return exitCode;
    }

    /** The portable way: one thread per pipe, this one waits for the exit. */
    private int pumpWithThreads(JdkSpawned spawned, Future<?> out, Future<?> err) throws InterruptedException {
        int exitCode = spawned.waitFor();
        stopLeftovers();
        joinPumps(spawned, out, err);
        return exitCode;
    }

    private void supervise(Pumping pumping) {
        ScheduledFuture<?> timeout = request.timeout() == null
                ? null
                : TIMER.schedule(this::onTimeout, request.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            int exitCode = pumping.exitCode();
            if (timeout != null) {
                timeout.cancel(false);
            }
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
        } catch (IOException | RuntimeException e) {
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

    private void joinPumps(JdkSpawned spawned, Future<?> out, Future<?> err) throws InterruptedException {
        long waitMillis = grace.toMillis() + DRAIN_AFTER_GRACE.toMillis();
        if (!await(out, waitMillis) | !await(err, waitMillis)) {
            // Someone outside our group still holds the pipes: stop waiting rather than hang the flow.
            closeQuietly(spawned.stdout());
            closeQuietly(spawned.stderr());
            await(out, 1_000);
            await(err, 1_000);
        }
    }

    /** Whether {@code pump} ended within {@code millis}. */
    private static boolean await(Future<?> pump, long millis) throws InterruptedException {
        try {
            pump.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return true; // the pump failed and is over: what it read has been passed on
        } catch (TimeoutException e) {
            return false;
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

    /** Sleeps; an interrupt ends the nap and is remembered for {@link #superviseHere()}, not left set. */
    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            interrupted = true;
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(
                1, r -> Thread.ofPlatform().daemon().name("flowbench-timeouts").unstarted(r));
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
