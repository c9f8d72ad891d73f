package dev.flowbench.runner.docker;

import dev.flowbench.runner.RunCommand;
import dev.flowbench.runner.RunListener;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.TaskIdentity;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the per-task overhead of the Docker runner against {@code docker run --rm} of the Docker CLI, on the same
 * engine and image, with a task that does nothing ({@code true}). A benchmark, not a test: it asserts nothing.
 *
 * <p>Run with {@code runners/docker/bench/overhead.sh [ROUNDS]}; the engine comes from {@code DOCKER_HOST}. The
 * variants are interleaved round by round so that a slow phase of the machine hurts all of them alike.
 */
public final class DockerOverheadBenchmark {

    private static final String IMAGE = "local/busybox:1";

    private DockerOverheadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmup = Math.max(3, rounds / 10);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path temp = Files.createTempDirectory("flowbench-bench-");
        String docker = System.getenv().getOrDefault("DOCKER_CLI", "docker");

        Map<String, Callable<Void>> variants = new LinkedHashMap<>();
        variants.put("docker run --rm (CLI)", () -> cli(docker));
        variants.put("runner, VOLUME files", () -> runner("VOLUME", temp));
        variants.put("runner, MOUNT files", () -> runner("MOUNT", temp));

        Map<String, List<Long>> samples = new LinkedHashMap<>();
        variants.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
        out.printf(
                "engine %s, image %s, %d rounds after %d warm-up rounds%n",
                DockerEngine.addressOf(null), IMAGE, rounds, warmup);
        for (int round = 0; round < warmup + rounds; round++) {
            for (Map.Entry<String, Callable<Void>> variant : variants.entrySet()) {
                long start = System.nanoTime();
                variant.getValue().call();
                long nanos = System.nanoTime() - start;
                if (round >= warmup) {
                    samples.get(variant.getKey()).add(nanos);
                }
            }
        }
        out.printf("%-24s %9s %9s %9s %9s%n", "per task (ms)", "median", "mean", "p90", "min");
        for (Map.Entry<String, List<Long>> entry : samples.entrySet()) {
            long[] sorted = entry.getValue().stream()
                    .mapToLong(Long::longValue)
                    .sorted()
                    .toArray();
            out.printf(
                    "%-24s %9.1f %9.1f %9.1f %9.1f%n",
                    entry.getKey(),
                    ms(sorted[sorted.length / 2]),
                    ms((long) Arrays.stream(sorted).average().orElse(0)),
                    ms(sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)]),
                    ms(sorted[0]));
        }
    }

    private static Void cli(String docker) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(docker, "run", "--rm", "--network", "none", IMAGE, "true")
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("docker run failed: " + new String(output, StandardCharsets.UTF_8));
        }
        return null;
    }

    private static Void runner(String strategy, Path temp) throws Exception {
        DockerRunner runner = JsonMapper.builder()
                .build()
                .convertValue(Map.of("networkMode", "none", "fileHandlingStrategy", strategy), DockerRunner.class);
        String id = UUID.randomUUID().toString();
        Path work = Files.createDirectories(temp.resolve(id).resolve("work"));
        Path out = Files.createDirectories(temp.resolve(id).resolve("out"));
        TaskIdentity identity = new TaskIdentity("bench", "overhead", "bench-" + id, "noop", id, 1);
        RunRequest request =
                RunRequest.of(identity, RunCommand.shell("true"), work, out).withContainerImage(IMAGE);
        RunResult result = runner.run(request, RunListener.NONE).await(Duration.ofMinutes(2));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("the runner's task failed with exit code " + result.exitCode());
        }
        return null;
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
