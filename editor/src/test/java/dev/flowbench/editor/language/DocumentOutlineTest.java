package dev.flowbench.editor.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outline: a flow and its tasks nested as written, or an environment and its pluginDefaults entries. */
class DocumentOutlineTest {
    /** One line per node: indentation for depth, kind, name, detail. */
    private static List<String> render(OutlineNode node) {
        var lines = new ArrayList<String>();
        render(node, "", lines);
        return lines;
    }

    private static void render(OutlineNode node, String indent, List<String> lines) {
        lines.add(indent + node.kind() + " " + node.name() + (node.detail().isEmpty() ? "" : " · " + node.detail()));
        for (OutlineNode child : node.children()) {
            render(child, indent + "  ", lines);
        }
    }

    private static final String FLOW = """
            id: hello
            namespace: company.team
            tasks:
              - id: build
                type: io.kestra.plugin.scripts.shell.Commands
                commands: [make]
              - id: branch
                type: io.kestra.plugin.core.flow.If
                condition: "{{ true }}"
                then:
                  - id: yes
                    type: io.kestra.plugin.core.log.Log
                    message: yes
                else:
                  - id: group
                    type: io.kestra.plugin.core.flow.Sequential
                    tasks:
                      - id: inner
                        type: io.kestra.plugin.core.log.Log
                        message: inner
            errors:
              - id: alert
                type: io.kestra.plugin.core.log.Log
                message: failed
            """;

    @Test
    void aFlowShowsItsTasksNestedWithTheirTypes() {
        assertThat(render(Fixtures.FLOWS.outline(FLOW)))
                .containsExactly(
                        "FLOW hello · company.team",
                        "  TASK build · io.kestra.plugin.scripts.shell.Commands",
                        "  TASK branch · io.kestra.plugin.core.flow.If",
                        "    SECTION then",
                        "      TASK yes · io.kestra.plugin.core.log.Log",
                        "    SECTION else",
                        "      TASK group · io.kestra.plugin.core.flow.Sequential",
                        "        TASK inner · io.kestra.plugin.core.log.Log",
                        "  SECTION errors",
                        "    TASK alert · io.kestra.plugin.core.log.Log");
    }

    @Test
    void rangesCoverEachTaskAndSelectItsId() {
        OutlineNode build = Fixtures.FLOWS.outline(FLOW).children().getFirst();

        assertThat(FLOW.substring(
                        build.range().start().offset(), build.range().end().offset()))
                .isEqualTo("- id: build\n    type: io.kestra.plugin.scripts.shell.Commands\n    commands: [make]");
        assertThat(FLOW.substring(
                        build.selectionRange().start().offset(),
                        build.selectionRange().end().offset()))
                .isEqualTo("build");
        assertThat(build.range().start().line()).isEqualTo(3);
    }

    @Test
    void aBrokenFlowStillHasAnOutline() {
        String broken = FLOW.replace("commands: [make]", "commands: [make\n    description: \"open");

        assertThat(render(Fixtures.FLOWS.outline(broken))).contains("  TASK branch · io.kestra.plugin.core.flow.If");
    }

    @Test
    void anEnvironmentShowsItsDefaultsByLevel() {
        String environment = """
                pluginDefaults:
                  - type: io.kestra.plugin.scripts
                    values: {}
                namespaces:
                  company.team:
                    pluginDefaults:
                      - type: io.kestra.plugin.ee.aws.runner.Batch
                        values: {}
                """;

        assertThat(render(Fixtures.ENVIRONMENTS.outline(environment)))
                .containsExactly(
                        "ENVIRONMENT dev",
                        "  DEFAULTS io.kestra.plugin.scripts · instance",
                        "  DEFAULTS io.kestra.plugin.ee.aws.runner.Batch · namespace company.team");
    }
}
