package dev.flowbench.runner.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.json.PluginSchemaGenerator;
import dev.flowbench.schema.plugin.PluginKind;
import dev.flowbench.schema.registry.PluginRegistry;
import org.junit.jupiter.api.Test;

/** The runner as flows and the editor see it: Kestra's type id, a task runner, and exactly its properties. */
class BatchDeclarationTest {

    @Test
    void runnerIsRegisteredAsKestrasBatchTaskRunnerWithItsProperties() {
        var plugin = PluginRegistry.builtIn()
                .find("io.kestra.plugin.ee.aws.runner.Batch")
                .orElseThrow();
        assertThat(plugin.kind()).isEqualTo(PluginKind.TASK_RUNNER);
        assertThat(plugin.type()).isEqualTo(BatchRunner.class);
        assertThat(plugin.iconSvg()).contains("<svg");
        var properties = new PluginSchemaGenerator().generate(BatchRunner.class).path("properties");
        assertThat(properties.propertyNames())
                .contains("region", "accessKeyId", "secretKeyId", "endpointOverride", "jobQueueArn", "bucket")
                .doesNotContain("completionLimit", "checkInterval", "deletes");
    }
}
