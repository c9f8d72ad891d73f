package dev.flowbench.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Container removals in flight. A run hands its container over once its result is known, so that neither the task's
 * result nor the next task waits for the engine to delete a file system; {@link #await} (called at the end of a
 * command-line run) and a shutdown hook make sure the removals finish before the process ends. A process killed
 * before that leaves labelled containers that the next start removes ({@link Leftovers}).
 */
final class Removals {

    /** How long the process waits at exit for removals still in flight. */
    static final Duration AT_EXIT = Duration.ofSeconds(30);

    private static final Set<CompletableFuture<Void>> PENDING = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private Removals() {}

    /** Removes the container {@code containerId} and its anonymous volumes in the background; never throws. */
    static void submit(DockerClient client, String containerId) {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(Removals::awaitAtExit, "flowbench-docker-removals"));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        PENDING.add(done);
        Thread.ofVirtual().name("flowbench-docker-remove").start(() -> {
            try {
                client.removeContainerCmd(containerId)
                        .withForce(true)
                        .withRemoveVolumes(true)
                        .exec();
            } catch (NotFoundException ignored) {
                // Already gone: removing is idempotent.
            } catch (RuntimeException ignored) {
                // The engine went away: the labels let a later start find and remove it.
            } finally {
                PENDING.remove(done);
                done.complete(null);
            }
        });
    }

    /**
     * Waits until every removal submitted before the call has finished, for at most {@code timeout}.
     *
     * @return whether they all finished in time
     */
    static boolean await(Duration timeout) throws InterruptedException {
        CompletableFuture<?>[] pending = PENDING.toArray(CompletableFuture<?>[]::new);
        try {
            CompletableFuture.allOf(pending).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            // The futures never fail; nothing to wait for.
            return true;
        }
    }

    private static void awaitAtExit() {
        try {
            await(AT_EXIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
