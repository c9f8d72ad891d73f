package dev.flowbench.editor.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.editor.api.CompletionItem;
import dev.flowbench.editor.api.CompletionResult;
import dev.flowbench.editor.api.DocLink;
import dev.flowbench.editor.api.Hover;
import dev.flowbench.editor.api.LanguageSupport;
import dev.flowbench.editor.api.QuickFix;
import dev.flowbench.editor.api.TextEdit;
import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.Position;
import dev.flowbench.schema.diagnostic.Range;
import dev.flowbench.schema.diagnostic.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Journeys through the language hooks with fake providers written here: completion, snippets, doc links,
 * diagnostics with quick fixes, hover.
 */
@ExtendWith(ApplicationExtension.class)
class FlowEditorLanguageTest {
    private static final String DOCKER = "io.kestra.plugin.scripts.runner.docker.Docker";
    private static final String PROCESS = "io.kestra.plugin.core.runner.Process";
    private static final Pattern TYPE_VALUE = Pattern.compile("type: (\\S+)");
    private static final Pattern BAD_PULL_POLICY = Pattern.compile("pullPolicy: (SOMETIMES)");

    FlowEditor editor;

    @Start
    void start(Stage stage) {
        editor = new FlowEditor();
        editor.setLanguageSupport(fakeLanguage());
        stage.setScene(new Scene(editor, 900, 600));
        stage.show();
    }

    @AfterEach
    void dispose() {
        Fx.run(editor::dispose);
        Fx.closePopups();
    }

    /** Runner types after {@code type: } (Docker as a snippet), links on type values, one pullPolicy rule. */
    static LanguageSupport fakeLanguage() {
        var docker = new CompletionItem(
                DOCKER,
                CompletionItem.Kind.TYPE,
                "Docker runner",
                "Runs commands in a **Docker** container.",
                DOCKER + "\npullPolicy: ${1:IF_NOT_PRESENT}\ncpu: ${2:1}$0",
                null);
        var process = CompletionItem.of(PROCESS, CompletionItem.Kind.TYPE).withDetail("Local process");
        return LanguageSupport.NONE
                .withCompletion((text, caret) -> {
                    int lineStart = text.lastIndexOf('\n', caret - 1) + 1;
                    int type = text.substring(lineStart, caret).indexOf("type: ");
                    return type < 0
                            ? CompletionResult.empty(caret)
                            : new CompletionResult(lineStart + type + 6, List.of(process, docker));
                })
                .withDocLinks(text -> {
                    var links = new ArrayList<DocLink>();
                    Matcher m = TYPE_VALUE.matcher(text);
                    while (m.find()) {
                        links.add(new DocLink(m.start(1), m.end(1), m.group(1)));
                    }
                    return links;
                })
                .withDiagnostics(text -> {
                    var found = new ArrayList<Diagnostic>();
                    Matcher m = BAD_PULL_POLICY.matcher(text);
                    while (m.find()) {
                        found.add(Diagnostic.of(
                                range(text, m.start(1), m.end(1)),
                                Severity.ERROR,
                                "enum",
                                "Unknown pullPolicy SOMETIMES"));
                    }
                    return found;
                })
                .withQuickFixes((text, diagnostic) -> List.of(new QuickFix(
                        "Replace with IF_NOT_PRESENT",
                        List.of(new TextEdit(
                                diagnostic.range().start().offset(),
                                diagnostic.range().end().offset(),
                                "IF_NOT_PRESENT")))))
                .withHover((text, offset) ->
                        Optional.of(new Hover(offset, offset, "**pullPolicy**: when to pull the image")));
    }

    static Range range(String text, int start, int end) {
        return new Range(position(text, start), position(text, end));
    }

    static Position position(String text, int offset) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart, offset);
    }

    void load(String text) {
        Fx.run(() -> {
            editor.load(text);
            editor.codeArea().requestFocus();
            editor.codeArea().moveTo(editor.codeArea().getLength());
        });
    }

    String text() {
        return Fx.call(editor::getText);
    }

    Collection<String> styleAt(int offset) {
        return Fx.call(() -> editor.codeArea().getStyleOfChar(offset));
    }

    List<String> listed() {
        return Fx.call(() -> editor.completion().visibleItems().stream()
                .map(CompletionItem::label)
                .toList());
    }

    /**
     * The screen centre of the character at {@code offset}, once layout has settled: the same point on two
     * consecutive pulses, and a hit test there lands on that character.
     */
    Point2D screenPointOf(int offset) {
        var last = new AtomicReference<Point2D>();
        Fx.waitUntil(() -> {
            var area = editor.codeArea();
            Optional<Bounds> bounds = area.getCharacterBoundsOnScreen(offset, offset + 1);
            if (bounds.isEmpty()) {
                return false;
            }
            Point2D point = new Point2D(bounds.get().getCenterX(), bounds.get().getCenterY());
            Point2D local = area.screenToLocal(point);
            boolean hits =
                    area.hit(local.getX(), local.getY()).getCharacterIndex().orElse(-1) == offset;
            return hits && point.equals(last.getAndSet(point));
        });
        return last.get();
    }

    @Test
    void ctrlSpaceOpensCompletionAndEnterInsertsTheSnippetWithItsFirstStopSelected(FxRobot robot) {
        load("taskRunner:\n  type: ");
        robot.press(KeyCode.CONTROL).type(KeyCode.SPACE).release(KeyCode.CONTROL);
        Fx.waitUntil(() -> editor.completion().isShowing());
        assertThat(listed()).containsExactly(PROCESS, DOCKER);
        assertThat(robot.lookup(".completion-list").tryQuery()).isPresent();

        robot.type(KeyCode.DOWN);
        Fx.waitUntil(() -> robot.lookup(".completion-detail")
                .queryAs(Labeled.class)
                .getText()
                .equals("Docker runner"));
        robot.type(KeyCode.ENTER);

        assertThat(text()).isEqualTo("taskRunner:\n  type: " + DOCKER + "\n  pullPolicy: IF_NOT_PRESENT\n  cpu: 1");
        assertThat(Fx.call(() -> editor.codeArea().getSelectedText())).isEqualTo("IF_NOT_PRESENT");
        robot.write("ALWAYS");
        robot.type(KeyCode.TAB);
        assertThat(Fx.call(() -> editor.codeArea().getSelectedText())).isEqualTo("1");
        robot.write("2");
        robot.type(KeyCode.TAB);
        assertThat(text()).endsWith("pullPolicy: ALWAYS\n  cpu: 2");
        assertThat(Fx.call(() -> editor.codeArea().getCaretPosition())).isEqualTo(text().length());
        assertThat(Fx.call(() -> editor.snippets().isActive())).isFalse();
    }

    @Test
    void typingTypeColonSpaceOpensCompletionAndTypingFiltersIt(FxRobot robot) {
        load("taskRunner:\n  ");
        robot.write("type: ");
        Fx.waitUntil(() -> editor.completion().isShowing());
        robot.write("dock");
        Fx.waitUntil(() -> listed().equals(List.of(DOCKER)));
        robot.type(KeyCode.ESCAPE);
        assertThat(Fx.call(() -> editor.completion().isShowing())).isFalse();
        assertThat(text()).isEqualTo("taskRunner:\n  type: dock");
    }

    @Test
    void completionClosesWhenNothingMatchesAndOffersNothingElsewhere(FxRobot robot) {
        load("id: x\n");
        robot.press(KeyCode.CONTROL).type(KeyCode.SPACE).release(KeyCode.CONTROL);
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(Fx.call(() -> editor.completion().isShowing())).isFalse();
        robot.write("type: ");
        Fx.waitUntil(() -> editor.completion().isShowing());
        robot.write("zzz");
        Fx.waitUntil(() -> !editor.completion().isShowing());
    }

    @Test
    void ctrlClickOnATypeValueFiresTheOpenDocsEvent(FxRobot robot) {
        var opened = new CopyOnWriteArrayList<String>();
        Fx.run(() -> editor.setOnOpenDocs(e -> opened.add(e.typeId())));
        String text = "tasks:\n  - id: a\n    type: " + PROCESS + "\n";
        load(text);
        int typeAt = text.indexOf(PROCESS) + 5;
        Fx.waitUntil(() -> editor.docLinkAt(typeAt).isPresent());
        robot.clickOn(screenPointOf(typeAt));
        assertThat(opened).isEmpty();
        robot.press(KeyCode.CONTROL).clickOn(screenPointOf(typeAt)).release(KeyCode.CONTROL);
        Fx.waitUntil(() -> opened.equals(List.of(PROCESS)));
    }

    @Test
    void f1OpensDocsForTheTypeAtTheCaret(FxRobot robot) {
        var opened = new CopyOnWriteArrayList<String>();
        Fx.run(() -> editor.setOnOpenDocs(e -> opened.add(e.typeId())));
        load("type: " + DOCKER);
        Fx.waitUntil(() -> editor.docLinkAtCaret().isPresent());
        robot.type(KeyCode.F1);
        Fx.waitUntil(() -> opened.equals(List.of(DOCKER)));
    }

    @Test
    void setDiagnosticsUnderlinesAndMarksTheGutterUntilCleared() {
        Fx.run(() -> editor.setLanguageSupport(LanguageSupport.NONE));
        String text = "id: hello\nnamespace: x\n";
        load(text);
        var warning = Diagnostic.of(range(text, 11, 20), Severity.WARNING, "w", "Namespace looks odd");
        Fx.run(() -> editor.setDiagnostics(List.of(warning)));
        Fx.waitUntil(() -> editor.codeArea().getStyleOfChar(12).contains("diagnostic-warning"));
        assertThat(styleAt(12)).contains("key");
        assertThat(Fx.call(() -> editor.gutter().diagnosticsOn(1))).containsExactly(warning);
        Fx.run(() -> editor.setDiagnostics(List.of()));
        Fx.waitUntil(() -> !editor.codeArea().getStyleOfChar(12).contains("diagnostic-warning"));
        assertThat(Fx.call(() -> editor.gutter().diagnosticsOn(1))).isEmpty();
    }

    @Test
    void aBadValueIsUnderlinedAndTheHoverQuickFixRemovesTheUnderline(FxRobot robot) {
        load("taskRunner:\n  type: " + DOCKER + "\n  pullPolicy: ");
        robot.write("SOMETIMES");
        int bad = text().indexOf("SOMETIMES");
        Fx.waitUntil(() -> editor.codeArea().getStyleOfChar(bad + 1).contains("diagnostic-error"));
        assertThat(Fx.call(() -> editor.diagnosticsProperty().get())).hasSize(1);
        Fx.waitUntil(() -> robot.lookup(".gutter-error").tryQuery().isPresent());

        Point2D point = screenPointOf(bad + 2);
        Fx.run(() -> editor.hover().showAt(bad + 2, point));
        Fx.waitUntil(() -> robot.lookup(".hover-quick-fix").tryQuery().isPresent());
        assertThat(robot.lookup(".hover-message").queryAs(Labeled.class).getText())
                .isEqualTo("Unknown pullPolicy SOMETIMES");
        robot.clickOn((Node) robot.lookup(".hover-quick-fix").queryAs(Hyperlink.class));

        assertThat(text()).endsWith("pullPolicy: IF_NOT_PRESENT");
        Fx.waitUntil(() -> editor.diagnosticsProperty().get().isEmpty());
        Fx.waitUntil(() -> !editor.codeArea().getStyleOfChar(bad + 1).contains("diagnostic-error"));
        assertThat(robot.lookup(".gutter-error").tryQuery()).isEmpty();
    }

    @Test
    void restingTheMouseOnAnUnderlineShowsItsMessage(FxRobot robot) {
        load("pullPolicy: SOMETIMES\n");
        Fx.waitUntil(() -> editor.codeArea().getStyleOfChar(14).contains("diagnostic-error"));
        // Enter the text from below, so the rest starts with a real move whatever earlier tests left behind.
        Point2D target = screenPointOf(14);
        robot.moveTo(new Point2D(target.getX(), target.getY() + 200));
        robot.moveTo(target);
        robot.moveBy(1, 0);
        Fx.waitUntil(() -> editor.hover().isShowing());
        // A second rest (the small move) may rebuild the popup; read it once it has settled.
        Fx.waitUntil(() -> robot.lookup(".hover-message").tryQuery().isPresent()
                && robot.lookup(".markdown").tryQuery().isPresent());
        assertThat(Fx.call(() ->
                        robot.lookup(".hover-message").queryAs(Labeled.class).getText()))
                .isEqualTo("Unknown pullPolicy SOMETIMES");
    }
}
