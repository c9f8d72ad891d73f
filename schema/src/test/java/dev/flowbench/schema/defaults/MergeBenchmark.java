package dev.flowbench.schema.defaults;

import dev.flowbench.schema.environment.EffectiveConfiguration;
import dev.flowbench.schema.environment.Environment;
import dev.flowbench.schema.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measures applying pluginDefaults (the flow's own and an environment's) to the flows given as arguments,
 * after parsing them once: median and 90th percentile of wall time, median of thread CPU time. A benchmark,
 * not a test: run it by hand.
 *
 * <p>Arguments: a workspace folder, an environment name, then flow files.
 */
public final class MergeBenchmark {
    private MergeBenchmark() {}

    public static void main(String[] args) throws IOException {
        Environment environment = Environment.load(Path.of(args[0]), args[1]);
        for (String file : Arrays.asList(args).subList(2, args.length)) {
            YamlDocument flow = YamlDocument.parse(Files.readString(Path.of(file)));
            int rounds = flow.text().length() > 500_000 ? 60 : 300;
            for (int i = 0; i < rounds; i++) {
                EffectiveConfiguration.merge(flow, environment);
            }
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long[] times = new long[rounds];
            long[] cpu = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                MergedFlow merged = EffectiveConfiguration.merge(flow, environment);
                merged.origin("/tasks/3/taskRunner/type");
                times[i] = System.nanoTime() - start;
                cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            }
            Arrays.sort(times);
            Arrays.sort(cpu);
            System.out.printf(
                    Locale.ROOT,
                    "%s with %s: merge p50 %.1f ms, p90 %.1f ms, CPU p50 %.1f ms%n",
                    Path.of(file).getFileName(),
                    environment.name(),
                    times[rounds / 2] / 1e6,
                    times[rounds * 9 / 10] / 1e6,
                    cpu[rounds / 2] / 1e6);
        }
    }
}
