package dev.flowbench.editor.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbench.editor.api.LanguageSupport;
import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.validation.ValidationContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facade: one analysis per text shared by every feature, and guarded providers for views. */
class FlowLanguageTest {
    private static final String FLOW = """
            id: hello
            namespace: company.team
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
                level: LOUD
            """;

    @Test
    void theSameTextIsValidatedOnceWhateverAsksForIt() {
        var language = FlowLanguage.forFlows(Fixtures.REGISTRY, ValidationContext::none);

        List<Diagnostic> first = language.diagnose(FLOW);
        List<Diagnostic> again = language.diagnose(new String(FLOW.toCharArray()));

        assertThat(first).extracting(Diagnostic::code).containsExactly("invalid-enum");
        assertThat(again).isSameAs(first);
        assertThat(language.support().diagnostics().diagnose(FLOW)).isSameAs(first);
    }

    @Test
    void theViewsProvidersTurnAFailureIntoNoAnswerWhileTheMethodsLetItThrough() {
        var language = FlowLanguage.forFlows(Fixtures.REGISTRY, () -> {
            throw new IllegalStateException("environment unavailable");
        });
        LanguageSupport support = language.support();

        assertThat(support.diagnostics().diagnose(FLOW)).isEmpty();
        assertThatThrownBy(() -> language.diagnose(FLOW)).hasMessage("environment unavailable");
        // completion does not need the environment here, so it still answers
        assertThat(support.completion().complete(FLOW, FLOW.indexOf("LOUD")).items())
                .isNotEmpty();
    }

    @Test
    void environmentFilesHaveTheirOwnLanguage() {
        String environment =
                "pluginDefaults:\n  - type: io.kestra.plugin.core.log.Log\n    values:\n      level: LOUD\n";

        assertThat(Fixtures.ENVIRONMENTS.diagnose(environment))
                .extracting(Diagnostic::code)
                .containsExactly("invalid-enum");
        assertThat(Fixtures.ENVIRONMENTS.outline(environment).kind()).isEqualTo(OutlineNode.Kind.ENVIRONMENT);
        assertThat(Fixtures.FLOWS.outline(environment).kind()).isEqualTo(OutlineNode.Kind.FLOW);
    }
}
