package dev.flowbench.app.bench;

import dev.flowbench.app.workspace.PluginDirectories;
import dev.flowbench.schema.defaults.MergedFlow;
import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.validation.FlowValidator;
import dev.flowbench.schema.validation.ValidationContext;
import dev.flowbench.schema.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Measures parse time and validation time, fresh and after an edit (the description of a task halfway down rewritten), on
 * generated flows.
 * A benchmark, not a test: run it with {@code app/validation-benchmark.sh}.
 */
public final class ValidationBenchmark {
    private ValidationBenchmark() {}

    public static void main(String[] args) throws Exception {
        var registry = PluginRegistry.load(PluginDirectories.of(null, List.of()));
        int rounds = Integer.getInteger("rounds", 30);
        System.out.println("load average at start: "
                + java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.printf(
                "%-16s %8s %18s %18s %18s %18s%n",
                "flow", "lines", "full parse", "parse after edit", "validate, full", "validate after edit");
        for (String file : args) {
            String text = Files.readString(Path.of(file));
            var validator = new FlowValidator(registry);
            ValidationContext context = ValidationContext.none();
            YamlDocument previous = null;
            MergedFlow merged = null;
            for (int i = 0; i < 10; i++) { // warm-up, both ways
                String edited = edit(text, i);
                validator.validateFlow(YamlDocument.parse(edited), context);
                previous = YamlDocument.parse(edited, previous);
                merged = context.merge(previous, merged);
                validator.validateFlow(previous, context, merged);
            }
            double[] fullParse = new double[rounds];
            double[] editParse = new double[rounds];
            double[] fullValidate = new double[rounds];
            double[] editValidate = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                String edited = edit(text, 100 + i);
                long start = System.nanoTime();
                YamlDocument fresh = YamlDocument.parse(edited);
                long parsed = System.nanoTime();
                new FlowValidator(registry).validateFlow(fresh, context);
                long validated = System.nanoTime();
                fullParse[i] = (parsed - start) / 1e6;
                fullValidate[i] = (validated - start) / 1e6;

                String next = edit(text, 1_000 + i);
                start = System.nanoTime();
                YamlDocument document = YamlDocument.parse(next, previous);
                parsed = System.nanoTime();
                MergedFlow nextMerged = context.merge(document, merged);
                validator.validateFlow(document, context, nextMerged);
                validated = System.nanoTime();
                previous = document;
                merged = nextMerged;
                editParse[i] = (parsed - start) / 1e6;
                editValidate[i] = (validated - start) / 1e6;
            }
            System.out.printf(
                    "%-16s %8d %18s %18s %18s %18s%n",
                    Path.of(file).getFileName(),
                    text.lines().count(),
                    both(fullParse),
                    both(editParse),
                    both(fullValidate),
                    both(editValidate));
        }
        System.out.println("(ms p50 / p99; \"full\": a fresh parser and validator, as on opening a file;"
                + " \"after edit\": reusing the previous version's parse, merge and findings, as the editor and"
                + " the language server do)");
    }

    private static String both(double[] samples) {
        return String.format(java.util.Locale.ROOT, "%.1f / %.1f", p(samples, 50), p(samples, 99));
    }

    /** The flow with the description of a task halfway down rewritten, as the LSP benchmark's edit does. */
    static String edit(String text, int round) {
        int at = text.indexOf("\n    description: ", text.length() / 2) + 1;
        int end = text.indexOf('\n', at);
        return text.substring(0, at) + "    description: Edited by the benchmark (rev " + round + ")"
                + text.substring(end);
    }

    /** Nearest-rank percentile. */
    static double p(double[] samples, int percentile) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
