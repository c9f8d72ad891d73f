package dev.flowbench.app.cli;

import static dev.flowbench.app.cli.DockerCli.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.flowbench.app.workspace.ExampleWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's "Docker in development" end to end: {@code flowbench run --env dev} on a real Docker engine, with the
 * seed's limits visible in {@code docker inspect} while the task runs. Needs an engine with {@code local/busybox:1}
 * ({@code .ci/docker-up.sh}); skipped without one, except on CI.
 */
class DockerRunCommandTest {
    private static final String FLOW = """
            id: seed_docker
            namespace: company.team
            tasks:
              - id: script
                type: io.kestra.plugin.scripts.shell.Commands
                containerImage: local/busybox:1
                commands:
                  - echo "in a container as $(id -u)"
                  - sleep 4
                  - echo '::{"outputs":{"done":true}}::'
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
    void theDevEnvironmentRunsTheTaskInABusyboxContainerWithTheSeedsLimits() throws Exception {
        Path flow = Files.writeString(workspace.resolve("flows/seed.yaml"), FLOW);

        CompletableFuture<CliRun> run =
                CompletableFuture.supplyAsync(() -> CliRun.of("run", "--env", "dev", flow.toString()));
        String container = awaitContainer("flowbench.dev/flow=seed_docker", run);
        String limits = docker(
                "inspect", "--format", "{{.HostConfig.NanoCpus}} {{.HostConfig.Memory}} {{.Config.Image}}", container);
        CliRun done = run.get(120, TimeUnit.SECONDS);

        assertThat(limits.strip()).isEqualTo("1000000000 536870912 local/busybox:1");
        assertThat(done.exitCode()).as(done.out() + done.err()).isZero();
        assertThat(done.out()).contains("in a container as", "\"done\":true", "SUCCESS");
        assertThat(docker("ps", "-aq", "--filter", "label=flowbench.dev/flow=seed_docker")
                        .strip())
                .as("the container is removed after the run")
                .isEmpty();
    }

    private static String awaitContainer(String label, CompletableFuture<CliRun> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String ids = docker("ps", "-q", "--filter", "label=" + label).strip();
            if (!ids.isEmpty()) {
                return ids.lines().findFirst().orElseThrow();
            }
            if (run.isDone()) {
                CliRun finished = run.get();
                fail("the run ended before its container was seen: " + finished.out() + finished.err());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no running container labelled " + label + " within 60 s");
    }
}
