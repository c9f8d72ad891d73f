package dev.flowbench.schema.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.plugin.PluginKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {
    private final PluginRegistry registry = PluginRegistry.builtIn();

    @Test
    void builtInTasksAreFoundByTheirKestraTypeIds() {
        assertThat(registry.ofKind(PluginKind.TASK))
                .extracting(PluginDescriptor::id)
                .contains(
                        "io.kestra.plugin.scripts.shell.Commands",
                        "io.kestra.plugin.scripts.shell.Script",
                        "io.kestra.plugin.scripts.python.Commands",
                        "io.kestra.plugin.scripts.python.Script",
                        "io.kestra.plugin.core.log.Log",
                        "io.kestra.plugin.core.flow.Sequential",
                        "io.kestra.plugin.core.flow.Parallel",
                        "io.kestra.plugin.core.flow.ForEach",
                        "io.kestra.plugin.core.flow.If",
                        "io.kestra.plugin.core.flow.WorkingDirectory");
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void aPrefixMatchesEveryTypeStartingWithIt() {
        assertThat(registry.matching("io.kestra.plugin.scripts"))
                .extracting(PluginDescriptor::id)
                .allMatch(id -> id.startsWith("io.kestra.plugin.scripts"))
                .contains("io.kestra.plugin.scripts.shell.Commands", "io.kestra.plugin.scripts.python.Script");
        assertThat(registry.matching("io.kestra.plugin.core.log.Log"))
                .extracting(PluginDescriptor::id)
                .containsExactly("io.kestra.plugin.core.log.Log");
    }

    @Test
    void missingPluginFoldersAreSkippedSilently() {
        var loaded = PluginRegistry.load(List.of(Path.of("no-such-folder-anywhere")));

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.plugins()).hasSameSizeAs(registry.plugins());
    }

    @Test
    void taskSchemasCarryTheCommonTaskPropertiesAndPinTheirType() {
        var schema =
                registry.find("io.kestra.plugin.core.log.Log").orElseThrow().schema();

        assertThat(schema.at("/properties/type/const").asString()).isEqualTo("io.kestra.plugin.core.log.Log");
        assertThat(schema.at("/properties").propertyNames()).contains("id", "timeout", "retry", "message", "level");
        assertThat(schema.at("/required").toString()).contains("\"id\"", "\"type\"", "\"message\"");
        assertThat(schema.at("/additionalProperties").asBoolean()).isFalse();
        assertThat(schema.at("/properties/level/enum").toString()).contains("INFO", "ERROR");
    }

    @Test
    void scriptTasksInheritSharedPropertyDocsAndExposeTheRunnerSlot() {
        var schema = registry.find("io.kestra.plugin.scripts.shell.Commands")
                .orElseThrow()
                .schema();

        assertThat(schema.at("/properties/containerImage/markdownDescription").asString())
                .contains("belongs to the task, not the runner");
        assertThat(schema.at("/properties/taskRunner/x-slot").asString()).isEqualTo("TASK_RUNNER");
        assertThat(schema.at("/properties/failFast/default").asBoolean()).isTrue();
    }
}
