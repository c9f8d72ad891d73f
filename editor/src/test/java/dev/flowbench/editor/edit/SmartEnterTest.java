package dev.flowbench.editor.edit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmartEnterTest {

    private static String enter(String marked) {
        Marked m = Marked.parse(marked);
        return Marked.render(m.text(), SmartEnter.newline(m.text(), m.from(), m.to()));
    }

    @Test
    void keepsTheIndentationOfAPlainLine() {
        assertThat(enter("a:\n  b: 1|")).isEqualTo("a:\n  b: 1\n  |");
    }

    @Test
    void indentsAfterAKeyThatOpensABlock() {
        assertThat(enter("tasks:|")).isEqualTo("tasks:\n  |");
        assertThat(enter("  taskRunner: # the runner|")).isEqualTo("  taskRunner: # the runner\n    |");
    }

    @Test
    void indentsUnderAKeyInsideAListItemFromTheKeysColumn() {
        assertThat(enter("  - retry:|")).isEqualTo("  - retry:\n      |");
    }

    @Test
    void indentsTheBodyOfABlockScalar() {
        assertThat(enter("    script: |-|")).isEqualTo("    script: |-\n      |");
    }

    @Test
    void continuesAListOfScalars() {
        assertThat(enter("commands:\n  - echo hi|")).isEqualTo("commands:\n  - echo hi\n  - |");
    }

    @Test
    void continuesTheMappingOfAListItemAtItsKeyColumn() {
        assertThat(enter("tasks:\n  - id: greet|")).isEqualTo("tasks:\n  - id: greet\n    |");
    }

    @Test
    void enterOnAnEmptyListItemEndsTheList() {
        assertThat(enter("commands:\n  - a\n  - |")).isEqualTo("commands:\n  - a\n|");
    }

    @Test
    void splitsALineAtTheCaretKeepingIndentation() {
        assertThat(enter("  a: 1|b")).isEqualTo("  a: 1\n  |b");
    }

    @Test
    void caretInsideTheIndentationKeepsItsColumn() {
        assertThat(enter(" | a: 1")).isEqualTo(" \n |  a: 1".replace("|  ", "| "));
    }

    @Test
    void replacesTheSelection() {
        assertThat(enter("  a: x«yz»")).isEqualTo("  a: x\n  |");
    }
}
