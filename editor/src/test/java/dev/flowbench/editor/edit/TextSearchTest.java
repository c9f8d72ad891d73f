package dev.flowbench.editor.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.editor.api.TextEdit;
import dev.flowbench.editor.edit.TextSearch.Match;
import org.junit.jupiter.api.Test;

class TextSearchTest {

    @Test
    void literalSearchIgnoresCaseUnlessAskedAndTreatsRegexCharactersLiterally() {
        assertThat(TextSearch.find("Echo echo e.ho", SearchQuery.literal("echo"))
                        .matches())
                .containsExactly(new Match(0, 4), new Match(5, 9));
        assertThat(TextSearch.find("Echo echo", new SearchQuery("echo", false, true))
                        .matches())
                .containsExactly(new Match(5, 9));
        assertThat(TextSearch.find("echo e.ho", SearchQuery.literal("e.ho")).matches())
                .containsExactly(new Match(5, 9));
    }

    @Test
    void regexSearchMatchesPerLineAnchors() {
        assertThat(TextSearch.find("a: 1\nb: 2", new SearchQuery("^\\w", true, false))
                        .matches())
                .containsExactly(new Match(0, 1), new Match(5, 6));
    }

    @Test
    void aMalformedRegexIsAnErrorMessageNotAnException() {
        TextSearch.Result result = TextSearch.find("x", new SearchQuery("(", true, false));
        assertThat(result.matches()).isEmpty();
        assertThat(result.error()).startsWith("Invalid regular expression");
    }

    @Test
    void replaceAllExpandsGroupsInRegexMode() {
        assertThat(TextSearch.replaceAll("a: 1\nb: 22", new SearchQuery("(\\w): (\\d+)", true, false), "$2=$1"))
                .containsExactly(new TextEdit(0, 4, "1=a"), new TextEdit(5, 10, "22=b"));
    }

    @Test
    void literalReplacementKeepsDollarSigns() {
        assertThat(TextSearch.replaceAll("x x", SearchQuery.literal("x"), "$1"))
                .containsExactly(new TextEdit(0, 1, "$1"), new TextEdit(2, 3, "$1"));
    }

    @Test
    void replaceOneReplacesOnlyTheGivenMatchWithItsContext() {
        var query = new SearchQuery("(?<=b)a", true, false);
        String text = "ba ca ba";
        assertThat(TextSearch.find(text, query).matches()).containsExactly(new Match(1, 2), new Match(7, 8));
        assertThat(TextSearch.replaceOne(text, query, "X", new Match(7, 8))).containsExactly(new TextEdit(7, 8, "X"));
    }

    @Test
    void nextAndPreviousWrapAround() {
        TextSearch.Result r = TextSearch.find("a a a", SearchQuery.literal("a"));
        assertThat(r.nextFrom(1)).isEqualTo(1);
        assertThat(r.nextFrom(5)).isEqualTo(0);
        assertThat(r.previousFrom(2)).isEqualTo(0);
        assertThat(r.previousFrom(0)).isEqualTo(2);
    }
}
