package dev.flowbench.editor.language;

import static dev.flowbench.editor.language.Fixtures.complete;
import static dev.flowbench.editor.language.Fixtures.item;
import static dev.flowbench.editor.language.Fixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.editor.api.CompletionItem;
import dev.flowbench.editor.api.CompletionResult;
import dev.flowbench.schema.validation.ValidationContext;
import org.junit.jupiter.api.Test;

/** Completion inside {@code {{ }}} at a {@code |} caret. */
class ExpressionCompletionTest {
    private static final String FLOW = """
            id: hello
            namespace: company.team
            inputs:
              - id: user
                type: STRING
                description: Who runs it
              - id: batchSize
                type: INT
            variables:
              apiUrl: https://api.example.com
              bucket: lake
            tasks:
              - id: extract
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo '::{"outputs":{"rowCount":3,"status":"ok"}}::'
                outputFiles:
                  - rows.csv
                  - "*.log"
              - id: report
                type: io.kestra.plugin.scripts.python.Script
                script: |
                  from kestra import Kestra
                  Kestra.outputs({"rows": 1, "expected": 2})
              - id: use
                type: io.kestra.plugin.core.log.Log
            """;

    private static final String LATER = """
              - id: later
                type: io.kestra.plugin.core.log.Log
                message: done
            """;

    @Test
    void inputsOffersTheFlowsInputsWithTheirTypes() {
        CompletionResult result = complete(FLOW + "    message: \"{{ inputs.| }}\"\n" + LATER);

        assertThat(labels(result)).containsExactly("user", "batchSize");
        assertThat(item(result, "user").detail()).isEqualTo("STRING");
        assertThat(item(result, "user").documentation()).contains("Who runs it");
    }

    @Test
    void outputsOffersOnlyTheTasksBeforeTheCaretNearestFirst() {
        CompletionResult result = complete(FLOW + "    message: \"{{ outputs.| }}\"\n" + LATER);

        assertThat(labels(result)).containsExactly("report", "extract");
        assertThat(item(result, "extract").detail()).isEqualTo("Shell commands");
        assertThat(item(result, "extract").insertText()).isEqualTo("extract.");
    }

    @Test
    void aTaskIdThenOffersWhatTheTaskOutputs() {
        CompletionResult result = complete(FLOW + "    message: \"{{ outputs.extract.| }}\"\n");

        assertThat(labels(result)).containsExactly("vars", "outputFiles", "exitCode");
        assertThat(labels(complete(FLOW + "    message: \"{{ outputs.use.| }}\"\n")))
                .isEmpty();
    }

    @Test
    void varsOfATaskAreWhatItsScriptPrints() {
        assertThat(labels(complete(FLOW + "    message: \"{{ outputs.extract.vars.| }}\"\n")))
                .containsExactly("rowCount", "status");
        assertThat(labels(complete(FLOW + "    message: \"{{ outputs.report.vars.| }}\"\n")))
                .containsExactly("rows", "expected");
    }

    @Test
    void outputFilesOffersTheTasksPlainFileNames() {
        CompletionResult result = complete(FLOW + "    message: \"{{ outputs.extract.outputFiles['| }}\"\n");

        assertThat(labels(result)).containsExactly("rows.csv");
    }

    @Test
    void varsOffersTheFlowsVariablesFilteredByWhatIsTyped() {
        CaretText at = CaretText.of(FLOW + "    message: \"{{ vars.bu| }}\"\n");

        CompletionResult result = Fixtures.FLOWS.complete(at.text(), at.caret());

        assertThat(labels(result)).containsExactly("bucket");
        assertThat(result.replaceStart()).isEqualTo(at.caret() - 2);
    }

    @Test
    void secretOffersTheNamesTheEnvironmentKnowsAndClosesTheCall() {
        CompletionResult open = complete(FLOW + "    message: \"{{ secret('|\n");
        assertThat(labels(open)).containsExactly("AWS_ACCESS_KEY_ID", "DB_PASSWORD", "K8S_TOKEN");
        assertThat(item(open, "K8S_TOKEN").insertText()).isEqualTo("K8S_TOKEN')");
        assertThat(item(open, "K8S_TOKEN").kind()).isEqualTo(CompletionItem.Kind.SECRET);

        CompletionResult closed = complete(FLOW + "    message: \"{{ secret('K8|') }}\"\n");
        assertThat(labels(closed)).containsExactly("K8S_TOKEN");
        assertThat(item(closed, "K8S_TOKEN").insertText()).isEqualTo("K8S_TOKEN");
    }

    @Test
    void withoutAnEnvironmentSecretNamesAreNotGuessed() {
        var language = FlowLanguage.forFlows(Fixtures.REGISTRY, ValidationContext::none);

        CompletionResult result = complete(language, FLOW + "    message: \"{{ secret('|') }}\"\n");

        assertThat(result.items()).isEmpty();
    }

    @Test
    void anEmptyExpressionOffersRootsAndFunctions() {
        CompletionResult result = complete(FLOW + "    message: \"{{ | }}\"\n");

        assertThat(labels(result)).contains("inputs", "outputs", "vars", "flow", "execution", "secret", "now");
        assertThat(item(result, "secret").insertText()).isEqualTo("secret('$1')$0");
        assertThat(item(result, "secret").kind()).isEqualTo(CompletionItem.Kind.FUNCTION);
    }

    @Test
    void afterAPipeFiltersAreOffered() {
        CompletionResult result = complete(FLOW + "    message: \"{{ inputs.user | up| }}\"\n");

        assertThat(labels(result)).containsExactly("upper");
    }

    @Test
    void expressionsInsideBlockScalarsAndListItemsAreCompleted() {
        String script = FLOW.replace("Kestra.outputs", "print('{{ inputs.|')\n      Kestra.outputs");
        assertThat(labels(complete(script))).containsExactly("user", "batchSize");

        assertThat(labels(complete(FLOW + "    message: x\n    env:\n      A: \"{{ flow.|\"\n")))
                .containsExactly("id", "namespace", "revision");
    }

    @Test
    void aClosedExpressionBeforeTheCaretIsNotReopened() {
        CompletionResult result = complete(FLOW + "    message: \"{{ inputs.user }} and |\"\n");

        assertThat(result.items()).isEmpty();
    }
}
