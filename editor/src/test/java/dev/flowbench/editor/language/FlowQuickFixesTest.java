package dev.flowbench.editor.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.editor.api.QuickFix;
import dev.flowbench.schema.diagnostic.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each quick fix on a real diagnostic of the validator: its title, the text after applying it, and that the
 * diagnostic is gone when the result is validated again.
 */
class FlowQuickFixesTest {
    private static final String HEAD = """
            id: hello
            namespace: company.team
            inputs:
              - id: user
                type: STRING
            tasks:
            """;

    private static final String BUILD = """
              - id: build
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - make
            """;

    private static Diagnostic only(String text, String code) {
        List<Diagnostic> diagnostics = Fixtures.FLOWS.diagnose(text);
        assertThat(diagnostics).extracting(Diagnostic::code).containsExactly(code);
        return diagnostics.getFirst();
    }

    private static List<QuickFix> fixes(String text, String code) {
        return Fixtures.FLOWS.quickFixes(text, only(text, code));
    }

    private static String applied(String text, QuickFix fix) {
        String after = CaretText.apply(text, fix.edits());
        assertThat(Fixtures.FLOWS.diagnose(after))
                .as("diagnostics after \"%s\"", fix.title())
                .isEmpty();
        return after;
    }

    @Test
    void aBadEnumValueIsReplacedByEachAllowedValue() {
        String text = HEAD + BUILD + """
                    taskRunner:
                      type: io.kestra.plugin.scripts.runner.docker.Docker
                      pullPolicy: SOMETIMES
                """;

        List<QuickFix> fixes = fixes(text, "invalid-enum");

        assertThat(fixes)
                .extracting(QuickFix::title)
                .containsExactly("Replace with IF_NOT_PRESENT", "Replace with ALWAYS", "Replace with NEVER");
        assertThat(applied(text, fixes.get(1))).contains("      pullPolicy: ALWAYS\n");
    }

    @Test
    void theSuggestedValueComesFirst() {
        String text = HEAD + BUILD
                + "  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n    level: WARNN\n";

        List<QuickFix> fixes = fixes(text, "invalid-enum");

        assertThat(fixes.getFirst().title()).isEqualTo("Replace with WARN");
        assertThat(applied(text, fixes.getFirst())).endsWith("    level: WARN\n");
    }

    @Test
    void aMisspeltKeyIsRenamedToTheSuggestion() {
        String text = HEAD + BUILD + "    containerImag: gcc:14\n";

        List<QuickFix> fixes = fixes(text, "unknown-property");

        assertThat(fixes).extracting(QuickFix::title).containsExactly("Rename to `containerImage`");
        assertThat(applied(text, fixes.getFirst())).endsWith("    containerImage: gcc:14\n");
    }

    @Test
    void aMissingRequiredPropertyIsAddedAtTheTasksIndentation() {
        String text = HEAD + "  - id: log\n    type: io.kestra.plugin.core.log.Log\n" + BUILD;

        List<QuickFix> fixes = fixes(text, "missing-property");

        assertThat(fixes).extracting(QuickFix::title).containsExactly("Add missing property `message`");
        assertThat(applied(text, fixes.getFirst()))
                .contains("  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"\"\n  - id: build");
    }

    @Test
    void missingListPropertiesGetAnItemAndMissingFlowKeysGoAtTheRoot() {
        String task = HEAD + "  - id: build\n    type: io.kestra.plugin.scripts.shell.Commands\n    env:\n      A: b\n";
        List<QuickFix> fixes = fixes(task, "missing-property");
        assertThat(applied(task, fixes.getFirst())).endsWith("      A: b\n    commands:\n      - echo hello\n");

        String flow = "id: hello\ntasks:\n" + BUILD;
        List<QuickFix> rootFixes = fixes(flow, "missing-property");
        assertThat(rootFixes.getFirst().title()).isEqualTo("Add missing property `namespace`");
        String fixed = CaretText.apply(flow, rootFixes.getFirst().edits());
        assertThat(fixed).endsWith("      - make\nnamespace: \"\"\n");
    }

    @Test
    void containerImageMovesFromTheRunnerToTheTask() {
        String text = HEAD + BUILD + """
                    taskRunner:
                      type: io.kestra.plugin.scripts.runner.docker.Docker
                      containerImage: gcc:14
                      pullPolicy: ALWAYS
                """;

        List<QuickFix> fixes = fixes(text, "container-image-on-runner");

        assertThat(fixes).extracting(QuickFix::title).containsExactly("Move `containerImage` to the task");
        assertThat(applied(text, fixes.getFirst())).endsWith("""
                      - make
                    containerImage: gcc:14
                    taskRunner:
                      type: io.kestra.plugin.scripts.runner.docker.Docker
                      pullPolicy: ALWAYS
                """);
    }

    @Test
    void containerImageOnTheRunnerIsDroppedWhenTheTaskHasItsOwn() {
        String text = HEAD + BUILD + """
                    containerImage: gcc:13
                    taskRunner:
                      type: io.kestra.plugin.scripts.runner.docker.Docker
                      containerImage: gcc:14
                """;

        List<QuickFix> fixes = fixes(text, "container-image-on-runner");

        assertThat(fixes.getFirst().title()).startsWith("Remove `containerImage` from the task runner");
        assertThat(applied(text, fixes.getFirst()))
                .endsWith("    taskRunner:\n      type: io.kestra.plugin.scripts.runner.docker.Docker\n");
    }

    @Test
    void anUnquotedExpressionIsQuoted() {
        String text = HEAD + "  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: {{ inputs.user }}\n";

        List<QuickFix> fixes = fixes(text, "yaml-unquoted-expression");

        assertThat(fixes).extracting(QuickFix::title).containsExactly("Quote the expression");
        assertThat(applied(text, fixes.getFirst())).endsWith("    message: \"{{ inputs.user }}\"\n");
    }

    @Test
    void aMisspeltReferenceIsChangedToTheSuggestion() {
        String text = HEAD + BUILD
                + "  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: \"{{ outputs.biuld.exitCode }}\"\n";

        List<QuickFix> fixes = fixes(text, "unknown-output");

        assertThat(fixes).extracting(QuickFix::title).containsExactly("Change to `build`");
        assertThat(applied(text, fixes.getFirst())).contains("{{ outputs.build.exitCode }}");
    }

    @Test
    void aDiagnosticOfAnotherTextOrWithoutDataGetsNoFix() {
        String text = HEAD + BUILD + "    containerImag: gcc:14\n";
        Diagnostic diagnostic = only(text, "unknown-property");

        assertThat(Fixtures.FLOWS.quickFixes("id: x\n", diagnostic)).isEmpty();
        assertThat(Fixtures.FLOWS.quickFixes(
                        text,
                        new Diagnostic(
                                diagnostic.range(),
                                diagnostic.severity(),
                                diagnostic.code(),
                                "m",
                                null,
                                java.util.Map.of())))
                .isEmpty();
    }
}
