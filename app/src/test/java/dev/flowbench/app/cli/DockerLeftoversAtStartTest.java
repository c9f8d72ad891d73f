package dev.flowbench.app.cli;

import static dev.flowbench.app.cli.DockerCli.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.app.housekeeping.DockerHousekeeping;
import dev.flowbench.app.workspace.ExampleWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Flowbench process killed while its task runs in a container leaves the container behind; the next {@code
 * flowbench run} removes it in the background, while the containers of a Flowbench that still runs stay. Needs an
 * engine with {@code local/busybox:1} ({@code .ci/docker-up.sh}); skipped without one, except on CI.
 */
@Timeout(240)
class DockerLeftoversAtStartTest {
    private static final String LONG_FLOW = """
            id: killed_mid_task
            namespace: company.team
            tasks:
              - id: sleeper
                type: io.kestra.plugin.scripts.shell.Commands
                containerImage: local/busybox:1
                commands:
                  - echo started
                  - sleep 300
            """;

    private static final String QUICK_FLOW = """
            id: next_run
            namespace: company.team
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: the next run
            """;

    @TempDir
    Path workspace;

    @BeforeEach
    void requireAnEngine() throws Exception {
        DockerCli.requireEngine();
        Path environments = Files.createDirectories(workspace.resolve("environments"));
        Files.copy(ExampleWorkspace.path().resolve("environments/dev.yaml"), environments.resolve("dev.yaml"));
        Files.createDirectories(workspace.resolve("secrets"));
        Files.writeString(workspace.resolve("secrets/dev.env"), "");
        Files.setPosixFilePermissions(
                workspace.resolve("secrets/dev.env"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.createDirectories(workspace.resolve("flows"));
    }

    @Test
    void aRunRemovesTheContainerOfAKilledFlowbenchButNeverOneOfALiveOne() throws Exception {
        Path longFlow = Files.writeString(workspace.resolve("flows/long.yaml"), LONG_FLOW);
        Path quickFlow = Files.writeString(workspace.resolve("flows/quick.yaml"), QUICK_FLOW);
        Path log = workspace.resolve("other-flowbench.log");
        Process other = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.flowbench.app.Main",
                        "run",
                        "--env",
                        "dev",
                        longFlow.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        String container;
        try {
            container = awaitRunningContainer("flowbench.dev/flow=killed_mid_task", other, log);

            assertThat(DockerHousekeeping.removeLeftoversInBackground(null).get(60, TimeUnit.SECONDS))
                    .as("nothing of a live Flowbench is a leftover")
                    .isZero();
            assertThat(docker("ps", "-q", "--filter", "id=" + container).strip())
                    .as("the live run's container")
                    .isNotEmpty();
        } finally {
            // SIGKILL: no shutdown hook runs, as in a crash.
            other.destroyForcibly();
            other.waitFor(60, TimeUnit.SECONDS);
        }
        assertThat(docker("ps", "-q", "--filter", "id=" + container).strip())
                .as("the killed run's container outlives it")
                .isNotEmpty();

        CliRun next = CliRun.of("run", "--env", "dev", quickFlow.toString());

        assertThat(next.exitCode()).as(next.out() + next.err()).isZero();
        assertThat(awaitGone(container))
                .as("the killed run's container is removed")
                .isTrue();
    }

    private static String awaitRunningContainer(String label, Process other, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            List<String> ids =
                    docker("ps", "-q", "--filter", "label=" + label).lines().toList();
            if (!ids.isEmpty()) {
                return ids.getFirst();
            }
            if (!other.isAlive()) {
                throw new AssertionError(
                        "the other Flowbench ended before its container ran: " + Files.readString(log));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no running container labelled " + label + " within 120 s: " + Files.readString(log));
    }

    private static boolean awaitGone(String container) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (docker("ps", "-aq", "--filter", "id=" + container).isBlank()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
