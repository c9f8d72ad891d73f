package dev.flowbench.editor.edit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineBlockEditsTest {

    private static String indent(String marked) {
        Marked m = Marked.parse(marked);
        return Marked.render(m.text(), LineBlockEdits.indent(m.text(), m.from(), m.to()));
    }

    private static String outdent(String marked) {
        Marked m = Marked.parse(marked);
        return Marked.render(m.text(), LineBlockEdits.outdent(m.text(), m.from(), m.to()));
    }

    private static String toggle(String marked) {
        Marked m = Marked.parse(marked);
        return Marked.render(m.text(), LineBlockEdits.toggleComment(m.text(), m.from(), m.to()));
    }

    @Test
    void tabAtACaretInsertsSpacesToTheNextEvenColumn() {
        assertThat(indent("a:|")).isEqualTo("a:  |");
        assertThat(indent("a: |")).isEqualTo("a:  |");
    }

    @Test
    void tabWithASelectionAcrossLinesIndentsEachNonBlankLine() {
        assertThat(indent("«a: 1\n\nb: 2»\nc: 3")).isEqualTo("«  a: 1\n\n  b: 2»\nc: 3");
    }

    @Test
    void aSelectionEndingAtALineStartDoesNotTouchThatLine() {
        assertThat(indent("«a: 1\n»b: 2")).isEqualTo("«  a: 1\n»b: 2");
    }

    @Test
    void shiftTabRemovesUpToTwoSpacesPerLine() {
        assertThat(outdent("    a: 1\n   b|: 2\nc: 3")).isEqualTo("    a: 1\n b|: 2\nc: 3");
        assertThat(outdent("«  a\n b\nc»")).isEqualTo("«a\nb\nc»");
    }

    @Test
    void toggleCommentCommentsAtTheSmallestIndentation() {
        assertThat(toggle("a:\n«  b: 1\n    c: 2»")).isEqualTo("a:\n«  # b: 1\n  #   c: 2»");
    }

    @Test
    void toggleCommentOnACaretMovesTheCaretWithItsText() {
        assertThat(toggle("  id: x|")).isEqualTo("  # id: x|");
    }

    @Test
    void toggleCommentUncommentsWhenEveryLineIsAComment() {
        assertThat(toggle("«# a: 1\n\n  #b: 2»")).isEqualTo("«a: 1\n\n  b: 2»");
        assertThat(toggle("  # id: x|")).isEqualTo("  id: x|");
    }

    @Test
    void toggleCommentTwiceRestoresTheText() {
        Marked m = Marked.parse("tasks:\n«  - id: a\n    type: b»\n");
        Edit once = LineBlockEdits.toggleComment(m.text(), m.from(), m.to());
        String commented = once.applyTo(m.text());
        Edit twice = LineBlockEdits.toggleComment(commented, once.anchor(), once.caret());
        assertThat(twice.applyTo(commented)).isEqualTo(m.text());
    }
}
