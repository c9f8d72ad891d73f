package dev.flowbench.editor.edit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Completion triggers, offset shifting and go-to-line parsing: small rules the view relies on. */
class SmallRulesTest {

    private static boolean opens(String marked) {
        Marked m = Marked.parse(marked);
        return CompletionTriggers.opensCompletion(m.text(), m.from());
    }

    @Test
    void completionOpensAfterAKeyColonSpaceAndInsideExpressions() {
        assertThat(opens("  type: |")).isTrue();
        assertThat(opens("msg: \"{{ |")).isTrue();
        assertThat(opens("msg: \"{{ inputs.|")).isTrue();
        assertThat(opens("msg: \"{{ secret('|")).isTrue();
    }

    @Test
    void completionStaysClosedInCommentsPlainTextAndClosedExpressions() {
        assertThat(opens("# note: |")).isFalse();
        assertThat(opens("msg: hello world.|")).isFalse();
        assertThat(opens("msg: {{ a }}.|")).isFalse();
        assertThat(opens("msg: a |")).isFalse();
    }

    @Test
    void offsetsMoveThroughChanges() {
        assertThat(OffsetShift.shift(10, 2, 3, 1, false)).isEqualTo(8);
        assertThat(OffsetShift.shift(1, 2, 3, 1, false)).isEqualTo(1);
        assertThat(OffsetShift.shift(3, 2, 3, 1, false)).isEqualTo(2);
        assertThat(OffsetShift.shift(2, 2, 0, 4, false)).isEqualTo(2);
        assertThat(OffsetShift.shift(2, 2, 0, 4, true)).isEqualTo(6);
    }

    @Test
    void goToLineAcceptsLineOrLineColon() {
        assertThat(LineColumn.parse("12")).contains(new LineColumn(12, 1));
        assertThat(LineColumn.parse(" 3 : 7 ")).contains(new LineColumn(3, 7));
        assertThat(LineColumn.parse("0")).isEmpty();
        assertThat(LineColumn.parse("x")).isEmpty();
        assertThat(LineColumn.parse("1:2:3")).isEmpty();
    }
}
