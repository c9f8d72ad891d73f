package dev.flowbench.engine;

import dev.flowbench.engine.history.History;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark, not a test: a flow of 100 one-line shell tasks run in-process by the engine (Process runner,
 * history on) against a plain bash loop running the same 100 commands, each through {@code /bin/sh -c} as
 * the engine does. Both are measured in one run, round after round, after warm-up rounds that let the JIT
 * compile the engine (as JMH would); the median of the rounds' own ratios is the result, the first round's
 * ratio is printed beside it. {@code -Drounds=N} and {@code -DwarmUp=N} change the counts.
 *
 * <p>Run with {@code runners/engine/benchmark.sh}.
 */
public final class EngineBenchmark {

    private static final int TASKS = 100;
    private static final int ROUNDS = Integer.getInteger("rounds", 15);
    private static final int WARM_UP = Integer.getInteger("warmUp", 30);

    private EngineBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("flowbench-bench");
        try {
            StringBuilder yaml = new StringBuilder("id: bench\nnamespace: bench\ntasks:\n");
            for (int i = 1; i <= TASKS; i++) {
                yaml.append("  - id: t")
                        .append(i)
                        .append("\n    type: io.kestra.plugin.scripts.shell.Commands\n")
                        .append("    commands: [\"echo task ")
                        .append(i)
                        .append("\"]\n");
            }
            Map<String, Object> flow = Flows.parse(yaml.toString());
            String loop = "for i in $(seq 1 " + TASKS + "); do /bin/sh -c \"set -e\necho task $i\"; done";
            String inline = "for i in $(seq 1 " + TASKS + "); do echo task $i; done";
            List<Long> engineTimes = new ArrayList<>();
            List<Long> loopTimes = new ArrayList<>();
            List<Long> inlineTimes = new ArrayList<>();
            List<Long> spawnTimes = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            double coldRatio = 0;
            try (History history = History.open(data)) {
                Engine engine =
                        Engine.builder(data).recorder(history.recorder()).build();
                for (int round = -WARM_UP; round < ROUNDS; round++) {
                    long engineNanos = timeEngine(engine, flow);
                    long loopNanos = timeBash(loop);
                    long inlineNanos = timeBash(inline);
                    long spawnNanos = timeJavaSpawns();
                    if (round == -WARM_UP) {
                        coldRatio = (double) engineNanos / loopNanos;
                    }
                    if (round >= 0) {
                        spawnTimes.add(spawnNanos);
                        engineTimes.add(engineNanos);
                        loopTimes.add(loopNanos);
                        inlineTimes.add(inlineNanos);
                        ratios.add((double) engineNanos / loopNanos);
                    }
                }
            }
            double engineMs = median(engineTimes) / 1e6;
            double loopMs = median(loopTimes) / 1e6;
            System.out.printf(
                    "engine, %d one-line shell tasks (Process runner, history on): %.0f ms (%.2f ms/task)%n",
                    TASKS, engineMs, engineMs / TASKS);
            System.out.printf(
                    "bash loop, same %d commands each via /bin/sh -c:                %.0f ms%n", TASKS, loopMs);
            System.out.printf(
                    "bash loop, same commands as builtins (no process per command):   %.0f ms%n",
                    median(inlineTimes) / 1e6);
            System.out.printf(
                    "JDK ProcessBuilder alone, setsid /bin/sh -c per command (portable path, no engine): %.0f ms%n",
                    median(spawnTimes) / 1e6);
            System.out.printf(
                    "ratio engine / bash loop: %.2fx (target <= 1.5x); median of each round's own ratio, %d rounds"
                            + " on %d cores (lowest %.2fx, highest %.2fx)%n",
                    medianOf(ratios),
                    ROUNDS,
                    Runtime.getRuntime().availableProcessors(),
                    ratios.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    ratios.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            System.out.printf(
                    "first round, before the JIT compiled the engine: %.2fx; measured after %d warm-up rounds%n",
                    coldRatio, WARM_UP);
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long timeEngine(Engine engine, Map<String, Object> flow) throws InterruptedException {
        long start = System.nanoTime();
        Execution done = engine.run(FlowRun.of(flow), RunEventListener.all());
        long elapsed = System.nanoTime() - start;
        if (done.state() != State.SUCCESS || done.taskRuns().size() != TASKS) {
            throw new IllegalStateException("benchmark flow did not succeed: " + done.state());
        }
        return elapsed;
    }

    private static long timeBash(String script) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process bash = new ProcessBuilder("bash", "-c", script)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (bash.waitFor() != 0) {
            throw new IllegalStateException("bash loop failed");
        }
        return System.nanoTime() - start;
    }

    /** What the JDK's own process start costs for the same commands (the Process runner's portable path). */
    private static long timeJavaSpawns() throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (int i = 1; i <= TASKS; i++) {
            Process process = new ProcessBuilder("setsid", "/bin/sh", "-c", "set -e\necho task " + i).start();
            process.getInputStream().readAllBytes();
            process.waitFor();
        }
        return System.nanoTime() - start;
    }

    private static double medianOf(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
