package dev.flowbench.editor.language;

import dev.flowbench.editor.api.CompletionItem;
import dev.flowbench.editor.api.CompletionResult;
import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.validation.ValidationContext;
import java.util.List;
import java.util.Set;

/** The registry (built-in tasks plus the real Docker, Kubernetes and Batch runners) and languages the tests share. */
final class Fixtures {
    static final PluginRegistry REGISTRY = PluginRegistry.builtIn();

    static final ValidationContext DEV =
            new ValidationContext("dev", Set.of("K8S_TOKEN", "AWS_ACCESS_KEY_ID", "DB_PASSWORD"), null);

    static final FlowLanguage FLOWS = FlowLanguage.forFlows(REGISTRY, () -> DEV);

    static final FlowLanguage ENVIRONMENTS = FlowLanguage.forEnvironments(REGISTRY, () -> DEV);

    static final String DOCKER = "io.kestra.plugin.scripts.runner.docker.Docker";
    static final String KUBERNETES = "io.kestra.plugin.ee.kubernetes.runner.Kubernetes";
    static final String BATCH = "io.kestra.plugin.ee.aws.runner.Batch";
    static final String PROCESS = "io.kestra.plugin.core.runner.Process";
    static final String SHELL = "io.kestra.plugin.scripts.shell.Commands";
    static final String LOG = "io.kestra.plugin.core.log.Log";

    private Fixtures() {}

    static CompletionResult complete(FlowLanguage language, String marked) {
        CaretText at = CaretText.of(marked);
        return language.complete(at.text(), at.caret());
    }

    static CompletionResult complete(String marked) {
        return complete(FLOWS, marked);
    }

    static List<String> labels(CompletionResult result) {
        return result.items().stream().map(CompletionItem::label).toList();
    }

    static CompletionItem item(CompletionResult result, String label) {
        return result.items().stream()
                .filter(i -> i.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item " + label + " in " + labels(result)));
    }
}
