package dev.flowbench.runner.batch;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Docker engine the fake Batch service runs jobs on, driven through the {@code docker} command line
 * ({@code DOCKER_HOST} or the local socket). Where none answers, tests are skipped with a message saying how to
 * start one, except on CI ({@code FLOWBENCH_CI=1}), where that is a failure.
 */
final class TestDocker {

    /** The only image tests use: busybox, built locally by {@code .ci/docker-up.sh}. */
    static final String IMAGE = "local/busybox:1";

    private static final String HOW_TO = "start one with `sudo .ci/docker-up.sh` and"
            + " `export DOCKER_HOST=unix:///tmp/flowbench-docker/docker.sock`";

    private static volatile String problem;
    private static volatile boolean checked;

    private TestDocker() {}

    /** Skips the test (or fails it on CI) unless an engine answers and has {@link #IMAGE}. */
    static synchronized void require() {
        if (!checked) {
            checked = true;
            Result version = run(List.of("version", "--format", "{{.Server.Version}}"), null, 20);
            if (version.code != 0) {
                problem = "no Docker engine answers (" + version.err.strip() + "); " + HOW_TO;
            } else if (run(List.of("image", "inspect", IMAGE), null, 20).code != 0) {
                problem = "the Docker engine has no image " + IMAGE + "; " + HOW_TO;
            }
        }
        if (problem != null) {
            if ("1".equals(System.getenv("FLOWBENCH_CI"))) {
                fail("FLOWBENCH_CI=1 but " + problem);
            }
            assumeTrue(false, problem);
        }
    }

    /** What a docker command printed and how it exited. */
    record Result(int code, String out, String err) {}

    /** Runs {@code docker args…} with {@code stdin} (or none), waiting at most {@code seconds}. */
    static Result run(List<String> args, byte[] stdin, int seconds) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).start();
            Thread writer = Thread.ofVirtual().start(() -> {
                try (var in = process.getOutputStream()) {
                    if (stdin != null) {
                        in.write(stdin);
                    }
                } catch (IOException ignored) {
                    // the command did not read its input
                }
            });
            var out = readAsync(process.getInputStream());
            var err = readAsync(process.getErrorStream());
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "", "docker " + args.getFirst() + " did not end within " + seconds + "s");
            }
            writer.join();
            return new Result(process.exitValue(), out.get(), err.get());
        } catch (IOException e) {
            return new Result(-1, "", "cannot run docker: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            return new Result(-1, "", e.getMessage());
        }
    }

    /** Runs {@code docker args…} and returns its trimmed output; throws when it fails. */
    static String check(List<String> args) {
        Result result = run(args, null, 120);
        if (result.code != 0) {
            throw new IllegalStateException("docker " + String.join(" ", args) + " failed: " + result.err.strip());
        }
        return result.out.strip();
    }

    private static java.util.concurrent.Future<String> readAsync(InputStream stream) {
        var future = new java.util.concurrent.CompletableFuture<String>();
        Thread.ofVirtual().start(() -> {
            try (stream) {
                future.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                future.complete("");
            }
        });
        return future;
    }
}
