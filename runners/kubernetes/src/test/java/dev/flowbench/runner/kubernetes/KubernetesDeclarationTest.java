package dev.flowbench.runner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.json.PluginSchemaGenerator;
import dev.flowbench.schema.plugin.PluginKind;
import dev.flowbench.schema.registry.PluginRegistry;
import org.junit.jupiter.api.Test;

/** The runner as flows and the editor see it: Kestra's type id, a task runner, and exactly its properties. */
class KubernetesDeclarationTest {

    @Test
    void runnerIsRegisteredAsKestrasKubernetesTaskRunnerWithItsProperties() {
        var plugin = PluginRegistry.builtIn()
                .find("io.kestra.plugin.ee.kubernetes.runner.Kubernetes")
                .orElseThrow();
        assertThat(plugin.kind()).isEqualTo(PluginKind.TASK_RUNNER);
        assertThat(plugin.type()).isEqualTo(KubernetesRunner.class);
        assertThat(plugin.iconSvg()).contains("<svg");
        var properties =
                new PluginSchemaGenerator().generate(KubernetesRunner.class).path("properties");
        assertThat(properties.propertyNames())
                .contains("config", "namespace", "pullPolicy", "resources", "waitUntilRunning", "filesImage")
                .doesNotContain("runningLimit", "completionLimit", "logsGrace", "deletes");
        assertThat(properties.path("pullPolicy").toString())
                .contains("IF_NOT_PRESENT")
                .contains("IfNotPresent");
    }
}
