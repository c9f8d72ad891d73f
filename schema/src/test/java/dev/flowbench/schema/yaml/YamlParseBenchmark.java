package dev.flowbench.schema.yaml;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures {@link YamlDocument#parse(String)} on the flow files given as arguments: warm-up, then the median
 * and 90th percentile of repeated parses (wall and thread CPU time, which a busy machine disturbs less), plus
 * one pointer look-up per task and a caret query, as validation and completion make them. A benchmark, not a
 * test: run it by hand on generated flows.
 */
public final class YamlParseBenchmark {
    private YamlParseBenchmark() {}

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        for (String file : args) {
            String text = Files.readString(Path.of(file));
            int rounds = text.length() > 500_000 ? 60 : text.length() > 100_000 ? 200 : 2000;
            for (int i = 0; i < rounds; i++) {
                YamlDocument.parse(text);
            }
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long[] parse = new long[rounds];
            long[] cpu = new long[rounds];
            long[] lookups = new long[rounds];
            int tasks = 0;
            for (int i = 0; i < rounds; i++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                YamlDocument document = YamlDocument.parse(text);
                parse[i] = System.nanoTime() - start;
                cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
                start = System.nanoTime();
                tasks = ((java.util.List<?>) ((java.util.Map<?, ?>) document.root()).get("tasks")).size();
                for (int t = 0; t < tasks; t++) {
                    document.valueRange("/tasks/" + t + "/type").orElseThrow();
                }
                document.nodeAt(text.length() / 2).orElseThrow();
                lookups[i] = System.nanoTime() - start;
            }
            Arrays.sort(parse);
            Arrays.sort(cpu);
            Arrays.sort(lookups);
            out.printf(
                    Locale.ROOT,
                    "%s: %,d chars, %,d lines, %d tasks: parse p50 %.1f ms, p90 %.1f ms, CPU p50 %.1f ms;"
                            + " %d pointer look-ups + nodeAt p50 %.2f ms%n",
                    Path.of(file).getFileName(),
                    text.length(),
                    text.lines().count(),
                    tasks,
                    parse[rounds / 2] / 1e6,
                    parse[rounds * 9 / 10] / 1e6,
                    cpu[rounds / 2] / 1e6,
                    tasks,
                    lookups[rounds / 2] / 1e6);
        }
    }
}
