package dev.flowbench.schema.yaml;

import static dev.flowbench.schema.yaml.YamlDocumentTest.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.DiagnosticData;
import dev.flowbench.schema.diagnostic.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Syntax errors and hostile input: each gives a precise diagnostic, never an exception. */
class YamlReaderTest {
    private static Diagnostic only(YamlDocument document) {
        assertThat(document.diagnostics()).hasSize(1);
        return document.diagnostics().getFirst();
    }

    @Test
    void unquotedExpressionIsReportedWithItsQuotedReplacement() {
        var document = YamlDocument.parse("""
                id: hello
                message: {{ inputs.name }}
                next: 1
                """);

        var diagnostic = only(document);
        assertThat(diagnostic.code()).isEqualTo(YamlCodes.UNQUOTED_EXPRESSION);
        assertThat(diagnostic.severity()).isEqualTo(Severity.ERROR);
        assertThat(span(diagnostic.range())).isEqualTo("2:10-2:27");
        assertThat(diagnostic.message()).startsWith("quote this expression: \"{{ inputs.name }}\"");
        assertThat(diagnostic.data()).containsEntry(DiagnosticData.REPLACEMENT, "\"{{ inputs.name }}\"");
        assertThat(document.root()).isEqualTo(Map.of("id", "hello", "message", "{{ inputs.name }}", "next", 1L));
    }

    @Test
    void unquotedExpressionFollowedByTextIsReportedAndTheRestIsStillRead() {
        var document = YamlDocument.parse("""
                tasks:
                  - id: log
                    message: {{ inputs.name }} says "hi" # greet
                  - id: after
                """);

        var diagnostic = only(document);
        assertThat(diagnostic.code()).isEqualTo(YamlCodes.UNQUOTED_EXPRESSION);
        assertThat(span(diagnostic.range())).isEqualTo("3:14-3:41");
        assertThat(diagnostic.data()).containsEntry(DiagnosticData.REPLACEMENT, "'{{ inputs.name }} says \"hi\"'");
        assertThat(document.node("/tasks/0/message").orElseThrow().value()).isEqualTo("{{ inputs.name }} says \"hi\"");
        assertThat(span(document.valueRange("/tasks/0/message").orElseThrow())).isEqualTo("3:14-3:41");
        assertThat(document.node("/tasks/1/id").orElseThrow().value()).isEqualTo("after");
    }

    @Test
    void tabIndentationIsReportedAtTheTabAndTheRestIsStillRead() {
        var document = YamlDocument.parse("tasks:\n  - id: a\n\ttype: Log\nafter: 1\n");

        var diagnostic = only(document);
        assertThat(diagnostic.code()).isEqualTo(YamlCodes.TAB_INDENT);
        assertThat(span(diagnostic.range())).isEqualTo("3:1-3:2");
        assertThat(diagnostic.message()).contains("spaces");
        assertThat(document.node("/after").orElseThrow().value()).isEqualTo(1L);
    }

    @Test
    void tabsInsideValuesAreFine() {
        var document = YamlDocument.parse("script: |\n  make:\n  \techo hi\nkey:\tvalue\n");

        assertThat(document.diagnostics()).isEmpty();
        assertThat(document.root()).isEqualTo(Map.of("script", "make:\n\techo hi\n", "key", "value"));
    }

    @Test
    void aliasBombIsRefusedQuicklyWithAClearMessage() {
        var bomb =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            char previous = (char) (level - 1);
            bomb.append(level).append(": &").append(level).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
        }

        long start = System.nanoTime();
        var document = YamlDocument.parse(bomb.toString());

        assertThat(System.nanoTime() - start).as("refused before expanding").isLessThan(5_000_000_000L);
        var diagnostic = only(document);
        assertThat(diagnostic.code()).isEqualTo(YamlCodes.ALIAS_LIMIT);
        assertThat(diagnostic.message()).contains("alias bomb");
        // the first alias of level f would push the expansion past 100,000 values
        assertThat(span(diagnostic.range())).isEqualTo("6:8-6:10");
    }

    @Test
    void legitimateReuseOfAnAnchorInEveryTaskIsAccepted() {
        var flow = new StringBuilder("runner: &r {type: Docker, cpu: {cpus: 1}, memory: {memory: 512Mi}}\ntasks:\n");
        for (int i = 0; i < 2000; i++) {
            flow.append("  - id: t").append(i).append("\n    taskRunner: *r\n");
        }

        assertThat(YamlDocument.parse(flow.toString()).diagnostics()).isEmpty();
    }

    @Test
    void recursiveAndUnknownAliasesAreReported() {
        assertThat(only(YamlDocument.parse("a: &x [1, *x]\n")).code()).isEqualTo(YamlCodes.ALIAS_RECURSIVE);
        var unknown = only(YamlDocument.parse("a: *nothing\n"));
        assertThat(unknown.code()).isEqualTo(YamlCodes.UNKNOWN_ALIAS);
        assertThat(span(unknown.range())).isEqualTo("1:4-1:12");
    }

    @Test
    void deepNestingStopsWithAClearErrorAndKeepsTheOuterLevels() {
        String flow = "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        var block = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            block.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }

        var flowDocument = YamlDocument.parse(flow);
        var blockDocument = YamlDocument.parse(block.toString());

        assertThat(only(flowDocument).code()).isEqualTo(YamlCodes.TOO_DEEP);
        assertThat(span(only(flowDocument).range())).isEqualTo("1:203-1:204");
        assertThat(only(blockDocument).code()).isEqualTo(YamlCodes.TOO_DEEP);
        assertThat(only(blockDocument).range().start().line()).isEqualTo(200);
        assertThat(blockDocument.node("/k0/k1/k2").orElseThrow().kind()).isEqualTo(YamlNode.Kind.MAPPING);
    }

    @Test
    void fiftyMegabyteFilesAreRefusedWithoutParsing() {
        String huge = "k: v\n".repeat(10 * 1024 * 1024);

        var fromText = YamlDocument.parse(huge);
        var fromBytes = YamlDocument.parse(huge.getBytes(StandardCharsets.UTF_8));

        assertThat(only(fromText).code()).isEqualTo(YamlCodes.TOO_LARGE);
        assertThat(only(fromText).message()).contains("52,428,800 characters");
        assertThat(fromText.documentCount()).isZero();
        assertThat(only(fromBytes).code()).isEqualTo(YamlCodes.TOO_LARGE);
        assertThat(only(YamlDocument.parse("a: 1\n", new YamlLimits(3, 10, 10))).code())
                .isEqualTo(YamlCodes.TOO_LARGE);
    }

    @Test
    void binaryBytesAreReportedNotParsed() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

        var document = YamlDocument.parse(png);

        assertThat(only(document).code()).isEqualTo(YamlCodes.BINARY);
        assertThat(document.documentCount()).isZero();
    }

    @Test
    void invalidUtf8IsReportedAtTheBadByteAndTheRestIsRead() {
        byte[] latin1 = "id: x\ndescription: caf\u00e9 ok\n".getBytes(StandardCharsets.ISO_8859_1);

        var document = YamlDocument.parse(latin1);

        var diagnostic = only(document);
        assertThat(diagnostic.code()).isEqualTo(YamlCodes.ENCODING);
        assertThat(span(diagnostic.range())).isEqualTo("2:17-2:18");
        assertThat(diagnostic.message()).contains("0xE9").contains("UTF-8");
        assertThat(document.node("/id").orElseThrow().value()).isEqualTo("x");
    }

    @Test
    void utf8ByteOrderMarkIsDropped() {
        byte[] bytes = "\uFEFFid: x\n".getBytes(StandardCharsets.UTF_8);

        var document = YamlDocument.parse(bytes);

        assertThat(document.diagnostics()).isEmpty();
        assertThat(document.text()).isEqualTo("id: x\n");
    }

    @Test
    void controlCharactersAreReportedOneByOneAndSkipped() {
        var document = YamlDocument.parse("id: a\u0007b\nnext: 1\n");

        var diagnostic = only(document);
        assertThat(diagnostic.code()).isEqualTo(YamlCodes.CONTROL_CHARACTER);
        assertThat(span(diagnostic.range())).isEqualTo("1:6-1:7");
        assertThat(diagnostic.message()).contains("U+0007");
        assertThat(document.node("/next").orElseThrow().value()).isEqualTo(1L);
    }

    @Test
    void unclosedQuoteIsReportedAtTheOpeningQuote() {
        var diagnostic = only(YamlDocument.parse("a: 1\nmessage: \"hello\nb: 2\n"));

        assertThat(diagnostic.code()).isEqualTo(YamlCodes.SYNTAX);
        assertThat(span(diagnostic.range())).isEqualTo("2:10-2:16");
        assertThat(diagnostic.message()).contains("never closed");
    }

    @Test
    void misalignedLineIsReportedAsAnIndentationProblemAndEarlierValuesAreKept() {
        var document = YamlDocument.parse("tasks:\n  - id: a\n    type: Log\n   message: x\n");

        var diagnostic = only(document);
        assertThat(span(diagnostic.range())).isEqualTo("4:4-4:12");
        assertThat(diagnostic.message()).contains("indentation");
        assertThat(document.node("/tasks/0/type").orElseThrow().value()).isEqualTo("Log");
    }

    @Test
    void colonInsideAPlainValueIsExplained() {
        var diagnostic = only(YamlDocument.parse("message: Note: read this\n"));

        assertThat(span(diagnostic.range())).isEqualTo("1:14-1:15");
        assertThat(diagnostic.message()).contains("quote a value that contains ': '");
    }

    @Test
    void textAfterAQuotedValueIsExplained() {
        var diagnostic = only(YamlDocument.parse("message: \"a\" b\n"));

        assertThat(span(diagnostic.range())).isEqualTo("1:14-1:15");
        assertThat(diagnostic.message()).contains("quote the whole value");
    }

    @Test
    void unclosedFlowListIsReportedAtItsBracket() {
        var diagnostic = only(YamlDocument.parse("a: [1, 2\n"));

        assertThat(span(diagnostic.range())).isEqualTo("1:4-1:5");
        assertThat(diagnostic.message()).contains("unclosed '['");
    }

    @Test
    void aStarWithoutAliasNameIsExplainedAtTheStar() {
        var diagnostic = only(YamlDocument.parse("a: 1\nglob: *\nb: 2\n"));

        assertThat(span(diagnostic.range())).isEqualTo("2:7-2:8");
        assertThat(diagnostic.message()).startsWith("'*' starts an alias and must be followed by a name");
    }

    @Test
    void everyDiagnosticRangeLiesInsideTheText() {
        for (String text : List.of(
                "",
                "a",
                ":",
                "- -",
                "{",
                "[",
                "\"",
                "'",
                "a: |\n\t",
                "*",
                "&",
                "!",
                "? ",
                "---\n...",
                "a: {{",
                "{{",
                "\t",
                "%YAML 1.3\n---\na: 1",
                "a:\n  - b\n c: d",
                "a: b: c: d")) {
            var document = YamlDocument.parse(text);
            for (Diagnostic diagnostic : document.diagnostics()) {
                assertThat(diagnostic.range().end().offset()).as(text).isLessThanOrEqualTo(text.length());
                assertThat(diagnostic.message()).as(text).isNotBlank().doesNotContain("\n");
            }
        }
    }
}
