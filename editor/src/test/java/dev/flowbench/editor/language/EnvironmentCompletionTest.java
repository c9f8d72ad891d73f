package dev.flowbench.editor.language;

import static dev.flowbench.editor.language.Fixtures.DOCKER;
import static dev.flowbench.editor.language.Fixtures.ENVIRONMENTS;
import static dev.flowbench.editor.language.Fixtures.complete;
import static dev.flowbench.editor.language.Fixtures.item;
import static dev.flowbench.editor.language.Fixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.editor.api.CompletionResult;
import org.junit.jupiter.api.Test;

/** Completion in environment files: pluginDefaults values are completed against the type they target. */
class EnvironmentCompletionTest {
    @Test
    void theRootOffersTheEnvironmentKeys() {
        assertThat(labels(complete(ENVIRONMENTS, "description: dev\n|\n")))
                .containsExactly("pluginDefaults", "tenants", "namespaces", "secrets", "tenant");
    }

    @Test
    void aPrefixTypeOffersTheUnionOfWhatItsPluginsAccept() {
        CompletionResult result = complete(ENVIRONMENTS, """
                pluginDefaults:
                  - type: io.kestra.plugin.scripts
                    values:
                      |
                """);

        // shell and python, commands and script: their shared and their own properties, never id or type
        assertThat(labels(result))
                .contains("taskRunner", "containerImage", "commands", "script", "beforeCommands", "timeout")
                .doesNotContain("id", "type", "message");
        assertThat(result.items()).noneMatch(i -> i.detail().contains("required"));
    }

    @Test
    void anExactTypeOffersThatPluginsProperties() {
        CompletionResult result = complete(ENVIRONMENTS, """
                pluginDefaults:
                  - type: io.kestra.plugin.ee.aws.runner.Batch
                    values:
                      region: us-east-1
                      |
                """);

        assertThat(labels(result))
                .contains("accessKeyId", "secretKeyId", "jobQueueArn")
                .doesNotContain("region");
    }

    @Test
    void aRunnerInsideDefaultValuesIsCompletedByItsOwnType() {
        String runner = """
                pluginDefaults:
                  - type: io.kestra.plugin.scripts
                    values:
                      taskRunner:
                        type: io.kestra.plugin.scripts.runner.docker.Docker
                """;

        assertThat(labels(complete(ENVIRONMENTS, runner + "        |\n"))).contains("pullPolicy", "cpu", "memory");
        assertThat(labels(complete(ENVIRONMENTS, runner + "        pullPolicy: |\n")))
                .containsExactly("IF_NOT_PRESENT", "ALWAYS", "NEVER");
        assertThat(labels(complete(ENVIRONMENTS, runner.replace(DOCKER + "\n", "|\n"))))
                .contains(DOCKER, "io.kestra.plugin.ee.aws.runner.Batch")
                .doesNotContain("io.kestra.plugin.scripts.shell.Commands");
        assertThat(labels(complete(ENVIRONMENTS, runner.replace(DOCKER + "\n", "kube|\n"))))
                .containsExactly("io.kestra.plugin.ee.kubernetes.runner.Kubernetes");
    }

    @Test
    void theTypeOfAnEntryOffersPluginTypesAndSharedPrefixes() {
        CompletionResult result = complete(ENVIRONMENTS, "pluginDefaults:\n  - type: scripts|\n");

        assertThat(labels(result))
                .contains("io.kestra.plugin.scripts", "io.kestra.plugin.scripts.shell.Commands", DOCKER);
        assertThat(item(result, "io.kestra.plugin.scripts").detail()).startsWith("prefix · ");
        assertThat(item(result, "io.kestra.plugin.scripts").insertText())
                .isEqualTo("io.kestra.plugin.scripts\n  values:\n    $0");
    }

    @Test
    void namespaceLevelDefaultsAreCompletedToo() {
        CompletionResult result = complete(ENVIRONMENTS, """
                namespaces:
                  company.team:
                    pluginDefaults:
                      - type: io.kestra.plugin.ee.kubernetes.runner.Kubernetes
                        values:
                          resources:
                            |
                """);

        assertThat(labels(result)).containsExactly("request", "limit");
    }

    @Test
    void secretsInDefaultValuesComeFromTheEnvironment() {
        CompletionResult result = complete(ENVIRONMENTS, """
                pluginDefaults:
                  - type: io.kestra.plugin.ee.aws.runner.Batch
                    values:
                      accessKeyId: "{{ secret('AWS|') }}"
                """);

        assertThat(labels(result)).containsExactly("AWS_ACCESS_KEY_ID");
    }

    @Test
    void flowLevelPluginDefaultsAreCompletedTheSameWay() {
        CompletionResult result = complete("""
                id: x
                namespace: y
                pluginDefaults:
                  - type: io.kestra.plugin.scripts.runner.docker.Docker
                    values:
                      memory:
                        |
                """);

        assertThat(labels(result)).contains("memory", "memorySwap");
    }
}
