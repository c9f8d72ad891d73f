package dev.flowbench.schema.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.diagnostic.Range;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlDocumentTest {
    /** A range as one-based "line:column-line:column", the way a person reads it in an editor. */
    static String span(Range range) {
        return range.start().toDisplayString() + "-" + range.end().toDisplayString();
    }

    private static String keySpan(YamlDocument document, String pointer) {
        return span(document.keyRange(pointer).orElseThrow());
    }

    private static String valueSpan(YamlDocument document, String pointer) {
        return span(document.valueRange(pointer).orElseThrow());
    }

    @Test
    void mapEntriesKnowTheRangeOfTheirKeyAndValue() {
        var document = YamlDocument.parse("""
                id: hello
                tasks:
                  - id: greet
                    taskRunner:
                      pullPolicy: ALWAYS   # comment
                """);

        assertThat(document.diagnostics()).isEmpty();
        assertThat(keySpan(document, "/id")).isEqualTo("1:1-1:3");
        assertThat(valueSpan(document, "/id")).isEqualTo("1:5-1:10");
        assertThat(keySpan(document, "/tasks/0/taskRunner/pullPolicy")).isEqualTo("5:7-5:17");
        assertThat(valueSpan(document, "/tasks/0/taskRunner/pullPolicy")).isEqualTo("5:19-5:25");
        assertThat(valueSpan(document, "/tasks/0/taskRunner")).isEqualTo("5:7-5:25");
        assertThat(valueSpan(document, "/tasks")).isEqualTo("3:3-5:25");
    }

    @Test
    void blockListItemsUseTheirDashAsKeyRange() {
        var document = YamlDocument.parse("""
                tasks:
                  - id: a
                    type: Log
                  -   id: b
                """);

        assertThat(keySpan(document, "/tasks/0")).isEqualTo("2:3-2:4");
        assertThat(valueSpan(document, "/tasks/0")).isEqualTo("2:5-3:14");
        assertThat(keySpan(document, "/tasks/1")).isEqualTo("4:3-4:4");
        assertThat(valueSpan(document, "/tasks/1/id")).isEqualTo("4:11-4:12");
    }

    @Test
    void blockScalarValueRangeEndsOnItsLastLine() {
        var document = YamlDocument.parse("""
                script: |
                  echo one
                  echo two

                # next
                folded: >-
                  a
                  b
                after: 1
                """);

        assertThat(document.root()).isEqualTo(Map.of("script", "echo one\necho two\n", "folded", "a b", "after", 1L));
        assertThat(valueSpan(document, "/script")).isEqualTo("1:9-3:11");
        assertThat(valueSpan(document, "/folded")).isEqualTo("6:9-8:4");
        assertThat(keySpan(document, "/after")).isEqualTo("9:1-9:6");
    }

    @Test
    void flowCollectionsHaveExactRanges() {
        var document = YamlDocument.parse("cpu: {cpus: 1, list: [a, 'b']}\n");

        assertThat(valueSpan(document, "/cpu")).isEqualTo("1:6-1:31");
        assertThat(keySpan(document, "/cpu/cpus")).isEqualTo("1:7-1:11");
        assertThat(valueSpan(document, "/cpu/list")).isEqualTo("1:22-1:30");
        assertThat(valueSpan(document, "/cpu/list/1")).isEqualTo("1:26-1:29");
        assertThat(document.keyRange("/cpu/list/1"))
                .as("flow items have no dash")
                .isEmpty();
        assertThat(document.node("/cpu/list/1").orElseThrow().style()).isEqualTo(YamlNode.Style.SINGLE_QUOTED);
    }

    @Test
    void keyWithoutValueHasAnEmptyValueRangeAfterItsColon() {
        var document = YamlDocument.parse("a:\nb:   \nc: 1\n");

        assertThat(document.root()).isEqualTo(nullValues("a", "b", "c"));
        assertThat(valueSpan(document, "/a")).isEqualTo("1:3-1:3");
        assertThat(valueSpan(document, "/b")).isEqualTo("2:3-2:3");
    }

    private static Map<String, Object> nullValues(String... keys) {
        var map = new java.util.LinkedHashMap<String, Object>();
        for (String key : keys) {
            map.put(key, null);
        }
        map.put("c", 1L);
        return map;
    }

    @Test
    void scalarsResolveByTheCoreSchema() {
        var document = YamlDocument.parse("""
                int: 42
                negative: -7
                octal: 0o17
                hex: 0x1F
                big: 123456789012345678901234567890
                float: 1.5e3
                inf: -.inf
                yes: yes
                bool: True
                nothing: ~
                Null: NULL
                quoted: "42"
                tagged: !!str 12
                version: 1.0.0
                text: hello world
                """);

        @SuppressWarnings("unchecked")
        var root = (Map<String, Object>) document.root();
        assertThat(root.get("int")).isEqualTo(42L);
        assertThat(root.get("negative")).isEqualTo(-7L);
        assertThat(root.get("octal")).isEqualTo(15L);
        assertThat(root.get("hex")).isEqualTo(31L);
        assertThat(root.get("big")).isEqualTo(new java.math.BigInteger("123456789012345678901234567890"));
        assertThat(root.get("float")).isEqualTo(1500.0);
        assertThat(root.get("inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(root.get("yes")).as("YAML 1.1 booleans are strings in 1.2").isEqualTo("yes");
        assertThat(root.get("bool")).isEqualTo(true);
        assertThat(root).containsEntry("nothing", null).containsEntry("Null", null);
        assertThat(root.get("quoted")).isEqualTo("42");
        assertThat(root.get("tagged")).isEqualTo("12");
        assertThat(root.get("version")).isEqualTo("1.0.0");
        assertThat(root.get("text")).isEqualTo("hello world");
    }

    @Test
    void multiDocumentFilesKeepEveryDocumentWithItsOwnPointers() {
        var document = YamlDocument.parse("a: 1\n---\nb: 2\n...\n---\n- x\n");

        assertThat(document.documentCount()).isEqualTo(3);
        assertThat(document.roots()).containsExactly(Map.of("a", 1L), Map.of("b", 2L), List.of("x"));
        assertThat(span(document.node(1, "/b").orElseThrow().valueRange())).isEqualTo("3:4-3:5");
        assertThat(span(document.node(2, "/0").orElseThrow().valueRange())).isEqualTo("6:3-6:4");
        assertThat(document.node(1, "/a")).isEmpty();
    }

    @Test
    void aliasesShareTheAnchoredValueAndPointIntoTheAnchor() {
        var document = YamlDocument.parse("""
                runner: &docker
                  type: Docker
                  pullPolicy: ALWAYS
                tasks:
                  - taskRunner: *docker
                """);

        assertThat(document.node("/tasks/0/taskRunner").orElseThrow().value())
                .isEqualTo(Map.of("type", "Docker", "pullPolicy", "ALWAYS"));
        var alias = document.node("/tasks/0/taskRunner").orElseThrow();
        assertThat(alias.style()).isEqualTo(YamlNode.Style.ALIAS);
        assertThat(span(alias.valueRange())).isEqualTo("5:17-5:24");
        var throughAlias = document.node("/tasks/0/taskRunner/pullPolicy").orElseThrow();
        assertThat(throughAlias.fromAlias()).isTrue();
        assertThat(span(throughAlias.valueRange())).isEqualTo("3:15-3:21");
    }

    @Test
    void mergeKeysMergeWithWrittenKeysWinning() {
        var document = YamlDocument.parse("""
                base: &base
                  image: python
                  cpu: 1
                extra: &extra
                  cpu: 3
                  memory: 1Gi
                task:
                  <<: [*base, *extra]
                  cpu: 2
                """);

        assertThat(document.node("/task").orElseThrow().value())
                .isEqualTo(Map.of("image", "python", "cpu", 2L, "memory", "1Gi"));
        assertThat(valueSpan(document, "/task/cpu")).isEqualTo("9:8-9:9");
        assertThat(valueSpan(document, "/task/image")).isEqualTo("2:10-2:16");
        assertThat(document.node("/task/memory").orElseThrow().fromAlias()).isTrue();
        assertThat(document.diagnostics()).isEmpty();
    }

    @Test
    void columnsAndOffsetsCountUtf16UnitsAfterCharactersOutsideTheBmp() {
        var document = YamlDocument.parse("emoji: \"😀😀\"\nnext: é\n");

        assertThat(valueSpan(document, "/emoji")).isEqualTo("1:8-1:14");
        assertThat(document.valueRange("/next").orElseThrow().start().offset()).isEqualTo(20);
        assertThat(valueSpan(document, "/next")).isEqualTo("2:7-2:8");
    }

    @Test
    void windowsLineEndingsCountAsOneBreak() {
        var document = YamlDocument.parse("a: 1\r\nb:\r\n  c: x\r\n");

        assertThat(valueSpan(document, "/b/c")).isEqualTo("3:6-3:7");
        assertThat(document.lineCount()).isEqualTo(4);
    }

    @Test
    void pointersEscapeSlashAndTilde() {
        var document = YamlDocument.parse("labels:\n  team/owner: data\n  a~b: 1\n");

        assertThat(valueSpan(document, "/labels/team~1owner")).isEqualTo("2:15-2:19");
        assertThat(document.node("/labels/a~0b").orElseThrow().value()).isEqualTo(1L);
        assertThat(document.node("/labels/missing")).isEmpty();
        assertThat(document.node("/labels/team~1owner/deeper")).isEmpty();
    }

    @Test
    void nodeAtFindsTheDeepestKeyOrValueUnderTheCaret() {
        String text = """
                tasks:
                  - id: a
                    taskRunner:
                      type: Docker
                      pullPolicy:\s
                """;
        var document = YamlDocument.parse(text);

        var onKey = document.nodeAt(text.indexOf("pullPolicy") + 3).orElseThrow();
        assertThat(onKey.pointer()).isEqualTo("/tasks/0/taskRunner/pullPolicy");
        assertThat(onKey.onKey(text.indexOf("pullPolicy") + 3)).isTrue();

        int afterColon = text.indexOf("pullPolicy: ") + "pullPolicy: ".length();
        var emptyValue = document.nodeAt(afterColon).orElseThrow();
        assertThat(emptyValue.pointer()).isEqualTo("/tasks/0/taskRunner/pullPolicy");
        assertThat(emptyValue.onKey(afterColon)).isFalse();

        assertThat(document.nodeAt(text.indexOf("Docker") + 6).orElseThrow().pointer())
                .isEqualTo("/tasks/0/taskRunner/type");
        assertThat(document.nodeAt(text.indexOf("- id")).orElseThrow().pointer())
                .isEqualTo("/tasks/0");
        assertThat(document.pointerAt(0)).contains("/tasks");
    }

    @Test
    void childrenListEntriesInOrderWithTheirPointers() {
        var document = YamlDocument.parse("a: 1\nb: [x, y]\n");

        var root = document.node("").orElseThrow();
        assertThat(root.children()).extracting(YamlNode::pointer).containsExactly("/a", "/b");
        assertThat(root.child("b").orElseThrow().children())
                .extracting(YamlNode::value)
                .containsExactly("x", "y");
        assertThat(root.child("b").orElseThrow().child(1).orElseThrow().pointer())
                .isEqualTo("/b/1");
    }

    @Test
    void duplicateKeysAreReportedAtTheLaterKeyAndTheLaterValueWins() {
        var document = YamlDocument.parse("id: a\ntype: x\nid: b\n");

        assertThat(document.root()).isEqualTo(Map.of("id", "b", "type", "x"));
        assertThat(document.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(YamlCodes.DUPLICATE_KEY);
            assertThat(span(d.range())).isEqualTo("3:1-3:3");
            assertThat(d.message()).contains("line 1");
        });
        assertThat(valueSpan(document, "/id")).isEqualTo("3:5-3:6");
    }

    @Test
    void valuesAreUnmodifiable() {
        var document = YamlDocument.parse("a: [1]\n");

        @SuppressWarnings("unchecked")
        var root = (Map<String, Object>) document.root();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> root.put("b", 2))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEmptyFileHasNoDocumentsAndNoDiagnostics() {
        var document = YamlDocument.parse("# just a comment\n");

        assertThat(document.documentCount()).isZero();
        assertThat(document.root()).isNull();
        assertThat(document.diagnostics()).isEmpty();
        assertThat(document.nodeAt(3)).isEmpty();
    }
}
