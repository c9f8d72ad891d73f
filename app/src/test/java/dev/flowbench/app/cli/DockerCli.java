package dev.flowbench.app.cli;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code docker} command line against {@code DOCKER_HOST}, for tests that need a real engine with
 * {@code local/busybox:1} ({@code .ci/docker-up.sh}): they are skipped without one, except on CI.
 */
final class DockerCli {

    private DockerCli() {}

    /** Skips the test (or fails it on CI, {@code FLOWBENCH_CI=1}) unless an engine with the test image answers. */
    static void requireEngine() {
        String problem = problem();
        if (problem != null) {
            if ("1".equals(System.getenv("FLOWBENCH_CI"))) {
                fail("FLOWBENCH_CI=1 but " + problem);
            }
            assumeTrue(
                    false, problem + "; start one with `sudo .ci/docker-up.sh` and export the DOCKER_HOST it prints");
        }
    }

    /**
     * What {@code docker args…} printed on stdout.
     *
     * @throws IOException when the command cannot run or fails, with what it printed on stderr
     */
    static String docker(String... args) throws IOException {
        var command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(
                        "docker " + String.join(" ", args) + " failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", interrupted);
        }
    }

    private static String problem() {
        try {
            docker("version", "--format", "{{.Server.Version}}");
        } catch (IOException noEngine) {
            return "no Docker engine answers at " + System.getenv().getOrDefault("DOCKER_HOST", "the default socket")
                    + " (" + noEngine.getMessage().strip() + ")";
        }
        try {
            if (docker("images", "-q", "local/busybox:1").isBlank()) {
                return "the Docker engine has no local/busybox:1 image";
            }
            return null;
        } catch (IOException e) {
            return "cannot list the Docker engine's images (" + e.getMessage().strip() + ")";
        }
    }
}
