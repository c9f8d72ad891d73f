package dev.flowbench.runner.docker;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.util.List;

/**
 * The Docker engine the tests run on: {@code DOCKER_HOST}, or the local socket. Where none answers, tests are skipped
 * with a message saying how to start one, except on CI ({@code FLOWBENCH_CI=1}), where that is a failure.
 */
final class TestEngine {

    /** The image every test runs: busybox only, built locally by {@code .ci/docker-up.sh}. */
    static final String IMAGE = "local/busybox:1";

    /** The label every container and volume made by a run carries. */
    static final String LABEL = "flowbench.dev/execution";

    private static final String HOW_TO =
            "start one with `sudo .ci/docker-up.sh` and `export DOCKER_HOST=unix:///tmp/flowbench-docker/docker.sock`";

    private static volatile String problem;
    private static volatile DockerEngine engine;

    private TestEngine() {}

    /** The engine, after checking it answers and has {@link #IMAGE}; skips or fails the test otherwise. */
    static synchronized DockerEngine engine() {
        if (engine == null && problem == null) {
            DockerEngine candidate = DockerEngine.at(null);
            try {
                candidate.client().pingCmd().exec();
                try {
                    candidate.client().inspectImageCmd(IMAGE).exec();
                    engine = candidate;
                } catch (NotFoundException e) {
                    problem = "the Docker engine at " + candidate.address() + " has no image " + IMAGE + "; " + HOW_TO;
                }
            } catch (RuntimeException e) {
                problem = "no Docker engine at " + candidate.address() + " (" + DockerEngine.engineMessage(e) + "); "
                        + HOW_TO;
            }
        }
        if (problem != null) {
            if ("1".equals(System.getenv("FLOWBENCH_CI"))) {
                fail("FLOWBENCH_CI=1 but " + problem);
            }
            assumeTrue(false, problem);
        }
        return engine;
    }

    /** Whether an engine with the image answered when {@link #engine()} was first called. */
    static synchronized boolean isAvailable() {
        return engine != null;
    }

    /** The engine's client; see {@link #engine()}. */
    static DockerClient client() {
        return engine().client();
    }

    /**
     * Containers (running or not) labelled with execution {@code executionId}, once the removals the runner has in
     * flight are done (a run's result completes before its container is deleted).
     */
    static List<Container> containersOf(String executionId) {
        awaitRemovals();
        return client().listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(java.util.Map.of(LABEL, executionId))
                .exec();
    }

    /** Volumes labelled with execution {@code executionId}, once the runner's removals in flight are done. */
    static List<InspectVolumeResponse> volumesOf(String executionId) {
        awaitRemovals();
        List<InspectVolumeResponse> volumes = client().listVolumesCmd()
                .withFilter("label", List.of(LABEL + "=" + executionId))
                .exec()
                .getVolumes();
        return volumes == null ? List.of() : volumes;
    }

    /** Waits for the runner's container removals in flight; fails when they do not end within 60 s. */
    static void awaitRemovals() {
        try {
            if (!Removals.await(java.time.Duration.ofSeconds(60))) {
                fail("container removals still running after 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for container removals");
        }
    }
}
