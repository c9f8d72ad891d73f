package dev.flowbench.editor.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.editor.syntax.YamlLexer;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class StyleComposerTest {

    /** Each span as {@code text[classes]}, so expectations read like the styled text. */
    private static List<String> spans(String text, StyleSpans<Collection<String>> spans) {
        var out = new java.util.ArrayList<String>();
        int position = 0;
        for (var span : spans) {
            out.add(text.substring(position, position + span.getLength()) + span.getStyle());
            position += span.getLength();
        }
        return out;
    }

    @Test
    void marksAddTheirClassOnTopOfTokenClassesAndSplitSpansAtTheirEdges() {
        String text = "id: hello";
        var spans = new StyleComposer()
                .compose(text.length(), YamlLexer.lex(text), List.of(new Mark(2, 6, "diagnostic-error", null)));
        assertThat(spans(text, spans))
                .containsExactly(
                        "id[key]",
                        ":[punctuation, diagnostic-error]",
                        " [diagnostic-error]",
                        "he[string, diagnostic-error]",
                        "llo[string]");
    }

    @Test
    void overlappingMarksCombineAndAnEmptyMarkStillCoversOneCharacter() {
        String text = "a: b";
        var spans = new StyleComposer()
                .compose(
                        text.length(),
                        YamlLexer.lex(text),
                        List.of(
                                new Mark(0, 4, "search-match", null),
                                new Mark(3, 4, "diagnostic-error", null),
                                new Mark(4, 4, "diagnostic-warning", null)));
        assertThat(spans(text, spans))
                .containsExactly(
                        "a[key, search-match]",
                        ":[punctuation, search-match]",
                        " [search-match]",
                        "b[string, diagnostic-error, diagnostic-warning, search-match]");
    }

    @Test
    void spansAlwaysCoverTheWholeText() {
        assertThat(new StyleComposer().compose(0, YamlLexer.lex(""), List.of()).length())
                .isZero();
        String text = "a: 1\n\n# x\n";
        assertThat(new StyleComposer()
                        .compose(text.length(), YamlLexer.lex(text), List.of())
                        .length())
                .isEqualTo(text.length());
    }

    @Test
    void theRestyledRangeIsWhereStylesDifferOrTextWasEdited() {
        var composer = new StyleComposer();
        String before = "a: 1\nb: 2\nc: 3";
        String after = "a: 1\nb: x\nc: 3";
        var old = composer.compose(before.length(), YamlLexer.lex(before), List.of());
        var fresh = composer.compose(after.length(), YamlLexer.lex(after), List.of());
        assertThat(SpanDiff.changedRange(old, fresh, 8, 5)).containsExactly(8, 9);
        assertThat(SpanDiff.changedRange(old, old, Integer.MAX_VALUE, Integer.MAX_VALUE)[0])
                .isGreaterThanOrEqualTo(SpanDiff.changedRange(old, old, Integer.MAX_VALUE, Integer.MAX_VALUE)[1]);
        // An edit that leaves styles as they were still restyles the edited characters.
        assertThat(SpanDiff.changedRange(old, old, 3, 10)).containsExactly(3, 4);
    }
}
