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
 * Containers between their creation and their removal. A run hands its container over once its result is known, so
 * that neither the task's result nor the next task waits for the engine to delete a file system; {@link #await}
 * (called at the end of a command-line run) and a shutdown hook make sure the removals finish before the process
 * ends, including those of runs that a Ctrl+C is still stopping. A process killed before that leaves labelled
 * containers that the next start removes ({@link Leftovers}).
 */
final class Removals {

    /** How long the process waits at exit for runs to hand over their containers and for the removals. */
    static final Duration AT_EXIT = Duration.ofSeconds(30);

    private static final Set<CompletableFuture<Void>> PENDING = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private Removals() {}

    /** Registers a container just created; the run must end the ticket with exactly one of its two methods. */
    static Ticket open() {
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(Removals::awaitAtExit, "flowbench-docker-removals"));
        }
        Ticket ticket = new Ticket();
        PENDING.add(ticket.done);
        return ticket;
    }

    /**
     * Waits until no container is in a run or being removed, for at most {@code timeout}.
     *
     * @return whether that happened in time
     */
    static boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            CompletableFuture<?>[] pending = PENDING.toArray(CompletableFuture<?>[]::new);
            if (pending.length == 0) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                CompletableFuture.allOf(pending).get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                // The futures never fail; look again.
            }
        }
    }

    private static void awaitAtExit() {
        try {
            await(AT_EXIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One created container, until it is removed or deliberately kept. */
    static final class Ticket {
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        private Ticket() {}

        /** Removes the container {@code containerId} and its anonymous volumes in the background; never throws. */
        void remove(DockerClient client, String containerId) {
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
                    release();
                }
            });
        }

        /** Leaves the container on the engine ({@code delete: false}, {@code wait: false}). */
        void keep() {
            release();
        }

        private void release() {
            PENDING.remove(done);
            done.complete(null);
        }
    }
}
