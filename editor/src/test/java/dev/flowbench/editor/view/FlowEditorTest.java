package dev.flowbench.editor.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.editor.api.CompletionItem;
import dev.flowbench.editor.api.CompletionResult;
import dev.flowbench.editor.api.LanguageSupport;
import java.util.Collection;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Journeys through the real control on the headless platform: typing, keys, styles, find, go to line, undo. */
@ExtendWith(ApplicationExtension.class)
class FlowEditorTest {
    FlowEditor editor;

    @Start
    void start(Stage stage) {
        editor = new FlowEditor();
        stage.setScene(new Scene(editor, 900, 600));
        stage.show();
    }

    @AfterEach
    void dispose() {
        Fx.run(editor::dispose);
        Fx.closePopups();
    }

    Collection<String> styleAt(int offset) {
        return Fx.call(() -> editor.codeArea().getStyleOfChar(offset));
    }

    void load(String text) {
        Fx.run(() -> {
            editor.load(text);
            editor.codeArea().requestFocus();
        });
    }

    void caretAtEnd() {
        Fx.run(() -> editor.codeArea().moveTo(editor.codeArea().getLength()));
    }

    String text() {
        return Fx.call(editor::getText);
    }

    @Test
    void typedYamlGetsHighlightedByKind(FxRobot robot) {
        robot.clickOn(editor.codeArea());
        robot.write("id: hello # note");
        Fx.waitUntil(() -> styleAt(0).contains("key"));
        assertThat(styleAt(4)).containsExactly("string");
        assertThat(styleAt(12)).containsExactly("comment");
    }

    @Test
    void aLoadedDocumentIsHighlightedBeforeItIsFirstDrawn() {
        Collection<String> styleRightAfterLoad = Fx.call(() -> {
            editor.load("id: hello # note");
            return editor.codeArea().getStyleOfChar(0);
        });
        assertThat(styleRightAfterLoad).containsExactly("key");
        assertThat(styleAt(12)).containsExactly("comment");
    }

    @Test
    void aDocumentTooLongToHighlightAtOnceIsHighlightedInTheBackground() {
        String longText = "id: hello # note\n" + "# filler\n".repeat(FlowEditor.STYLE_AT_ONCE_LIMIT / 9);
        Collection<String> styleRightAfterLoad = Fx.call(() -> {
            editor.load(longText);
            return editor.codeArea().getStyleOfChar(0);
        });
        assertThat(styleRightAfterLoad).isEmpty();
        Fx.waitUntil(() -> styleAt(0).contains("key"));
    }

    @Test
    void themeColoursReachTheStyledText(FxRobot robot) {
        load("id: hello # note");
        Fx.waitUntil(() -> robot.lookup(".flow-code-area .key").tryQuery().isPresent());
        Fx.waitUntil(() -> ((javafx.scene.text.Text)
                        robot.lookup(".flow-code-area .key").query())
                .getFill()
                .equals(javafx.scene.paint.Color.web("#0550ae")));
        assertThat(Fx.call(() -> ((javafx.scene.text.Text)
                                robot.lookup(".flow-code-area .comment").query())
                        .getFill()))
                .isEqualTo(javafx.scene.paint.Color.web("#6e7781"));
    }

    @Test
    void expressionsInsideStringsAreStyledApart(FxRobot robot) {
        load("message: \"Hi {{ inputs.name }}\"");
        Fx.waitUntil(() -> styleAt(0).contains("key"));
        assertThat(styleAt(10)).containsExactly("string");
        assertThat(styleAt(13)).containsExactly("expression-delimiter");
        assertThat(styleAt(16)).containsExactly("expression");
    }

    @Test
    void enterIndentsAfterAKeyAndContinuesAList(FxRobot robot) {
        robot.clickOn(editor.codeArea());
        robot.write("commands:");
        robot.type(KeyCode.ENTER);
        robot.write("- echo a");
        robot.type(KeyCode.ENTER);
        robot.write("echo b");
        assertThat(text()).isEqualTo("commands:\n  - echo a\n  - echo b");
    }

    @Test
    void tabIndentsTheSelectedLinesAndShiftTabOutdentsThem(FxRobot robot) {
        load("a: 1\nb: 2\nc: 3");
        Fx.run(() -> editor.codeArea().selectRange(0, 9));
        robot.type(KeyCode.TAB);
        assertThat(text()).isEqualTo("  a: 1\n  b: 2\nc: 3");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertThat(text()).isEqualTo("a: 1\nb: 2\nc: 3");
    }

    @Test
    void backspaceInIndentationRemovesAWholeStep(FxRobot robot) {
        load("a:\n    ");
        caretAtEnd();
        robot.type(KeyCode.BACK_SPACE);
        assertThat(text()).isEqualTo("a:\n  ");
    }

    @Test
    void ctrlSlashTogglesCommentOnTheCaretLine(FxRobot robot) {
        load("tasks:\n  - id: a");
        caretAtEnd();
        robot.press(KeyCode.CONTROL).type(KeyCode.SLASH).release(KeyCode.CONTROL);
        assertThat(text()).isEqualTo("tasks:\n  # - id: a");
        Fx.waitUntil(() -> styleAt(9).contains("comment"));
        robot.press(KeyCode.CONTROL).type(KeyCode.SLASH).release(KeyCode.CONTROL);
        assertThat(text()).isEqualTo("tasks:\n  - id: a");
    }

    @Test
    void findAndReplaceAllWithARegularExpression(FxRobot robot) {
        load("a: 1\nbb: 1\nc: 2");
        robot.press(KeyCode.CONTROL).type(KeyCode.H).release(KeyCode.CONTROL);
        robot.clickOn(".find-regex");
        robot.clickOn(".find-field").write("(\\w+): 1");
        Fx.waitUntil(() -> editor.findBar().status().equals("1 of 2"));
        Fx.waitUntil(() -> styleAt(6).contains("search-match"));
        assertThat(Fx.call(() -> editor.codeArea().getSelectedText())).isEqualTo("a: 1");
        robot.clickOn(".replace-field").write("$1: one");
        robot.clickOn(".replace-all");
        assertThat(text()).isEqualTo("a: one\nbb: one\nc: 2");
    }

    @Test
    void findReportsAMalformedRegularExpression(FxRobot robot) {
        load("a: 1");
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.clickOn(".find-regex");
        robot.clickOn(".find-field").write("(");
        Fx.waitUntil(() -> editor.findBar().status().startsWith("Invalid regular expression"));
        robot.type(KeyCode.ESCAPE);
        assertThat(Fx.call(() -> editor.findBar().isOpen())).isFalse();
    }

    @Test
    void goToLineMovesTheCaret(FxRobot robot) {
        load("a: 1\nb: 2\nc: 3");
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        robot.write("3:2");
        robot.type(KeyCode.ENTER);
        assertThat(Fx.call(() -> editor.codeArea().getCurrentParagraph())).isEqualTo(2);
        assertThat(Fx.call(() -> editor.codeArea().getCaretColumn())).isEqualTo(1);
        assertThat(Fx.call(() -> editor.codeArea().isFocused())).isTrue();
    }

    @Test
    void stylingIsNeverAnUndoStep(FxRobot robot) {
        load("id: hello");
        Fx.waitUntil(() -> styleAt(0).contains("key"));
        assertThat(Fx.call(() -> editor.codeArea().getUndoManager().isUndoAvailable()))
                .isFalse();
        caretAtEnd();
        robot.write("!");
        Fx.waitUntil(() -> styleAt(9).contains("string"));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(text()).isEqualTo("id: hello");
        assertThat(Fx.call(() -> editor.codeArea().getUndoManager().isUndoAvailable()))
                .isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(text()).isEqualTo("id: hello!");
    }

    @Test
    void aKeystrokeRestylesOnlyTheRegionWhoseStylesChanged(FxRobot robot) {
        var body = new StringBuilder("tasks:\n");
        for (int i = 0; i < 300; i++) {
            body.append("  - id: t").append(i).append("\n    type: io.kestra.Log\n");
        }
        load(body.toString());
        int last = body.length() - 3;
        Fx.waitUntil(() -> editor.codeArea().getStyleOfChar(last).contains("string"));
        var restyled = new java.util.ArrayList<int[]>();
        Fx.run(() -> editor.codeArea()
                .richChanges()
                .filter(change -> change.toPlainTextChange().isIdentity())
                .subscribe(change -> restyled.add(
                        new int[] {change.getPosition(), change.getInserted().length()})));
        int lineStart = body.indexOf("  - id: t150");
        Fx.run(() -> editor.codeArea().insertText(lineStart, "# "));
        Fx.waitUntil(() -> editor.codeArea().getStyleOfChar(lineStart + 4).contains("comment"));
        Fx.waitUntil(() -> !editor.busyProperty().get());
        int total = Fx.call(() -> restyled.stream().mapToInt(r -> r[1]).sum());
        assertThat(total).isBetween(1, 40);
        assertThat(styleAt(last + 2)).containsExactly("string");
        assertThat(styleAt(lineStart + 19)).containsExactly("key");
    }

    @Test
    void themeSwitchKeepsTheBaseStylesheetAndChangesColours() {
        Fx.run(() -> editor.setTheme(EditorTheme.DARK));
        assertThat(Fx.call(() -> List.copyOf(editor.getStylesheets())))
                .containsExactly(EditorTheme.baseStylesheet(), EditorTheme.DARK.stylesheet());
        Fx.waitUntil(() -> editor.currentLineColor().toString().equals("0x232a35ff"));
    }

    /** A provider that proposes runner types after {@code type: }, with the Docker one as a snippet. */
    static LanguageSupport runnerTypes() {
        var docker = new CompletionItem(
                "io.kestra.plugin.scripts.runner.docker.Docker",
                CompletionItem.Kind.TYPE,
                "Docker runner",
                "Runs commands in a **Docker** container.",
                "io.kestra.plugin.scripts.runner.docker.Docker\npullPolicy: ${1:IF_NOT_PRESENT}\ncpu: ${2:1}",
                null);
        var process = CompletionItem.of("io.kestra.plugin.core.runner.Process", CompletionItem.Kind.TYPE);
        return LanguageSupport.NONE.withCompletion((text, caret) -> {
            int lineStart = text.lastIndexOf('\n', caret - 1) + 1;
            String line = text.substring(lineStart, caret);
            int colon = line.indexOf("type: ");
            if (colon < 0) {
                return CompletionResult.empty(caret);
            }
            return new CompletionResult(lineStart + colon + 6, List.of(process, docker));
        });
    }
}
