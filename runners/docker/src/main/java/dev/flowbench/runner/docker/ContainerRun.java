package dev.flowbench.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One container's life, from image to removal: create (pulling as the policy says), attach, copy files in, start,
 * wait, stop on cancel or timeout (SIGTERM, grace period, SIGKILL), drain the logs, copy files out, hand over for
 * removal.
 *
 * <p>Each step is one request to the engine, none repeated: the image is looked up only when the create says it is
 * missing, the container is inspected only after an exit that may be a memory kill, and its volumes go with it.
 *
 * <p>{@link #call} runs it on the caller's thread; {@link #cancel} may be called from any thread at any time.
 */
final class ContainerRun {

    /** Receives what the container writes and when it starts; called from docker-java's threads. */
    interface Output {
        /** The container is about to start; called before its first byte of output. */
        default void started(String containerId) {}

        /** Bytes written to one stream; {@code stderr} false means stdout. */
        void write(boolean stderr, byte[] bytes);
    }

    /**
     * How the container ended.
     *
     * @param containerId the container's id, or null when none was created
     * @param exitCode its exit code; 137 when it was stopped before it started
     * @param killed whether cancel or timeout stopped it
     * @param timedOut whether the timeout stopped it
     * @param oomKilled whether the kernel killed it for exceeding its memory limit
     */
    record Outcome(String containerId, int exitCode, boolean killed, boolean timedOut, boolean oomKilled) {}

    /** A failure of the run, already phrased as one line for the user. */
    static final class Failure extends RuntimeException {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final DockerEngine engine;
    private final DockerClient client;
    private final ContainerSpec spec;
    private final TaskFiles files;
    private final AuthConfig auth;
    private final Duration timeout;
    private final Output output;
    private final Object lock = new Object();
    private final CountDownLatch exited = new CountDownLatch(1);

    private boolean cancelled;
    private boolean timedOut;
    private boolean stopping;
    private String containerId;

    ContainerRun(
            DockerEngine engine,
            ContainerSpec spec,
            TaskFiles files,
            AuthConfig auth,
            Duration timeout,
            Output output) {
        this.engine = engine;
        this.client = engine.client();
        this.spec = spec;
        this.files = files;
        this.auth = auth;
        this.timeout = timeout;
        this.output = output;
    }

    /**
     * Runs the container to its end (or, with {@code wait: false}, to its start) and returns how it ended. With
     * {@code delete: true} the container (and its volumes) is handed to {@link Removals} once the outcome is known.
     *
     * @throws Failure when the container could not be run at all, with a one-line message
     */
    Outcome call() throws InterruptedException {
        Thread timer = null;
        Removals.Ticket ticket = null;
        try {
            if (spec.settings().pullPolicy() == DockerRunner.PullPolicy.ALWAYS) {
                step("cannot prepare the image '" + spec.image() + "'", () -> {
                    ImagePuller.pull(engine, spec.image(), auth);
                    return null;
                });
            }
            if (isCancelled()) {
                return stoppedBeforeStart();
            }
            String id = step("cannot create the container", this::create);
            if (id == null) {
                return stoppedBeforeStart();
            }
            ticket = Removals.open();
            synchronized (lock) {
                containerId = id;
            }
            Logs logs = new Logs();
            step("cannot attach to the container", () -> {
                client.attachContainerCmd(id)
                        .withStdOut(true)
                        .withStdErr(true)
                        .withFollowStream(true)
                        .exec(logs);
                return null;
            });
            try {
                // Copied while the engine answers the attach request, which docker-java sends from its own thread.
                step("cannot copy the task's files into the container", () -> {
                    files.beforeStart(engine, id);
                    return null;
                });
                step("cannot attach to the container", () -> {
                    // Attached before the start, as the CLI does: a container that exits at once loses no line. No
                    // replay of earlier logs: there are none yet, and a replay racing the start would repeat lines.
                    if (!logs.awaitStarted(DRAIN.toSeconds(), TimeUnit.SECONDS)) {
                        throw new java.io.IOException("no answer within " + DRAIN.toSeconds() + " s");
                    }
                    logs.throwIfFailed();
                    return null;
                });
            } catch (Failure | InterruptedException e) {
                closeQuietly(logs);
                throw e;
            }
            synchronized (lock) {
                if (cancelled) {
                    closeQuietly(logs);
                    return stoppedBeforeStart();
                }
                // Announced first: the logs of a fast container may arrive before the start request returns.
                output.started(id);
                step("cannot start the container", () -> {
                    client.startContainerCmd(id).exec();
                    return null;
                });
            }
            // The timeout bounds the commands, not the pull or the set-up, which a busy engine may make slow.
            if (timeout != null) {
                timer = Thread.ofVirtual().start(this::timeOutLater);
            }
            if (!spec.settings().waitForExit()) {
                // Left running on purpose: nothing to delete, nobody to wait for.
                closeQuietly(logs);
                return new Outcome(id, 0, false, false, false);
            }
            int exitCode = step(
                    "lost the container while waiting for it",
                    () -> client.waitContainerCmd(id)
                            .exec(new WaitContainerResultCallback())
                            .awaitStatusCode());
            exited.countDown();
            if (!logs.awaitCompletion(DRAIN.toSeconds(), TimeUnit.SECONDS)) {
                closeQuietly(logs);
            }
            boolean oomKilled = exitCode == 137 && oomKilled(id);
            if (oomKilled) {
                Long limit = spec.settings().memory();
                String line = "killed: out of memory" + (limit == null ? "" : " (limit " + ByteSize.format(limit) + ")")
                        + "\n";
                output.write(true, line.getBytes(StandardCharsets.UTF_8));
            }
            step("cannot copy the output files from the container", () -> {
                files.afterExit(engine, id);
                return null;
            });
            synchronized (lock) {
                return new Outcome(id, exitCode, cancelled, timedOut, oomKilled);
            }
        } finally {
            exited.countDown();
            if (timer != null) {
                timer.interrupt();
            }
            if (ticket != null && spec.settings().delete() && spec.settings().waitForExit()) {
                ticket.remove(client, containerId);
            } else if (ticket != null) {
                ticket.keep();
            }
        }
    }

    /**
     * Creates the container and returns its id, or null when the run was cancelled while its image was pulled. As
     * with {@code docker run}, the image is not looked up first: only a create refused for a missing image pulls it
     * (as the policy allows) and tries again.
     */
    private String create() throws InterruptedException {
        try {
            return spec.applyTo(client.createContainerCmd(spec.image())).exec().getId();
        } catch (NotFoundException missing) {
            if (!ImagePuller.provideMissing(
                    engine, spec.image(), spec.settings().pullPolicy(), auth)) {
                throw missing;
            }
        }
        if (isCancelled()) {
            return null;
        }
        return spec.applyTo(client.createContainerCmd(spec.image())).exec().getId();
    }

    /** Stops the run: before the start, the container never starts; after it, SIGTERM, grace, SIGKILL. */
    void cancel() {
        stop(false);
    }

    private void stop(boolean byTimeout) {
        String id;
        synchronized (lock) {
            if (!cancelled) {
                cancelled = true;
                timedOut = byTimeout;
            }
            if (stopping || containerId == null) {
                return;
            }
            stopping = true;
            id = containerId;
        }
        Thread.ofVirtual().start(() -> terminate(id));
    }

    private void terminate(String id) {
        signal(id, "SIGTERM");
        try {
            if (exited.await(spec.settings().killGracePeriod().toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        signal(id, "SIGKILL");
    }

    private void signal(String id, String signal) {
        try {
            client.killContainerCmd(id).withSignal(signal).exec();
        } catch (NotFoundException | ConflictException ignored) {
            // Not running (any more, or not yet): nothing to stop.
        } catch (RuntimeException ignored) {
            // The engine went away; the wait fails and reports it.
        }
    }

    private void timeOutLater() {
        try {
            Thread.sleep(timeout);
            stop(true);
        } catch (InterruptedException ignored) {
            // The run ended first.
        }
    }

    private boolean isCancelled() {
        synchronized (lock) {
            return cancelled;
        }
    }

    private Outcome stoppedBeforeStart() {
        synchronized (lock) {
            return new Outcome(containerId, 137, true, timedOut, false);
        }
    }

    /**
     * Whether the kernel killed the container (which exited with 137, as after SIGKILL) for lack of memory; only such
     * an exit is asked about, as a memory kill always ends the commands with SIGKILL. The engine learns of an OOM
     * kill from an event that can arrive just after the exit, so under a memory limit it is asked a few times before
     * the exit is taken for a plain kill.
     */
    private boolean oomKilled(String id) {
        int attempts = spec.settings().memory() != null ? 20 : 1;
        for (int attempt = 0; attempt < attempts; attempt++) {
            try {
                InspectContainerResponse.ContainerState state =
                        client.inspectContainerCmd(id).exec().getState();
                if (Boolean.TRUE.equals(state.getOOMKilled())) {
                    return true;
                }
            } catch (RuntimeException e) {
                return false;
            }
            if (attempt + 1 < attempts) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private static void closeQuietly(Logs logs) {
        try {
            logs.close();
        } catch (java.io.IOException ignored) {
            // Closing a finished stream; nothing left to lose.
        }
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private <T> T step(String action, Step<T> step) throws InterruptedException {
        try {
            return step.run();
        } catch (InterruptedException | Failure e) {
            throw e;
        } catch (ImagePuller.ImageException e) {
            throw new Failure(e.getMessage(), e);
        } catch (Exception e) {
            throw new Failure(engine.explain(action, e), e);
        }
    }

    /** Forwards frames to the output; stdout and stderr stay apart. */
    private final class Logs extends ResultCallback.Adapter<Frame> {
        @Override
        public void onNext(Frame frame) {
            output.write(frame.getStreamType() == StreamType.STDERR, frame.getPayload());
        }

        /** Throws the error the attach request failed with, if it failed. */
        void throwIfFailed() {
            throwFirstError();
        }
    }
}
