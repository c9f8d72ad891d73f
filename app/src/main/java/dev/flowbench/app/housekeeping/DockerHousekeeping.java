package dev.flowbench.app.housekeeping;

import dev.flowbench.runner.docker.DockerRunner;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps the Docker engine free of what Flowbench left: at start-up, the containers and volumes of runs whose
 * Flowbench process has ended (crashed, killed, or ran with {@code delete: false}); at the end of a command-line run,
 * the removal of that run's own containers.
 *
 * <p>Nothing here ever delays start-up or fails a command: the clean-up runs on a background thread, and an engine
 * that cannot be reached (no Docker on this machine) is worth one debug line, nothing more.
 */
public final class DockerHousekeeping {

    private static final System.Logger LOG = System.getLogger(DockerHousekeeping.class.getName());

    private DockerHousekeeping() {}

    /**
     * Starts removing leftovers of ended Flowbench processes from the engine at {@code host} (null: {@code
     * DOCKER_HOST}, or else the local socket) and returns at once; never null. The future completes with how many
     * containers and volumes went (0 when the engine cannot be reached) and never exceptionally.
     */
    public static CompletableFuture<Integer> removeLeftoversInBackground(String host) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Thread.ofVirtual().name("flowbench-docker-leftovers").start(() -> {
            try {
                int removed = DockerRunner.removeLeftovers(host);
                LOG.log(Level.DEBUG, "removed {0} Docker containers and volumes left by ended Flowbench runs", removed);
                done.complete(removed);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.DEBUG, "no Docker leftovers removed: {0}", e.getMessage());
                done.complete(0);
            }
        });
        return done;
    }

    /**
     * Waits, at most {@code timeout}, until the containers of finished runs are removed (the runner removes them
     * after their results are known); returns whether they all were.
     */
    public static boolean awaitRemovals(Duration timeout) {
        try {
            return DockerRunner.awaitRemovals(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
