package dev.flowbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.validation.FlowValidator;
import dev.flowbench.schema.validation.ValidationContext;
import dev.flowbench.schema.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The example flows the engine runs are also valid for the editor and {@code flowbench validate}. */
class ExampleFlowsValidTest {

    @Test
    void everyExampleFlowValidatesWithoutErrors() throws Exception {
        FlowValidator validator = new FlowValidator(PluginRegistry.builtIn());
        String broken = "id: b\nnamespace: company.team\ntasks:\n  - id: x\n    type: io.kestra.plugin.core.log.Log\n";
        assertThat(validator.validateFlow(YamlDocument.parse(broken), ValidationContext.none()))
                .as("the validator catches a Log task without its message")
                .anyMatch(d -> d.severity() == dev.flowbench.schema.diagnostic.Severity.ERROR);
        try (Stream<Path> files = Files.list(Flows.exampleWorkspace().resolve("flows"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                List<Diagnostic> problems =
                        validator.validateFlow(YamlDocument.parse(Files.readString(file)), ValidationContext.none());
                assertThat(problems)
                        .as(file.getFileName().toString())
                        .filteredOn(d -> d.severity() == dev.flowbench.schema.diagnostic.Severity.ERROR)
                        .isEmpty();
            }
        }
    }
}
