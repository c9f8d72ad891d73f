package dev.flowbench.editor.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.editor.api.DocLink;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Doc links: every {@code type:} value naming an installed plugin links to that plugin's docs. */
class TypeLinksTest {
    private static List<String> linked(String text, List<DocLink> links) {
        return links.stream()
                .map(link -> text.substring(link.start(), link.end()) + " -> " + link.typeId())
                .toList();
    }

    @Test
    void taskAndRunnerTypesAreLinkedOnTheirNames() {
        String text = """
                id: hello
                namespace: company.team
                inputs:
                  - id: user
                    type: STRING
                tasks:
                  - id: build
                    type: io.kestra.plugin.scripts.shell.Commands
                    retry:
                      type: constant
                      interval: PT1S
                    taskRunner:
                      type: "io.kestra.plugin.scripts.runner.docker.Docker"  # quoted
                  - id: other
                    type: com.acme.NotInstalled
                """;

        assertThat(linked(text, Fixtures.FLOWS.docLinks(text)))
                .containsExactly(
                        "io.kestra.plugin.scripts.shell.Commands -> io.kestra.plugin.scripts.shell.Commands",
                        "io.kestra.plugin.scripts.runner.docker.Docker -> io.kestra.plugin.scripts.runner.docker.Docker");
    }

    @Test
    void pluginDefaultsEntriesNamingOnePluginAreLinkedButPrefixesAreNot() {
        String text = """
                pluginDefaults:
                  - type: io.kestra.plugin.scripts
                    values: {}
                  - type: io.kestra.plugin.ee.aws.runner.Batch
                    values:
                      region: eu-west-1
                """;

        assertThat(linked(text, Fixtures.ENVIRONMENTS.docLinks(text)))
                .containsExactly("io.kestra.plugin.ee.aws.runner.Batch -> io.kestra.plugin.ee.aws.runner.Batch");
    }

    @Test
    void linksAreFoundInABrokenDocumentAndNoneInAnEmptyOne() {
        String text = "tasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: [unclosed\n"
                + "  - id: b\n    type: io.kestra.plugin.core.log.Log\n";

        assertThat(Fixtures.FLOWS.docLinks(text)).hasSize(2);
        assertThat(Fixtures.FLOWS.docLinks("")).isEmpty();
    }
}
