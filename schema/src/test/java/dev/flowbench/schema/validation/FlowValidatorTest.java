package dev.flowbench.schema.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.DiagnosticData;
import dev.flowbench.schema.diagnostic.Severity;
import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.yaml.YamlDocument;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each broken flow gives the expected diagnostic at the expected line and column (one-based in messages). */
class FlowValidatorTest {
    private static final FlowValidator VALIDATOR = new FlowValidator(PluginRegistry.builtIn());

    private static List<Diagnostic> validate(String yaml) {
        return VALIDATOR.validateFlow(YamlDocument.parse(yaml), ValidationContext.none());
    }

    private static List<Diagnostic> validate(String yaml, ValidationContext context) {
        return VALIDATOR.validateFlow(YamlDocument.parse(yaml), context);
    }

    /** "line:column code" of each diagnostic, one-based. */
    private static List<String> where(List<Diagnostic> diagnostics) {
        return diagnostics.stream()
                .map(d -> d.range().start().toDisplayString() + " " + d.code())
                .toList();
    }

    private static final String VALID = """
            id: hello
            namespace: company.team
            inputs:
              - id: name
                type: STRING
                defaults: world
            tasks:
              - id: greet
                type: io.kestra.plugin.scripts.shell.Commands
                containerImage: ubuntu:24.04
                commands:
                  - echo "Hello {{ inputs.name }}"
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.greet.vars.x }}"
            """;

    @Test
    void aCorrectFlowHasNoDiagnostics() {
        assertThat(validate(VALID)).isEmpty();
    }

    @Test
    void anUnknownPropertyIsUnderlinedOnItsKeyWithASuggestion() {
        var diagnostics = validate(VALID.replace("    containerImage:", "    containerImag:"));

        assertThat(where(diagnostics)).containsExactly("10:5 unknown-property");
        Diagnostic d = diagnostics.getFirst();
        assertThat(d.range().length()).isEqualTo("containerImag".length());
        assertThat(d.message()).contains("`containerImag`", "did you mean `containerImage`?");
        assertThat(d.data()).containsEntry(DiagnosticData.SUGGESTION, "containerImage");
    }

    @Test
    void aBadEnumValueIsUnderlinedOnItsValueWithTheAllowedValues() {
        var diagnostics = validate(VALID + "    level: LOUD\n");

        assertThat(where(diagnostics)).containsExactly("16:12 invalid-enum");
        assertThat(diagnostics.getFirst().message()).contains("`LOUD` is not a valid level", "INFO", "ERROR");
        assertThat(diagnostics.getFirst().data().get(DiagnosticData.ALLOWED_VALUES))
                .isEqualTo(List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR"));
    }

    @Test
    void aWrongTypeIsUnderlinedOnItsValue() {
        var diagnostics = validate(VALID.replace(
                "    commands:\n      - echo \"Hello {{ inputs.name }}\"\n",
                "    commands:\n      - echo hi\n    failFast: sometimes\n"));

        assertThat(where(diagnostics)).containsExactly("13:15 wrong-type");
        assertThat(diagnostics.getFirst().message())
                .isEqualTo("`failFast` should be a boolean (true or false), not a string");
    }

    @Test
    void aMissingRequiredPropertyOfATaskPointsAtItsDashAndId() {
        var diagnostics = validate(VALID.replace("    message: \"{{ outputs.greet.vars.x }}\"\n", ""));

        assertThat(where(diagnostics)).containsExactly("13:3 missing-property");
        Diagnostic d = diagnostics.getFirst();
        assertThat(d.range().length()).isEqualTo("- id".length());
        assertThat(d.message()).isEqualTo("missing required property `message` of Log a message");
        assertThat(d.data()).containsEntry(DiagnosticData.MISSING, List.of("message"));
    }

    @Test
    void aMissingRequiredPropertyOfANestedObjectPointsAtItsKey() {
        var diagnostics = validate(VALID + "    retry:\n      type: constant\n");

        assertThat(where(diagnostics)).containsExactly("16:5 missing-property");
        assertThat(diagnostics.getFirst().message()).contains("`interval`");
    }

    @Test
    void aMissingRequiredFlowPropertyPointsAtTheDocument() {
        var diagnostics = validate(VALID.replace("namespace: company.team\n", ""));

        assertThat(where(diagnostics)).containsExactly("1:1 missing-property");
        assertThat(diagnostics.getFirst().message()).contains("`namespace`");
    }

    @Test
    void duplicateTaskIdsAreReportedOnTheSecondId() {
        var diagnostics =
                validate(VALID.replace("  - id: log", "  - id: greet").replace("{{ outputs.greet.vars.x }}", "hi"));

        assertThat(where(diagnostics)).containsExactly("13:9 duplicate-id");
    }

    @Test
    void anOutputOfAnUnknownTaskIsUnderlinedOnTheTaskName() {
        var diagnostics = validate(VALID.replace("outputs.greet.vars", "outputs.gret.vars"));

        assertThat(where(diagnostics)).containsExactly("15:26 unknown-output");
        assertThat(diagnostics.getFirst().message()).contains("did you mean `greet`?");
    }

    @Test
    void anOutputOfALaterTaskIsReported() {
        var diagnostics =
                validate(VALID.replace("echo \"Hello {{ inputs.name }}\"", "echo \"{{ outputs.log.value }}\""));

        assertThat(where(diagnostics)).containsExactly("12:26 output-not-yet");
    }

    @Test
    void anUnknownInputIsReported() {
        var diagnostics = validate(VALID.replace("inputs.name", "inputs.nme"));

        assertThat(where(diagnostics)).containsExactly("12:31 unknown-input");
    }

    @Test
    void anUnknownTypeIsOneWarningAndTheRestIsStillValidated() {
        var diagnostics = validate(
                VALID.replace("io.kestra.plugin.scripts.shell.Commands", "com.acme.Magic") + "    level: LOUD\n");

        assertThat(where(diagnostics)).containsExactly("9:11 unknown-type", "16:12 invalid-enum");
        assertThat(diagnostics.getFirst().severity()).isEqualTo(Severity.WARNING);
        assertThat(diagnostics.getFirst().message()).contains("`com.acme.Magic` is not installed");
    }

    @Test
    void anExpressionIsAcceptedWhereThePropertyIsDynamic() {
        assertThat(validate(VALID + "    timeout: \"{{ inputs.name }}\"\n")).isEmpty();
    }

    @Test
    void containerImageUnderATaskRunnerIsReportedWithTheTaskToMoveItTo() {
        var diagnostics = validate(
                VALID.replace(
                        "    containerImage: ubuntu:24.04\n",
                        "    taskRunner:\n      type: io.kestra.plugin.core.runner.Process\n      containerImage: ubuntu:24.04\n"));

        assertThat(diagnostics)
                .filteredOn(d -> d.code().equals("container-image-on-runner"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.range().start().toDisplayString()).isEqualTo("12:7");
                    assertThat(d.data()).containsEntry(DiagnosticData.POINTER, "/tasks/0");
                });
        assertThat(diagnostics).noneMatch(d -> d.code().equals("unknown-property"));
    }

    @Test
    void aSecretTheEnvironmentCannotSupplyIsAWarningNamingTheEnvironment() {
        var context = new ValidationContext("dev", Set.of("TOKEN"), null);

        var diagnostics = validate(VALID.replace("ubuntu:24.04", "\"{{ secret('TOKN') }}\""), context);

        assertThat(where(diagnostics)).containsExactly("10:33 unknown-secret");
        assertThat(diagnostics.getFirst().message()).contains("`TOKN`", "environment `dev`", "did you mean `TOKEN`?");
    }

    @Test
    void nestedTasksOfFlowableTasksAreValidatedToo() {
        var diagnostics = validate(VALID + """
                  - id: group
                    type: io.kestra.plugin.core.flow.Sequential
                    tasks:
                      - id: inner
                        type: io.kestra.plugin.core.log.Log
                        mesage: hi
                """);

        assertThat(where(diagnostics)).contains("21:9 unknown-property", "19:7 missing-property");
    }
}
