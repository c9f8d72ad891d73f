package dev.flowbench.editor.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.validation.ValidationContext;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WarmUpTest {
    private static final PluginRegistry REGISTRY = PluginRegistry.builtIn();

    @Test
    void theSampleFlowHasTheErrorsThatExerciseQuickFixes() {
        var flows = FlowLanguage.forFlows(REGISTRY, ValidationContext::none);

        assertThat(flows.diagnose(WarmUp.sampleFlow()))
                .extracting(d -> d.code())
                .contains("invalid-enum", "unknown-property");
    }

    @Test
    void warmingUpRunsEveryRoundWithinAGenerousBudgetAndNoneWithoutOne() {
        var flows = FlowLanguage.forFlows(REGISTRY, ValidationContext::none);

        assertThat(WarmUp.run(flows, Duration.ZERO)).isZero();
        assertThat(WarmUp.run(flows, Duration.ofMinutes(5))).isEqualTo(WarmUp.ROUNDS + WarmUp.LARGE_ROUNDS);
    }

    @Test
    void aWarmedUpServiceAnswersAUsersFlowAsAFreshOneDoes() {
        var warmed = FlowLanguage.forFlows(REGISTRY, ValidationContext::none);
        WarmUp.run(warmed, Duration.ofMinutes(5));
        String flow = """
                id: hello
                namespace: company.team
                tasks:
                  - id: greet
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - echo hi
                    taskRunner:
                      type: io.kestra.plugin.scripts.runner.docker.Docker
                      pullPolicy: SOMETIMES
                """;

        assertThat(warmed.diagnose(flow))
                .isEqualTo(
                        FlowLanguage.forFlows(REGISTRY, ValidationContext::none).diagnose(flow));
        assertThat(warmed.diagnose(flow)).extracting(d -> d.code()).containsExactly("invalid-enum");
    }
}
