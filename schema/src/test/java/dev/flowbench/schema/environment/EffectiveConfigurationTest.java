package dev.flowbench.schema.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.defaults.EffectiveTask;
import dev.flowbench.schema.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's promise: the same flow file runs on Docker in dev and on Kubernetes in prod, without edits. */
class EffectiveConfigurationTest {
    private static final Path WORKSPACE = Path.of("..", "assets", "workspace");

    /** A script task with only containerImage and commands, and a task no script default concerns. */
    private static final YamlDocument FLOW = YamlDocument.parse("""
            id: hello
            namespace: company.team
            tasks:
              - id: greet
                type: io.kestra.plugin.scripts.shell.Commands
                containerImage: local/busybox:1
                commands:
                  - echo hello
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: done
            """);

    private static EffectiveTask greet(String environment) throws IOException {
        return EffectiveConfiguration.effective(FLOW, "greet", Environment.load(WORKSPACE, environment))
                .orElseThrow();
    }

    @Test
    void devRunsScriptTasksInDockerPullingOnlyWhenNeeded() throws IOException {
        EffectiveTask greet = greet("dev");

        assertThat(greet.values())
                .isEqualTo(Map.of(
                        "id", "greet",
                        "type", "io.kestra.plugin.scripts.shell.Commands",
                        "containerImage", "local/busybox:1",
                        "commands", List.of("echo hello"),
                        "taskRunner",
                                Map.of(
                                        "type",
                                        "io.kestra.plugin.scripts.runner.docker.Docker",
                                        "pullPolicy",
                                        "IF_NOT_PRESENT",
                                        "cpu",
                                        Map.of("cpus", 1L),
                                        "memory",
                                        Map.of("memory", "512Mi"))));
        assertThat(greet.origin("/taskRunner/pullPolicy").orElseThrow().describe())
                .isEqualTo("instance default #1 in environments/dev.yaml, line 7");
        assertThat(greet.origin("/containerImage").orElseThrow().describe()).isEqualTo("task itself, line 6");
    }

    @Test
    void prodRunsScriptTasksAsKubernetesPodsWithSecretBackedCredentials() throws IOException {
        EffectiveTask greet = greet("prod");

        @SuppressWarnings("unchecked")
        var runner = (Map<String, Object>) greet.values().get("taskRunner");
        assertThat(runner)
                .containsEntry("type", "io.kestra.plugin.ee.kubernetes.runner.Kubernetes")
                .containsEntry("namespace", "company.team")
                .containsEntry("pullPolicy", "ALWAYS")
                .containsEntry("resources", Map.of("request", Map.of("cpu", "500m", "memory", "256Mi")));
        assertThat(runner.get("config"))
                .isEqualTo(Map.of(
                        "username", "{{ secret('K8S_USERNAME') }}",
                        "masterUrl", "{{ secret('K8S_MASTER_URL') }}",
                        "caCert", "{{ secret('K8S_CA_CERT') }}",
                        "clientCert", "{{ secret('K8S_CLIENT_CERT') }}",
                        "clientKey", "{{ secret('K8S_CLIENT_KEY') }}"));
        var origin = greet.origin("/taskRunner/resources/request/cpu").orElseThrow();
        assertThat(origin.file()).isEqualTo("environments/prod.yaml");
        assertThat(origin.pointer()).isEqualTo("/pluginDefaults/0/values/taskRunner/resources/request/cpu");
        assertThat(origin.valueRange().orElseThrow().start().line() + 1).isEqualTo(17);
    }

    @Test
    void theSameFlowNeedsNoEditsAndLeavesOtherTasksAlone() throws IOException {
        var dev = EffectiveConfiguration.merge(FLOW, Environment.load(WORKSPACE, "dev"));
        var prod = EffectiveConfiguration.merge(FLOW, Environment.load(WORKSPACE, "prod"));

        assertThat(dev.task("log").orElseThrow().values())
                .isEqualTo(prod.task("log").orElseThrow().values())
                .doesNotContainKey("taskRunner");
        assertThat(FLOW.diagnostics()).isEmpty();
        assertThat(EffectiveConfiguration.effective(FLOW, "greet", null)
                        .orElseThrow()
                        .values())
                .as("no environment, no runner")
                .doesNotContainKey("taskRunner");
    }

    @Test
    void theExampleWorkspaceFlowGetsTheRunnerOfEachEnvironment() throws IOException {
        var flow = YamlDocument.parse(Files.readAllBytes(WORKSPACE.resolve("flows/hello.yaml")));

        for (String environment : Environment.names(WORKSPACE)) {
            var greet = EffectiveConfiguration.effective(flow, "greet", Environment.load(WORKSPACE, environment))
                    .orElseThrow();
            assertThat(greet.values()).as(environment).containsKey("taskRunner");
        }
        assertThat(Environment.names(WORKSPACE)).contains("dev", "prod");
    }
}
