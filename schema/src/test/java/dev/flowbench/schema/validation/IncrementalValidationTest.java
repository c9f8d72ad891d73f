package dev.flowbench.schema.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.defaults.MergedFlow;
import dev.flowbench.schema.defaults.ValueOrigin;
import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.environment.Environment;
import dev.flowbench.schema.fuzz.FlowMutator;
import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An editing session validates each version with the previous version's parse, merge and findings at hand;
 * whatever it reuses, it must report exactly what a fresh validator reports on a fresh parse.
 */
class IncrementalValidationTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.builtIn();

    @Test
    void editingSessionsReportWhatAFreshValidationReports() throws IOException {
        Environment dev = Environment.load(Path.of("..", "assets", "workspace"), "dev");
        List<ValidationContext> contexts = List.of(
                ValidationContext.none(),
                ValidationContext.of(dev, Set.of("K8S_USERNAME")),
                new ValidationContext("prod", Set.of(), null));
        Random random = new Random(Long.getLong("flowbench.fuzz.seed", 11L));
        List<String> corpus = new ArrayList<>(FlowMutator.corpus());
        corpus.add(generatedFlow(60));
        for (int session = 0; session < 150; session++) {
            ValidationContext context = contexts.get(session % contexts.size());
            FlowValidator validator = new FlowValidator(REGISTRY);
            String text = corpus.get(random.nextInt(corpus.size()));
            YamlDocument document = null;
            MergedFlow merged = null;
            for (int edit = 0; edit < 25; edit++) {
                document = YamlDocument.parse(text, document);
                merged = context.merge(document, merged);
                List<Diagnostic> incremental = validator.validateFlow(document, context, merged);

                YamlDocument fresh = YamlDocument.parse(text);
                MergedFlow freshMerged = context.merge(fresh);
                String label = "session " + session + ", edit " + edit + ":\n" + text;
                assertThat(incremental).as(label).isEqualTo(new FlowValidator(REGISTRY).validateFlow(fresh, context));
                assertThat(merged.flow()).as(label).isEqualTo(freshMerged.flow());
                for (String taskId : freshMerged.taskIds()) {
                    var origins = merged.task(taskId).orElseThrow().origins();
                    var expected = freshMerged.task(taskId).orElseThrow().origins();
                    assertThat(describe(origins)).as(label).isEqualTo(describe(expected));
                }
                text = random.nextInt(4) == 0 ? FlowMutator.mutateOnce(text, random) : typeInto(text, random);
            }
        }
    }

    /** Origins as text: the entry, the pointer, and the text of the document they point into. */
    private static Map<String, String> describe(Map<String, ValueOrigin> origins) {
        var described = new java.util.TreeMap<String, String>();
        origins.forEach((pointer, origin) -> described.put(
                pointer,
                (origin.entry() == null ? "flow" : origin.entry().describe()) + " " + origin.pointer() + " "
                        + origin.valueRange().map(Object::toString).orElse("-")));
        return described;
    }

    /** A small edit inside a value, as typing does: the kind that keeps the rest of the flow reusable. */
    private static String typeInto(String text, Random random) {
        List<Integer> colons = new ArrayList<>();
        for (int at = text.indexOf(": "); at >= 0; at = text.indexOf(": ", at + 1)) {
            colons.add(at + 2);
        }
        if (colons.isEmpty()) {
            return text + "x";
        }
        int at = colons.get(random.nextInt(colons.size()));
        String[] typed = {"x", "9", "{{ outputs.a.vars.b }}", "{{ inputs.name }}", "ALWAYS", "true", "\n  "};
        return text.substring(0, at) + typed[random.nextInt(typed.length)] + text.substring(at);
    }

    private static String generatedFlow(int tasks) {
        var flow = new StringBuilder("id: generated\nnamespace: company.team\ndescription: |\n  Many tasks.\n");
        flow.append("inputs:\n  - id: name\n    type: STRING\ntasks:\n");
        for (int i = 0; i < tasks; i++) {
            switch (i % 3) {
                case 0 ->
                    flow.append("  - id: log_")
                            .append(i)
                            .append("\n    type: io.kestra.plugin.core.log.Log\n    message: hi {{ inputs.name }}\n");
                case 1 ->
                    flow.append("  - id: shell_")
                            .append(i)
                            .append("\n    type: io.kestra.plugin.scripts.shell.Commands\n")
                            .append("    containerImage: local/busybox:1\n    commands:\n      - echo ")
                            .append("{{ outputs.log_")
                            .append(i - 1)
                            .append(".vars }}\n");
                default ->
                    flow.append("  - id: runner_")
                            .append(i)
                            .append(
                                    "\n    type: io.kestra.plugin.scripts.shell.Commands\n    commands:\n      - true\n")
                            .append("    taskRunner:\n      type: io.kestra.plugin.scripts.runner.docker.Docker\n")
                            .append("      pullPolicy: NEVER\n");
            }
        }
        flow.append("pluginDefaults:\n  - type: io.kestra.plugin.scripts\n    values:\n      taskRunner:\n")
                .append("        type: io.kestra.plugin.scripts.runner.docker.Docker\n        pullPolicy: ALWAYS\n");
        return flow.toString();
    }
}
