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
 *
 * <p>For the runner, "result" is the time until the task's result is known (logs, exit code, files back), which is
 * what a flow waits for; the container is removed after that, in the background. "removed" is the time until that
 * removal has finished too, which is what {@code docker run --rm} waits for. Each runner sample waits for its removal
 * before the next variant starts, so that no variant pays for another's clean-up.
 */
public final class DockerOverheadBenchmark {

    private static final String IMAGE = "local/busybox:1";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private DockerOverheadBenchmark() {}

    /** One sample: nanoseconds until the result, and until everything was cleaned up. */
    private record Sample(long result, long removed) {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmup = Math.max(3, rounds / 10);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path temp = Files.createTempDirectory("flowbench-bench-");
        String docker = System.getenv().getOrDefault("DOCKER_CLI", "docker");

        Map<String, Callable<Sample>> variants = new LinkedHashMap<>();
        variants.put("docker run --rm (CLI)", () -> cli(docker));
        variants.put("runner, VOLUME files", () -> runner("VOLUME", temp));
        variants.put("runner, MOUNT files", () -> runner("MOUNT", temp));

        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        variants.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
        out.printf(
                "engine %s, image %s, %d rounds after %d warm-up rounds, load average %s%n",
                DockerEngine.addressOf(null), IMAGE, rounds, warmup, loadAverage());
        for (int round = 0; round < warmup + rounds; round++) {
            for (Map.Entry<String, Callable<Sample>> variant : variants.entrySet()) {
                Sample sample = variant.getValue().call();
                if (round >= warmup) {
                    samples.get(variant.getKey()).add(sample);
                }
            }
        }
        long cliMedian = median(samples.get("docker run --rm (CLI)").stream()
                .mapToLong(Sample::removed)
                .toArray());
        out.printf("%-34s %9s %9s %9s %9s %9s%n", "per task (ms)", "median", "mean", "p90", "min", "vs CLI");
        for (Map.Entry<String, List<Sample>> entry : samples.entrySet()) {
            boolean cli = entry.getKey().contains("CLI");
            print(out, entry.getKey() + (cli ? "" : ", result"), entry.getValue(), Sample::result, cliMedian);
            if (!cli) {
                print(out, entry.getKey() + ", removed", entry.getValue(), Sample::removed, cliMedian);
            }
        }
        out.printf("load average at the end %s%n", loadAverage());
    }

    private static void print(
            PrintStream out,
            String name,
            List<Sample> samples,
            java.util.function.ToLongFunction<Sample> value,
            long cliMedian) {
        long[] sorted = samples.stream().mapToLong(value).sorted().toArray();
        out.printf(
                "%-34s %9.1f %9.1f %9.1f %9.1f %8.2fx%n",
                name,
                ms(median(sorted)),
                ms((long) Arrays.stream(sorted).average().orElse(0)),
                ms(sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)]),
                ms(sorted[0]),
                (double) median(sorted) / cliMedian);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Sample cli(String docker) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(docker, "run", "--rm", "--network", "none", IMAGE, "true")
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("docker run failed: " + new String(output, StandardCharsets.UTF_8));
        }
        long nanos = System.nanoTime() - start;
        return new Sample(nanos, nanos);
    }

    private static Sample runner(String strategy, Path temp) throws Exception {
        String id = UUID.randomUUID().toString();
        Path work = Files.createDirectories(temp.resolve(id).resolve("work"));
        Path out = Files.createDirectories(temp.resolve(id).resolve("out"));
        TaskIdentity identity = new TaskIdentity("bench", "overhead", "bench-" + id, "noop", id, 1);
        RunRequest request =
                RunRequest.of(identity, RunCommand.shell("true"), work, out).withContainerImage(IMAGE);
        long start = System.nanoTime();
        // Built per task, as the engine builds the runner from the task's rendered properties.
        DockerRunner runner = MAPPER.convertValue(
                Map.of("networkMode", "none", "fileHandlingStrategy", strategy), DockerRunner.class);
        RunResult result = runner.run(request, RunListener.NONE).await(Duration.ofMinutes(2));
        long resultNanos = System.nanoTime() - start;
        if (result.exitCode() != 0) {
            throw new IllegalStateException("the runner's task failed with exit code " + result.exitCode());
        }
        if (!Removals.await(Duration.ofMinutes(1))) {
            throw new IllegalStateException("the container was not removed within a minute");
        }
        return new Sample(resultNanos, System.nanoTime() - start);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
