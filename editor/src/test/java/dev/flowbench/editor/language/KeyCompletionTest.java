package dev.flowbench.editor.language;

import static dev.flowbench.editor.language.Fixtures.complete;
import static dev.flowbench.editor.language.Fixtures.item;
import static dev.flowbench.editor.language.Fixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.editor.api.CompletionItem;
import dev.flowbench.editor.api.CompletionResult;
import org.junit.jupiter.api.Test;

/** Key completion at a {@code |} caret: the properties of whatever mapping the caret is in. */
class KeyCompletionTest {
    private static final String HEAD = """
            id: hello
            namespace: company.team
            tasks:
              - id: greet
                type: io.kestra.plugin.scripts.shell.Commands
            """;

    @Test
    void aTaskOffersItsPropertiesRequiredFirstWithoutThoseAlreadyWritten() {
        CompletionResult result = complete(HEAD + """
                    containerImage: ubuntu:24.04
                    |
                """);

        assertThat(labels(result).getFirst()).isEqualTo("commands");
        assertThat(labels(result))
                .contains("taskRunner", "beforeCommands", "outputFiles", "timeout", "retry")
                .doesNotContain("id", "type", "containerImage");
        CompletionItem commands = item(result, "commands");
        assertThat(commands.kind()).isEqualTo(CompletionItem.Kind.PROPERTY);
        assertThat(commands.detail()).isEqualTo("list of string, required · The shell commands to run, in order.");
        assertThat(commands.insertText()).isEqualTo("commands:\n  - $0");
        assertThat(item(result, "failFast").detail()).startsWith("boolean · Stop at the first failing command");
    }

    @Test
    void aHalfTypedKeyFiltersByAnyPartAndReplacesTheWord() {
        CaretText at = CaretText.of(HEAD + "    contImage: x\n    image|\n");

        CompletionResult result = Fixtures.FLOWS.complete(at.text(), at.caret());

        assertThat(labels(result)).containsExactly("containerImage");
        assertThat(result.replaceStart()).isEqualTo(at.caret() - "image".length());
        assertThat(item(result, "containerImage").insertText()).isEqualTo("containerImage: $0");
    }

    @Test
    void renamingAnExistingKeyInsertsOnlyTheName() {
        CompletionResult result = complete(HEAD + "    failF|: true\n");

        assertThat(item(result, "failFast").insertText()).isEqualTo("failFast");
    }

    @Test
    void aTaskRunnerOffersTheRunnersPropertiesNotTheTasks() {
        CompletionResult result = complete(HEAD + """
                    taskRunner:
                      type: io.kestra.plugin.scripts.runner.docker.Docker
                      pullPolicy: ALWAYS
                      |
                """);

        assertThat(labels(result))
                .contains("cpu", "memory", "volumes", "credentials", "killGracePeriod")
                .doesNotContain("type", "pullPolicy", "containerImage", "commands");
        assertThat(item(result, "cpu").insertText()).isEqualTo("cpu:\n  $0");
        assertThat(item(result, "cpu").documentation()).contains("Property of Docker task runner");
    }

    @Test
    void nestedObjectsOfARunnerOfferTheirOwnProperties() {
        String docker = HEAD + """
                    taskRunner:
                      type: io.kestra.plugin.scripts.runner.docker.Docker
                      cpu:
                        |
                """;
        assertThat(labels(complete(docker))).containsExactly("cpus");

        String memory = HEAD + """
                    taskRunner:
                      type: io.kestra.plugin.scripts.runner.docker.Docker
                      memory:
                        memory: 512Mi
                        |
                """;
        assertThat(labels(complete(memory))).contains("memorySwap").doesNotContain("memory");
    }

    @Test
    void kubernetesResourcesRequestAndConfigAreCompleted() {
        String runner = HEAD + """
                    taskRunner:
                      type: io.kestra.plugin.ee.kubernetes.runner.Kubernetes
                """;

        assertThat(labels(complete(runner + "      resources:\n        |\n"))).containsExactly("request", "limit");
        assertThat(labels(complete(runner + "      resources:\n        request:\n          |\n")))
                .contains("cpu", "memory");
        assertThat(labels(complete(runner + "      config:\n        |\n"))).contains("masterUrl", "username", "caCert");
    }

    @Test
    void aNewListItemOfTasksOffersIdAndTypeFirst() {
        CompletionResult result = complete(HEAD + "    commands: [ls]\n  - |\n");

        assertThat(labels(result)).containsExactly("id", "type");
        assertThat(item(result, "id").detail()).startsWith("string, required");
    }

    @Test
    void aTaskWithoutTypeYetOffersTheTypeKey() {
        CompletionResult result = complete(HEAD + "    commands: [ls]\n  - id: next\n    |\n");

        assertThat(labels(result)).containsExactly("type");
        assertThat(item(result, "type").insertText()).isEqualTo("type: $0");
    }

    @Test
    void theFlowRootOffersTheFlowsKeys() {
        CompletionResult result = complete("id: hello\nnamespace: company.team\n|\n");

        assertThat(labels(result).getFirst()).isEqualTo("tasks");
        assertThat(labels(result))
                .contains("inputs", "variables", "pluginDefaults", "errors", "labels")
                .doesNotContain("id", "namespace");
        assertThat(item(result, "tasks").insertText()).isEqualTo("tasks:\n  - id: $1\n    type: $0");
    }

    @Test
    void nestedTasksOfAFlowableTaskAreTasks() {
        CompletionResult result = complete(HEAD + """
                    commands: [ls]
                  - id: group
                    type: io.kestra.plugin.core.flow.Sequential
                    tasks:
                      - id: inner
                        type: io.kestra.plugin.core.log.Log
                        |
                """);

        assertThat(labels(result).getFirst()).isEqualTo("message");
        assertThat(labels(result)).contains("level").doesNotContain("tasks");
    }

    @Test
    void retryOffersItsOwnPropertiesAsANestedObject() {
        CompletionResult result = complete(HEAD + "    retry:\n      type: constant\n      |\n");

        assertThat(labels(result).getFirst()).isEqualTo("interval");
        assertThat(labels(result)).contains("maxAttempts").doesNotContain("type");
    }

    @Test
    void freeFormMapsOfferNoKeys() {
        assertThat(complete(HEAD + "    env:\n      |\n").items()).isEmpty();
        assertThat(complete("id: x\nvariables:\n  |\n").items()).isEmpty();
    }
}
