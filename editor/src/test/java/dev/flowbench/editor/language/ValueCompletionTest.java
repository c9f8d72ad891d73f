package dev.flowbench.editor.language;

import static dev.flowbench.editor.language.Fixtures.DOCKER;
import static dev.flowbench.editor.language.Fixtures.KUBERNETES;
import static dev.flowbench.editor.language.Fixtures.complete;
import static dev.flowbench.editor.language.Fixtures.item;
import static dev.flowbench.editor.language.Fixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.editor.api.CompletionItem;
import dev.flowbench.editor.api.CompletionResult;
import dev.flowbench.editor.edit.Snippet;
import org.junit.jupiter.api.Test;

/** Value completion at a {@code |} caret: enum values, booleans, defaults, and the types a slot accepts. */
class ValueCompletionTest {
    private static final String TASK = """
            id: hello
            namespace: company.team
            tasks:
              - id: greet
                type: io.kestra.plugin.scripts.shell.Commands
                commands: [ls]
            """;

    private static final String DOCKER_RUNNER = TASK + """
                taskRunner:
                  type: io.kestra.plugin.scripts.runner.docker.Docker
            """;

    @Test
    void anEnumPropertyOffersItsValuesWithTheDefaultMarked() {
        CompletionResult result = complete(DOCKER_RUNNER + "      pullPolicy: |\n");

        assertThat(labels(result)).containsExactly("IF_NOT_PRESENT", "ALWAYS", "NEVER");
        assertThat(item(result, "IF_NOT_PRESENT").detail()).isEqualTo("default");
        assertThat(item(result, "ALWAYS").kind()).isEqualTo(CompletionItem.Kind.ENUM_VALUE);
    }

    @Test
    void aTypedPrefixFiltersEnumValuesAndIsReplaced() {
        CaretText at = CaretText.of(DOCKER_RUNNER + "      pullPolicy: AL|\n");

        CompletionResult result = Fixtures.FLOWS.complete(at.text(), at.caret());

        assertThat(labels(result)).containsExactly("ALWAYS");
        assertThat(result.replaceStart()).isEqualTo(at.caret() - 2);
    }

    @Test
    void aValueRightAfterTheColonGetsItsSpace() {
        CompletionResult result = complete(DOCKER_RUNNER + "      pullPolicy:|\n");

        assertThat(item(result, "ALWAYS").insertText()).isEqualTo(" ALWAYS");
    }

    @Test
    void aBooleanPropertyOffersTrueAndFalse() {
        CompletionResult result = complete(DOCKER_RUNNER + "      delete: |\n");

        assertThat(labels(result)).containsExactly("true", "false");
        assertThat(item(result, "true").detail()).isEqualTo("default");
    }

    @Test
    void aPlainPropertyOffersItsDefaultThenExamples() {
        CompletionResult result = complete(DOCKER_RUNNER + "      killGracePeriod: |\n");

        assertThat(labels(result)).containsExactly("PT10S", "PT0S", "PT30S");
        assertThat(item(result, "PT10S").detail()).isEqualTo("default");
        assertThat(item(result, "PT30S").detail()).isEqualTo("example");
    }

    @Test
    void aPropertyWithNothingWorthProposingGetsAnEmptyAnswer() {
        assertThat(labels(complete(DOCKER_RUNNER + "      host: |\n")))
                .containsExactly("unix:///var/run/docker.sock", "tcp://localhost:2375");
        assertThat(complete(TASK + "    description: |\n").items()).isEmpty();
        assertThat(complete(TASK + "    beforeCommands: |\n").items()).isEmpty();
        assertThat(complete(TASK + "    bogus: |\n").items()).isEmpty();
    }

    @Test
    void typeInATaskListOffersOnlyTaskTypes() {
        CompletionResult result = complete(TASK + "  - id: next\n    type: |\n");

        assertThat(labels(result))
                .contains("io.kestra.plugin.core.log.Log", "io.kestra.plugin.scripts.python.Script")
                .doesNotContain(DOCKER, KUBERNETES, "io.kestra.plugin.core.runner.Process");
        assertThat(item(result, "io.kestra.plugin.core.log.Log").kind()).isEqualTo(CompletionItem.Kind.TYPE);
        assertThat(item(result, "io.kestra.plugin.core.log.Log").detail()).isEqualTo("Log a message · task");
    }

    @Test
    void typeUnderTaskRunnerOffersOnlyRunnerTypes() {
        CompletionResult result = complete(TASK + "    taskRunner:\n      type: |\n");

        assertThat(labels(result))
                .containsExactlyInAnyOrder(DOCKER, KUBERNETES, "io.kestra.plugin.ee.aws.runner.Batch");
    }

    @Test
    void anyPartOfTheNameFindsAType() {
        CaretText at = CaretText.of(TASK + "    taskRunner:\n      type: docker|\n");

        CompletionResult result = Fixtures.FLOWS.complete(at.text(), at.caret());

        assertThat(labels(result)).containsExactly(DOCKER);
        assertThat(result.replaceStart()).isEqualTo(at.caret() - "docker".length());
        assertThat(labels(complete(TASK + "    taskRunner:\n      type: batch|\n")))
                .containsExactly("io.kestra.plugin.ee.aws.runner.Batch");
    }

    @Test
    void choosingARunnerTypeInsertsItsRequiredPropertiesWithTabStops() {
        CompletionResult result = complete(TASK + "    taskRunner:\n      type: |\n");

        assertThat(item(result, KUBERNETES).insertText()).isEqualTo(KUBERNETES);
        assertThat(item(result, DOCKER).insertText()).isEqualTo(DOCKER);
        String batch = item(result, "io.kestra.plugin.ee.aws.runner.Batch").insertText();
        assertThat(batch).startsWith("io.kestra.plugin.ee.aws.runner.Batch\n");
        assertThat(batch).contains("${1");
    }

    @Test
    void choosingATaskTypeInsertsItsRequiredPropertiesAndAnIdWhenMissing() {
        CompletionResult withId = complete(TASK + "  - id: next\n    type: |\n");
        assertThat(item(withId, "io.kestra.plugin.core.log.Log").insertText())
                .isEqualTo("io.kestra.plugin.core.log.Log\nmessage: ${1}");
        assertThat(item(withId, "io.kestra.plugin.scripts.shell.Commands").insertText())
                .isEqualTo("io.kestra.plugin.scripts.shell.Commands\ncommands:\n  - ${1:echo hello}");

        // "- type: " is indented 2 but its keys start at column 4: following lines carry the difference
        CompletionResult withoutId = complete(TASK + "  - type: |\n");
        String log = item(withoutId, "io.kestra.plugin.core.log.Log").insertText();
        assertThat(log).isEqualTo("io.kestra.plugin.core.log.Log\n  id: ${1}\n  message: ${2}");
        Snippet inserted = Snippet.parse(log, "  ");
        assertThat(inserted.text()).isEqualTo("io.kestra.plugin.core.log.Log\n    id: \n    message: ");
        assertThat(inserted.stops()).hasSize(2);
    }

    @Test
    void requiredPropertiesAlreadyWrittenAreNotInsertedAgain() {
        CompletionResult result = complete("""
                id: hello
                namespace: company.team
                tasks:
                  - id: log
                    message: hi
                    type: |
                """);

        assertThat(item(result, "io.kestra.plugin.core.log.Log").insertText())
                .isEqualTo("io.kestra.plugin.core.log.Log");
    }

    @Test
    void retryTypeIsAnOrdinaryEnumNotAPluginSlot() {
        CompletionResult result = complete(TASK + "    retry:\n      type: |\n");

        assertThat(labels(result)).containsExactly("constant", "exponential");
    }

    @Test
    void aListItemOfEnumsOrExamplesIsCompleted() {
        assertThat(labels(complete(TASK + "    outputFiles:\n      - |\n"))).containsExactly("*.csv", "out/**");
        assertThat(labels(complete("id: x\ninputs:\n  - id: name\n    type: STR|\n")))
                .containsExactly("STRING");
    }

    @Test
    void anInputTypeIsAnEnumOfInputTypes() {
        CompletionResult result = complete("id: x\nnamespace: y\ninputs:\n  - id: name\n    type: |\n");

        assertThat(labels(result)).contains("STRING", "INT", "BOOLEAN", "SECRET");
    }
}
