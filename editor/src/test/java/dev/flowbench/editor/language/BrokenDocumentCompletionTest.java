package dev.flowbench.editor.language;

import static dev.flowbench.editor.language.Fixtures.DOCKER;
import static dev.flowbench.editor.language.Fixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.editor.api.CompletionResult;
import dev.flowbench.schema.yaml.YamlDocument;
import org.junit.jupiter.api.Test;

/**
 * Completion in documents YAML cannot read — what the user is typing is always half-done. Each test first
 * checks that the parser really fails on the text, then that the caret's context is still recovered from the
 * indentation of the lines above.
 */
class BrokenDocumentCompletionTest {
    private static final String HEAD = """
            id: hello
            namespace: company.team
            tasks:
              - id: build
                type: io.kestra.plugin.scripts.shell.Commands
            """;

    private static CompletionResult completeBroken(String marked) {
        CaretText at = CaretText.of(marked);
        assertThat(YamlDocument.parse(at.text()).hasErrors())
                .as("the parser rejects this text")
                .isTrue();
        return Fixtures.FLOWS.complete(at.text(), at.caret());
    }

    @Test
    void aKeyWithoutColonBeingTypedInARunner() {
        CompletionResult result = completeBroken(HEAD + """
                    commands: [make]
                    taskRunner:
                      type: io.kestra.plugin.scripts.runner.docker.Docker
                      pull|
                    containerImage: gcc
                """);

        assertThat(labels(result)).containsExactly("pullPolicy");
    }

    @Test
    void aSyntaxErrorAboveDoesNotBlindCompletionBelow() {
        CompletionResult result = completeBroken(HEAD + """
                    commands: [make
                    description: "never closed]
                  - id: next
                    type: io.kestra.plugin.core.log.Log
                    message: hi
                    taskRunner: : :
                  - id: last
                    type: io.kestra.plugin.scripts.shell.Commands
                    taskRunner:
                      type: io.kestra.plugin.scripts.runner.docker.Docker
                      |
                """);

        assertThat(labels(result)).contains("pullPolicy", "cpu", "memory").doesNotContain("type");
    }

    @Test
    void anEmptyTypeWithNothingAfterItInTheFile() {
        CompletionResult result = completeBroken(
                HEAD + "    commands: [make]\n    description: @reserved\n    taskRunner:\n      type: |");

        assertThat(labels(result)).contains(DOCKER);
    }

    @Test
    void aValueUnderAnUnfinishedKeyOfTheLineAbove() {
        CompletionResult result = completeBroken(HEAD + """
                    commands:
                      - echo {{ inputs.x }}: oops
                    taskRunner:
                      type: io.kestra.plugin.scripts.runner.docker.Docker
                      pullPolicy: |
                  - id: "unterminated
                """);

        assertThat(labels(result)).containsExactly("IF_NOT_PRESENT", "ALWAYS", "NEVER");
    }

    @Test
    void aTabAndADuplicateKeyElsewhere() {
        CompletionResult result = completeBroken(HEAD + """
                    commands: [make]
                \tdescription: tab
                  - id: other
                    type: io.kestra.plugin.core.log.Log
                    type: io.kestra.plugin.core.log.Log
                    lev|
                """);

        assertThat(labels(result)).containsExactly("level", "logLevel");
    }

    @Test
    void aDashWithNothingYetInANestedTaskList() {
        CompletionResult result = completeBroken(HEAD + """
                    commands: [make
                  - id: group
                    type: io.kestra.plugin.core.flow.Sequential
                    tasks:
                      - |
                """);

        assertThat(labels(result)).containsExactly("id", "type");
    }

    @Test
    void anExpressionInAnUnterminatedQuote() {
        CompletionResult result = completeBroken("""
                id: hello
                namespace: company.team
                inputs:
                  - id: user
                    type: STRING
                tasks:
                  - id: log
                    type: io.kestra.plugin.core.log.Log
                    message: "Hello {{ inputs.u|
                """);

        assertThat(labels(result)).containsExactly("user");
    }

    @Test
    void mixedIndentationStillFindsTheEnclosingTask() {
        CompletionResult result = completeBroken(HEAD + """
                    commands: [make]
                      containerImage: misplaced
                     |
                """);

        // the caret sits deeper than the task's keys under a key holding a value: it is read as one of them
        assertThat(labels(result)).contains("taskRunner", "outputFiles").doesNotContain("commands");
    }
}
