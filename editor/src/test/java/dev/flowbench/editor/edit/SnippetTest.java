package dev.flowbench.editor.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.editor.edit.Snippet.TabStop;
import org.junit.jupiter.api.Test;

class SnippetTest {

    @Test
    void placeholdersBecomeTabStopsInNumberOrderWithTheFinalStopLast() {
        Snippet s = Snippet.parse("a: $0\nb: ${2:two}\nc: ${1:one}", "");
        assertThat(s.text()).isEqualTo("a: \nb: two\nc: one");
        assertThat(s.stops()).containsExactly(new TabStop(1, 14, 17), new TabStop(2, 7, 10), new TabStop(0, 3, 3));
    }

    @Test
    void linesAfterTheFirstAreIndented() {
        Snippet s = Snippet.parse("type: X\nimage: ${1:ubuntu}", "    ");
        assertThat(s.text()).isEqualTo("type: X\n    image: ubuntu");
        assertThat(s.stops()).containsExactly(new TabStop(1, 19, 25));
    }

    @Test
    void escapesAndMalformedSyntaxAreInsertedLiterally() {
        assertThat(Snippet.parse("cost \\$5 \\} ${x} $", "").text()).isEqualTo("cost $5 } ${x} $");
        assertThat(Snippet.parse("cost \\$5", "").stops()).isEmpty();
    }

    @Test
    void aRepeatedNumberIsVisitedOnce() {
        assertThat(Snippet.parse("${1:a} $1", "").stops()).containsExactly(new TabStop(1, 0, 1));
    }
}
