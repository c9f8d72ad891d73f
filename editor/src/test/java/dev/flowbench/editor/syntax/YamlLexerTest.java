package dev.flowbench.editor.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class YamlLexerTest {

    /** Each token as {@code kind:text}, with the kind's CSS class name, in order. */
    private static List<String> lex(String text) {
        return YamlLexer.lex(text).toList().stream()
                .map(t -> t.kind().styleClass() + ":" + text.substring(t.start(), t.end()))
                .toList();
    }

    @Test
    void keyAndPlainValueAreSeparatedByPunctuation() {
        assertThat(lex("id: hello")).containsExactly("key:id", "punctuation::", "string:hello");
    }

    @Test
    void scalarsAreClassifiedByTheCoreSchema() {
        assertThat(lex("a: 12\nb: -1.5e3\nc: 0x1F\nd: true\ne: False\nf: null\ng: ~\nh: .inf\ni: 1.2.3\nj: yes"))
                .containsSubsequence("number:12", "number:-1.5e3", "number:0x1F", "boolean:true", "boolean:False")
                .containsSubsequence("null:null", "null:~", "number:.inf", "string:1.2.3", "string:yes");
    }

    @Test
    void commentsNeedABlankBeforeTheHash() {
        assertThat(lex("url: http://x#frag # note"))
                .containsExactly("key:url", "punctuation::", "string:http://x#frag", "comment:# note");
        assertThat(lex("# whole line")).containsExactly("comment:# whole line");
    }

    @Test
    void sequenceItemsCarryTheirKeys() {
        assertThat(lex("tasks:\n  - id: greet\n    type: io.kestra.Log"))
                .containsExactly(
                        "key:tasks",
                        "punctuation::",
                        "punctuation:-",
                        "key:id",
                        "punctuation::",
                        "string:greet",
                        "key:type",
                        "punctuation::",
                        "string:io.kestra.Log");
    }

    @Test
    void expressionsAreDistinguishedInsideQuotedAndPlainStrings() {
        assertThat(lex("message: \"Hi {{ inputs.name }}!\""))
                .containsExactly(
                        "key:message",
                        "punctuation::",
                        "string:\"Hi ",
                        "expression-delimiter:{{",
                        "expression: inputs.name ",
                        "expression-delimiter:}}",
                        "string:!\"");
        assertThat(lex("- echo {{ outputs.a.vars.b }} done"))
                .containsExactly(
                        "punctuation:-",
                        "string:echo ",
                        "expression-delimiter:{{",
                        "expression: outputs.a.vars.b ",
                        "expression-delimiter:}}",
                        "string: done");
    }

    @Test
    void unquotedExpressionAtValueStartIsAnExpressionNotAFlowMapping() {
        assertThat(lex("value: {{ vars.x }}"))
                .containsExactly(
                        "key:value",
                        "punctuation::",
                        "expression-delimiter:{{",
                        "expression: vars.x ",
                        "expression-delimiter:}}");
    }

    @Test
    void unclosedExpressionRunsToTheEndOfTheString() {
        assertThat(lex("m: \"{{ inputs."))
                .containsExactly(
                        "key:m", "punctuation::", "string:\"", "expression-delimiter:{{", "expression: inputs.");
    }

    @Test
    void anchorsAliasesTagsAndDocumentMarkersAreTokens() {
        assertThat(lex("---\nbase: &defaults\n  a: !!str 1\nuse: *defaults\n..."))
                .containsExactly(
                        "document-marker:---",
                        "key:base",
                        "punctuation::",
                        "anchor:&defaults",
                        "key:a",
                        "punctuation::",
                        "tag:!!str",
                        "number:1",
                        "key:use",
                        "punctuation::",
                        "alias:*defaults",
                        "document-marker:...");
    }

    @Test
    void blockScalarContentIsStringUntilIndentationReturns() {
        assertThat(lex("script: |-\n  echo {{ x }}\n\n  # not a comment\nnext: 1"))
                .containsExactly(
                        "key:script",
                        "punctuation::",
                        "block-scalar-indicator:|-",
                        "string:echo ",
                        "expression-delimiter:{{",
                        "expression: x ",
                        "expression-delimiter:}}",
                        "string:# not a comment",
                        "key:next",
                        "punctuation::",
                        "number:1");
    }

    @Test
    void quotedStringsMaySpanLinesAndQuotedKeysAreKeys() {
        assertThat(lex("\"my key\": 'it''s\n  long'\nb: \"x\\\"y\""))
                .containsExactly(
                        "key:\"my key\"",
                        "punctuation::",
                        "string:'it''s",
                        "string:  long'",
                        "key:b",
                        "punctuation::",
                        "string:\"x\\\"y\"");
    }

    @Test
    void flowCollectionsSpanLinesAndSplitOnCommas() {
        assertThat(lex("a: {b: 1, c: [x,\n  2]}\nd: e"))
                .containsExactly(
                        "key:a",
                        "punctuation::",
                        "punctuation:{",
                        "key:b",
                        "punctuation::",
                        "number:1",
                        "punctuation:,",
                        "key:c",
                        "punctuation::",
                        "punctuation:[",
                        "string:x",
                        "punctuation:,",
                        "number:2",
                        "punctuation:]",
                        "punctuation:}",
                        "key:d",
                        "punctuation::",
                        "string:e");
    }

    @Test
    void windowsLineEndsAreNotPartOfTokens() {
        assertThat(lex("a: 1\r\nb: two\r\n"))
                .containsExactly("key:a", "punctuation::", "number:1", "key:b", "punctuation::", "string:two");
    }

    @Test
    void indexAtFindsTheTokenContainingAnOffsetOrNone() {
        Tokens tokens = YamlLexer.lex("key: value");
        assertThat(tokens.kind(tokens.indexAt(1))).isEqualTo(TokenKind.KEY);
        assertThat(tokens.indexAt(4)).isEqualTo(-1);
        assertThat(tokens.kind(tokens.indexAt(9))).isEqualTo(TokenKind.STRING);
        assertThat(tokens.indexAt(10)).isEqualTo(-1);
    }

    @Test
    void randomTextYieldsSortedNonOverlappingTokensWithinBounds() {
        var random = new Random(42);
        String alphabet = "ab1: -#'\"{}[],&*!|>\n\t%.~{{}}";
        for (int round = 0; round < 2_000; round++) {
            var sb = new StringBuilder();
            int length = random.nextInt(80);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            Tokens tokens = YamlLexer.lex(text);
            int previousEnd = 0;
            for (int i = 0; i < tokens.size(); i++) {
                assertThat(tokens.start(i)).as(text).isGreaterThanOrEqualTo(previousEnd);
                assertThat(tokens.end(i))
                        .as(text)
                        .isGreaterThan(tokens.start(i))
                        .isLessThanOrEqualTo(text.length());
                previousEnd = tokens.end(i);
            }
        }
    }
}
