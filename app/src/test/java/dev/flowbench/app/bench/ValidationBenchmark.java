package dev.flowbench.app.bench;

import dev.flowbench.app.workspace.PluginDirectories;
import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.validation.FlowValidator;
import dev.flowbench.schema.validation.ValidationContext;
import dev.flowbench.schema.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Measures parse time and validation time after an edit (one description line rewritten) on generated flows.
 * A benchmark, not a test: run it with {@code bench/validation.sh}.
 */
public final class ValidationBenchmark {
    private ValidationBenchmark() {}

    public static void main(String[] args) throws Exception {
        var validator = new FlowValidator(PluginRegistry.load(PluginDirectories.of(null, List.of())));
        int rounds = Integer.getInteger("rounds", 30);
        System.out.printf(
                "%-16s %8s %12s %12s %14s %14s%n",
                "flow", "lines", "parse p50", "parse p99", "validate p50", "validate p99");
        for (String file : args) {
            String text = Files.readString(Path.of(file));
            for (int i = 0; i < 10; i++) { // warm-up
                validator.validateFlow(YamlDocument.parse(edit(text, i)), ValidationContext.none());
            }
            double[] parse = new double[rounds];
            double[] total = new double[rounds];
            double[] services = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                String edited = edit(text, 100 + i);
                long start = System.nanoTime();
                YamlDocument document = YamlDocument.parse(edited);
                long parsed = System.nanoTime();
                validator.validateFlow(document, ValidationContext.none());
                long validated = System.nanoTime();
                parse[i] = (parsed - start) / 1e6;
                total[i] = (validated - start) / 1e6;
            }
            System.out.printf(
                    "%-16s %8d %10.1fms %10.1fms %12.1fms %12.1fms%n",
                    Path.of(file).getFileName(),
                    text.lines().count(),
                    p(parse, 50),
                    p(parse, 99),
                    p(total, 50),
                    p(total, 99));
        }
    }

    /** The flow with its description's first line changed, as the LSP benchmark's edit does. */
    static String edit(String text, int round) {
        return text.replaceFirst("(?m)^(  Nightly pipeline)", "  Edit " + round + " of the nightly pipeline");
    }

    /** Nearest-rank percentile. */
    static double p(double[] samples, int percentile) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
