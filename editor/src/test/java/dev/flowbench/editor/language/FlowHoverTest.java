package dev.flowbench.editor.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.editor.api.Hover;
import dev.flowbench.schema.environment.Environment;
import dev.flowbench.schema.validation.ValidationContext;
import dev.flowbench.schema.yaml.YamlDocument;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hover at a {@code |} caret: what is shown and which span it is about. */
class FlowHoverTest {
    private static final String FLOW = """
            id: hello
            namespace: company.team
            inputs:
              - id: user
                type: STRING
                description: Who runs it
            tasks:
              - id: build
                type: io.kestra.plugin.scripts.shell.Commands
                containerImage: gcc:14
                commands:
                  - make
                taskRunner:
                  type: io.kestra.plugin.scripts.runner.docker.Docker
                  pullPolicy: NEVER
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "Hi {{ inputs.user }}, token {{ secret('K8S_TOKEN') }} {{ secret('NOPE') }}"
            """;

    private static Optional<Hover> hover(FlowLanguage language, String text, String before, String at) {
        int offset = text.indexOf(before + at) + before.length() + 1;
        return language.hover(text, offset);
    }

    private static Hover hover(String before, String at) {
        return hover(Fixtures.FLOWS, FLOW, before, at).orElseThrow();
    }

    private static String span(Hover hover) {
        return FLOW.substring(hover.start(), hover.end());
    }

    @Test
    void aKeyShowsItsTypeDescriptionValuesDefaultAndPlugin() {
        Hover hover = hover("      ", "pullPolicy");

        assertThat(span(hover)).isEqualTo("pullPolicy");
        assertThat(hover.markdown())
                .startsWith("**pullPolicy** · enum\n\nWhen to pull the task's image")
                .contains("Values: `IF_NOT_PRESENT` (default), `ALWAYS`, `NEVER`")
                .contains("Default: `IF_NOT_PRESENT`")
                .contains("No `{{ }}` expressions")
                .endsWith("Property of Docker task runner (`io.kestra.plugin.scripts.runner.docker.Docker`)");
    }

    @Test
    void aValueShowsItsPropertyAndCoversTheValue() {
        Hover hover = hover("pullPolicy: ", "NEVER");

        assertThat(span(hover)).isEqualTo("NEVER");
        assertThat(hover.markdown()).startsWith("**pullPolicy**");
    }

    @Test
    void aDynamicPropertySaysExpressionsAreAccepted() {
        Hover hover = hover("    ", "containerImage");

        assertThat(hover.markdown())
                .startsWith("**containerImage** · string")
                .contains("It belongs to the task, not the runner")
                .contains("Accepts `{{ }}` expressions.");
    }

    @Test
    void aRequiredPropertySaysSo() {
        assertThat(hover("    ", "commands").markdown()).startsWith("**commands** · list of string, required");
    }

    @Test
    void aTypeValueShowsThePlugin() {
        Hover hover = hover("  type: ", "io.kestra.plugin.scripts.runner.docker.Docker");

        assertThat(span(hover)).isEqualTo("io.kestra.plugin.scripts.runner.docker.Docker");
        assertThat(hover.markdown())
                .startsWith("**Docker task runner** · task runner\n\n`io.kestra.plugin.scripts.runner.docker.Docker`")
                .contains("Runs a script task's commands in a Docker container.");
    }

    @Test
    void referencesInsideExpressionsAreExplained() {
        Hover input = hover("{{ inputs.", "user");
        assertThat(span(input)).isEqualTo("user");
        assertThat(input.markdown()).isEqualTo("**Input** `user` · STRING\n\nWho runs it");

        assertThat(hover("secret('", "K8S_TOKEN").markdown())
                .isEqualTo("**Secret** `K8S_TOKEN`, defined in environment `dev`.");
        assertThat(hover("secret('", "NOPE").markdown())
                .isEqualTo("**Secret** `NOPE` is not defined in environment `dev`.");
    }

    @Test
    void blankLinesDashesAndUnknownKeysShowNothing() {
        assertThat(hover(Fixtures.FLOWS, FLOW, " ", "- id: log")).isEmpty();
        assertThat(hover(Fixtures.FLOWS, FLOW + "    bogus: 1\n", "    ", "bogus"))
                .isEmpty();
        assertThat(Fixtures.FLOWS.hover(FLOW, FLOW.length())).isEmpty();
    }

    @Test
    void hoverWorksInABrokenDocument() {
        String broken = FLOW.replace("  - make\n", "  - make: [\n");

        Optional<Hover> hover = hover(Fixtures.FLOWS, broken, "      ", "pullPolicy");

        assertThat(hover).get().extracting(Hover::markdown).asString().startsWith("**pullPolicy**");
    }

    @Test
    void aPluginDefaultsPrefixListsThePluginsItTargets() {
        String environment = "pluginDefaults:\n  - type: io.kestra.plugin.scripts.shell\n    values: {}\n";

        Hover hover = hover(Fixtures.ENVIRONMENTS, environment, "type: ", "io.kestra.plugin.scripts.shell")
                .orElseThrow();

        assertThat(hover.markdown())
                .startsWith("**Prefix** `io.kestra.plugin.scripts.shell` · applies to 2 plugins")
                .contains("- `io.kestra.plugin.scripts.shell.Commands` — Shell commands")
                .contains("- `io.kestra.plugin.scripts.shell.Script` — Shell script");
    }

    @Test
    void onceValidatedValuesFromPluginDefaultsShowTheirEffectiveValueAndOrigin() {
        var language = FlowLanguage.forFlows(Fixtures.REGISTRY, () -> PROD);
        assertThat(hover(language, FLOW, "      ", "pullPolicy").orElseThrow().markdown())
                .as("before validation, no effective values")
                .doesNotContain("Effective value");
        language.diagnose(FLOW);

        Hover type = hover(language, FLOW, "  - id: build\n    type: ", "io.kestra.plugin.scripts.shell.Commands")
                .orElseThrow();
        assertThat(type.markdown())
                .contains("From pluginDefaults in environment `prod`:")
                .contains("- `taskRunner.pullPolicy`: `ALWAYS` — forced namespace company.team default #1 in"
                        + " environments/prod.yaml, line 14")
                .contains("- `taskRunner.memory.memory`: `1g` — instance default #1 in environments/prod.yaml, line 7")
                .doesNotContain("containerImage");

        Hover written = hover(language, FLOW, "      ", "pullPolicy").orElseThrow();
        assertThat(written.markdown())
                .contains("Effective value in environment `prod`: `ALWAYS` — from forced namespace company.team"
                        + " default #1 in environments/prod.yaml, line 14, which overrides what is written here");

        Hover unchanged = hover(language, FLOW, "    ", "containerImage").orElseThrow();
        assertThat(unchanged.markdown()).doesNotContain("Effective value");
    }

    @Test
    void theFlowsOwnDefaultsCountWithoutAnEnvironment() {
        String flow = FLOW + """
                pluginDefaults:
                  - type: io.kestra.plugin.core.log.Log
                    values:
                      level: WARN
                """;

        Fixtures.FLOWS.diagnose(flow);
        Hover type = hover(Fixtures.FLOWS, flow, "type: ", "io.kestra.plugin.core.log.Log")
                .orElseThrow();

        assertThat(type.markdown())
                .contains("From pluginDefaults in environment `dev`:\n- `level`: `WARN` — flow default #1, line 22");
    }

    /** An environment giving script tasks a runner memory and forcing the Docker runner to pull always. */
    private static final ValidationContext PROD =
            ValidationContext.of(Environment.of("prod", YamlDocument.parse("""
                    description: production
                    pluginDefaults:
                      - type: io.kestra.plugin.scripts
                        values:
                          taskRunner:
                            memory:
                              memory: 1g
                    namespaces:
                      company.team:
                        pluginDefaults:
                          - type: io.kestra.plugin.scripts.runner.docker.Docker
                            forced: true
                            values:
                              pullPolicy: ALWAYS
                    """)), Set.of());
}
