package dev.flowbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.environment.EffectiveConfiguration;
import dev.flowbench.schema.environment.Environment;
import dev.flowbench.schema.environment.Secrets;
import dev.flowbench.schema.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine runs what the schema's pluginDefaults and environment give it, secrets included. */
class EnvironmentWiringTest {

    @TempDir
    Path workspace;

    @Test
    void environmentDefaultsAndSecretsReachTheTaskAndSecretsStayMasked() throws Exception {
        Files.createDirectories(workspace.resolve("environments"));
        Files.createDirectories(workspace.resolve("secrets"));
        Files.writeString(workspace.resolve("environments/local.yaml"), """
                pluginDefaults:
                  - type: io.kestra.plugin.scripts
                    values:
                      taskRunner:
                        type: io.kestra.plugin.core.runner.Process
                        killGracePeriod: PT1S
                      env:
                        STAGE: local
                        API_KEY: "{{ secret('API_KEY') }}"
                secrets:
                  file: secrets/local.env
                """);
        Path secretsFile = Files.writeString(workspace.resolve("secrets/local.env"), "API_KEY=k3y-from-file\n");
        Files.setPosixFilePermissions(secretsFile, PosixFilePermissions.fromString("rw-------"));
        String source = """
                id: wired
                namespace: company.team
                tasks:
                  - id: show
                    type: io.kestra.plugin.scripts.shell.Commands
                    commands:
                      - echo "stage $STAGE key $API_KEY"
                """;
        Environment environment = Environment.load(workspace, "local");
        Map<String, Object> flow = EffectiveConfiguration.merge(YamlDocument.parse(source), environment)
                .flow();
        Secrets secrets = environment.secrets(workspace, Map.of());
        Map<String, String> values = new LinkedHashMap<>();
        secrets.names().forEach(name -> values.put(name, secrets.value(name).orElseThrow()));

        var events = new RecordingEvents();
        Execution done = Engine.builder(workspace.resolve(".flowbench"))
                .workspace(workspace)
                .build()
                .run(FlowRun.of(flow).withSource(source).withSecrets(values).withEnvironment("local"), events);

        assertThat(done.state()).as(events.allText()).isEqualTo(State.SUCCESS);
        assertThat(events.messages("show")).containsExactly("stage local key ******");
        assertThat(done.environment()).isEqualTo("local");
    }
}
