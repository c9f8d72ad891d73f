package dev.flowbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanTest {

    @TempDir
    Path data;

    @Test
    void everyScriptTaskIsPlannedWithSecretsMaskedAndOutputsAsPlaceholders() {
        String yaml = """
                id: p
                namespace: company.team
                tasks:
                  - id: first
                    type: io.kestra.plugin.scripts.shell.Commands
                    env:
                      TOKEN: "{{ secret('TOKEN') }}"
                    commands: [echo one > marker.txt]
                  - id: loop
                    type: io.kestra.plugin.core.flow.ForEach
                    values: [a, b]
                    tasks:
                      - id: inner
                        type: io.kestra.plugin.scripts.shell.Commands
                        taskRunner:
                          type: io.kestra.plugin.core.runner.Process
                          killGracePeriod: PT1S
                        commands: ["echo {{ taskrun.value }} {{ outputs.first.vars.x }}"]
                errors:
                  - {id: broken, type: io.kestra.plugin.scripts.shell.Commands, commands: ["{{ nothing }}"]}
                """;
        List<TaskPlan> plans = Engine.builder(data)
                .build()
                .plan(FlowRun.of(Flows.parse(yaml)).withSecrets(Map.of("TOKEN", "plan-token-1")));
        assertThat(plans).extracting(TaskPlan::path).containsExactly("tasks[0]", "tasks[1].tasks[0]", "errors[0]");
        String first = plans.get(0).plan().render();
        assertThat(first).contains("echo one > marker.txt").contains("******").doesNotContain("plan-token-1");
        assertThat(plans.get(1).runnerConfig()).containsEntry("killGracePeriod", "PT1S");
        assertThat(plans.get(1).plan().render()).contains("echo <taskrun.value> <outputs.first.vars.x>");
        assertThat(plans.get(2).error()).isEqualTo("unknown variable 'nothing' in {{ nothing }}");
        assertThat(data.resolve("runs")).doesNotExist();
    }
}
