package dev.flowbench.schema.expression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.expression.Expressions.Reference;
import dev.flowbench.schema.expression.Expressions.Reference.Kind;
import org.junit.jupiter.api.Test;

class ExpressionsTest {
    @Test
    void findsInputOutputVarAndSecretReferencesWithTheirOffsets() {
        String text =
                "{{ inputs.name }} and {{ outputs.greet.vars.x | upper }} {{ vars['team'] }} {{ secret('TOKEN') }}";

        assertThat(Expressions.references(text))
                .containsExactly(
                        new Reference(Kind.INPUTS, "name", 10, 14),
                        new Reference(Kind.OUTPUTS, "greet", 33, 38),
                        new Reference(Kind.VARS, "team", 66, 70),
                        new Reference(Kind.SECRET, "TOKEN", 87, 92));
        assertThat(text.substring(87, 92)).isEqualTo("TOKEN");
    }

    @Test
    void textOutsideExpressionsIsNotAReference() {
        assertThat(Expressions.references("inputs.name outputs.x secret('A')")).isEmpty();
    }

    @Test
    void anUnclosedExpressionIsStillScannedBecauseUsersAreMidTyping() {
        assertThat(Expressions.references("echo {{ outputs.fetch."))
                .extracting(Reference::name)
                .containsExactly("fetch");
    }

    @Test
    void aDottedPathInsideAnotherVariableIsNotARootReference() {
        assertThat(Expressions.references("{{ taskrun.outputs.x }}")).isEmpty();
    }
}
