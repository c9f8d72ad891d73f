package dev.flowbench.schema.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbench.schema.defaults.DefaultEntry;
import dev.flowbench.schema.defaults.DefaultLevel;
import dev.flowbench.schema.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
    private static final Path WORKSPACE = Path.of("..", "assets", "workspace");

    private static Environment environment(String yaml) {
        return Environment.of("stage", YamlDocument.parse(yaml));
    }

    @Test
    void aNamespaceGetsItsOwnDefaultsAndThoseOfItsParentsOnly() {
        var environment = environment("""
                pluginDefaults:
                  - {type: io.kestra, values: {a: 1}}
                namespaces:
                  company: {pluginDefaults: [{type: io.kestra, values: {b: 1}}]}
                  company.team: {pluginDefaults: [{type: io.kestra, values: {c: 1}}]}
                  company.team.batch: {pluginDefaults: [{type: io.kestra, values: {d: 1}}]}
                  company.teamwork: {pluginDefaults: [{type: io.kestra, values: {e: 1}}]}
                """);

        assertThat(environment.defaultsFor("company.team", null))
                .extracting(DefaultEntry::level, DefaultEntry::scope)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DefaultLevel.INSTANCE, null),
                        org.assertj.core.groups.Tuple.tuple(DefaultLevel.NAMESPACE, "company"),
                        org.assertj.core.groups.Tuple.tuple(DefaultLevel.NAMESPACE, "company.team"));
        assertThat(environment.defaultsFor("company.team", null).get(2).pointer())
                .isEqualTo("/namespaces/company.team/pluginDefaults/0");
        assertThat(environment.defaultsFor(null, null)).hasSize(1);
    }

    @Test
    void theTenantNamedInTheFileSelectsItsDefaults() {
        var environment = environment("""
                tenant: main
                tenants:
                  main: {pluginDefaults: [{type: io.kestra, values: {t: main}}]}
                  other: {pluginDefaults: [{type: io.kestra, values: {t: other}}]}
                """);

        assertThat(environment.tenant()).isEqualTo("main");
        assertThat(environment.defaultsFor("any")).singleElement().satisfies(entry -> {
            assertThat(entry.level()).isEqualTo(DefaultLevel.TENANT);
            assertThat(entry.values()).isEqualTo(Map.of("t", "main"));
            assertThat(entry.describe()).isEqualTo("tenant main default #1 in environments/stage.yaml");
        });
        assertThat(environment.defaultsFor("any", "other").getFirst().values()).isEqualTo(Map.of("t", "other"));
    }

    @Test
    void malformedEntriesApplyToNothingAndAreLeftToValidation() {
        var environment = environment("""
                pluginDefaults:
                  - values: {a: 1}
                  - type: "  "
                    values: {a: 1}
                  - type: io.kestra
                    values: [not, a, map]
                  - type: io.kestra
                    forced: true
                    values: {ok: yes}
                namespaces: [not, a, map]
                """);

        assertThat(environment.defaultsFor("company")).singleElement().satisfies(entry -> {
            assertThat(entry.index()).isEqualTo(3);
            assertThat(entry.forced()).isTrue();
        });
    }

    @Test
    void secretsConfigurationNamesTheFileAndReadsEnvironmentVariablesUnlessDisabled() {
        assertThat(environment("secrets: {file: secrets/stage.env}").secretsFile())
                .isEqualTo("secrets/stage.env");
        assertThat(environment("secrets: {file: secrets/stage.env}").secretsFromEnvironment())
                .isTrue();
        assertThat(environment("secrets: {env: false}").secretsFromEnvironment())
                .isFalse();
        assertThat(environment("{}").secretsFile()).isNull();
        assertThat(environment("secrets: {env: false}")
                        .secrets(WORKSPACE, Map.of("SECRET_TOKEN", "dG9rZW4="))
                        .names())
                .isEmpty();
    }

    @Test
    void anUnknownEnvironmentIsOneClearLineNamingTheKnownOnes() {
        assertThatThrownBy(() -> Environment.load(WORKSPACE, "stage"))
                .isInstanceOf(IOException.class)
                .hasMessage("no environment 'stage': there is no environments/stage.yaml (known: dev, prod)");
        assertThatThrownBy(() -> Environment.load(WORKSPACE, "../flows/hello"))
                .hasMessageStartingWith("no environment '../flows/hello'");
    }

    @Test
    void theExampleEnvironmentsAreValidYamlWithTheirSecretsFiles() throws IOException {
        var prod = Environment.load(WORKSPACE, "prod");

        assertThat(prod.document().diagnostics()).isEmpty();
        assertThat(prod.file()).isEqualTo("environments/prod.yaml");
        assertThat(prod.secretsFile()).isEqualTo("secrets/prod.env");
        assertThat(prod.defaultsFor("company.team.batch"))
                .extracting(DefaultEntry::type)
                .containsExactly("io.kestra.plugin.scripts", "io.kestra.plugin.ee.aws.runner.Batch");
    }
}
