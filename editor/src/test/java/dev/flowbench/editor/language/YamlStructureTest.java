package dev.flowbench.editor.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.editor.language.YamlStructure.Element;
import org.junit.jupiter.api.Test;

/** The block structure recovered from indentation: paths of elements, block scalars and broken lines. */
class YamlStructureTest {
    /** The JSON-pointer-like path of the key or dash that starts the line holding {@code marker}. */
    private static String pathOf(String text, String marker) {
        YamlStructure structure = YamlStructure.of(text);
        int line = structure.lineOf(text.indexOf(marker));
        YamlLine yamlLine = structure.line(line);
        Element element = new Element(line, yamlLine.elementCount() - 1);
        return "/" + String.join("/", structure.path(structure.chain(element)));
    }

    @Test
    void keysAndListItemsGiveTheirPath() {
        String text = """
                id: x
                tasks:
                  - id: a
                    type: t
                  - id: b
                    taskRunner:
                      type: docker
                      cpu:
                        cpus: 1
                """;

        assertThat(pathOf(text, "id: a")).isEqualTo("/tasks/0/id");
        assertThat(pathOf(text, "id: b")).isEqualTo("/tasks/1/id");
        assertThat(pathOf(text, "cpus")).isEqualTo("/tasks/1/taskRunner/cpu/cpus");
    }

    @Test
    void aListAtItsKeysOwnColumnBelongsToTheKey() {
        String text = "tasks:\n- id: a\n  type: t\n- id: b\nerrors:\n- id: c\n";

        assertThat(pathOf(text, "id: b")).isEqualTo("/tasks/1/id");
        assertThat(pathOf(text, "id: c")).isEqualTo("/errors/0/id");
    }

    @Test
    void blockScalarsAndMultiLineQuotesAreContentNotStructure() {
        String text = """
                tasks:
                  - id: a
                    script: |
                      key: not a key
                      - not an item
                    message: "two
                      lines: still text"
                  - id: b
                """;
        YamlStructure structure = YamlStructure.of(text);

        assertThat(structure.line(3).kind).isEqualTo(YamlLine.CONTENT);
        assertThat(structure.line(4).kind).isEqualTo(YamlLine.CONTENT);
        assertThat(structure.line(6).kind).isEqualTo(YamlLine.CONTENT);
        assertThat(structure.line(3).owner).isEqualTo(2);
        assertThat(pathOf(text, "id: b")).isEqualTo("/tasks/1/id");
    }

    @Test
    void anUnclosedValueEndsWhereTheIndentationReturns() {
        String text = "tasks:\n  - id: a\n    commands: [make\n  - id: b\n    type: t\n";

        assertThat(pathOf(text, "type: t")).isEqualTo("/tasks/1/type");
    }

    @Test
    void valuesAreReadUnquotedWithoutComments() {
        String text = "a: \"x # y\"  # comment\nb: 'it''s'\nc: plain # comment\nd:\n";
        YamlStructure structure = YamlStructure.of(text);

        assertThat(structure.childValue(YamlStructure.ROOT, "a")).isEqualTo("x # y");
        assertThat(structure.childValue(YamlStructure.ROOT, "b")).isEqualTo("it's");
        assertThat(structure.childValue(YamlStructure.ROOT, "c")).isEqualTo("plain");
        assertThat(structure.childValue(YamlStructure.ROOT, "d")).isNull();
    }

    @Test
    void findFollowsAPointerPath() {
        String text = "tasks:\n  - id: a\n  - id: b\n    taskRunner:\n      type: x\n";
        YamlStructure structure = YamlStructure.of(text);

        Element runner = structure.find(java.util.List.of("tasks", "1", "taskRunner"));

        assertThat(runner).isEqualTo(new Element(3, 0));
        assertThat(structure.childValue(runner, "type")).isEqualTo("x");
        assertThat(structure.find(java.util.List.of("tasks", "2"))).isNull();
    }

    @Test
    void windowsLineBreaksAndADocumentMarkerAreHandled() {
        String text = "---\r\nid: x\r\ntasks:\r\n  - id: a\r\n";

        assertThat(pathOf(text, "id: a")).isEqualTo("/tasks/0/id");
        assertThat(YamlStructure.of(text).childValue(YamlStructure.ROOT, "id")).isEqualTo("x");
    }
}
