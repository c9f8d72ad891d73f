package dev.flowbench.editor.view;

import dev.flowbench.editor.api.DocLink;
import dev.flowbench.editor.api.LanguageSupport;
import dev.flowbench.editor.edit.CompletionTriggers;
import dev.flowbench.editor.edit.Edit;
import dev.flowbench.editor.edit.LineBlockEdits;
import dev.flowbench.editor.edit.SmartEnter;
import dev.flowbench.schema.diagnostic.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.event.EventHandler;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CharacterHit;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;

/**
 * A YAML flow editor: a RichTextFX code area with highlighting, line numbers, current-line highlight, smart
 * indentation, toggle comment, find/replace, go to line, diagnostics with quick fixes, completion, hover and
 * doc links. What it knows about the language comes from a {@link LanguageSupport}; without one it is a good
 * plain YAML editor.
 *
 * <p>Create, use and dispose it on the FX thread. Call {@link #dispose()} when it is closed for good: it stops
 * the editor's background threads.
 */
public class FlowEditor extends BorderPane {
    /**
     * The longest document {@link #load} highlights before its first frame, on the FX thread; longer ones are
     * highlighted by the background run a moment after they are shown.
     */
    static final int STYLE_AT_ONCE_LIMIT = 256 * 1024;

    private static final StyleablePropertyFactory<FlowEditor> CSS =
            new StyleablePropertyFactory<>(BorderPane.getClassCssMetaData());

    private final CodeArea area = new CodeArea();
    private final ExecutorService analysis = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("flowbench-editor-analysis").factory());
    private final ExecutorService interactive = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("flowbench-editor-completion").factory());
    private final ObjectProperty<LanguageSupport> language =
            new SimpleObjectProperty<>(this, "language", LanguageSupport.NONE);
    private final ReadOnlyObjectWrapper<List<Diagnostic>> diagnostics =
            new ReadOnlyObjectWrapper<>(this, "diagnostics", List.of());
    private final ObjectProperty<EventHandler<OpenDocsEvent>> onOpenDocs =
            new SimpleObjectProperty<>(this, "onOpenDocs") {
                @Override
                protected void invalidated() {
                    setEventHandler(OpenDocsEvent.OPEN_DOCS, get());
                }
            };
    private final ObjectProperty<EditorTheme> theme = new SimpleObjectProperty<>(this, "theme", EditorTheme.LIGHT);
    private final StyleableProperty<Color> currentLineColor = CSS.createStyleableColorProperty(
            this,
            "currentLineColor",
            "-fb-current-line-color",
            editor -> editor.currentLineColor,
            Color.web("#f1f5fb"));
    private final HighlightPipeline pipeline;
    private final Gutter gutter;
    private final SnippetSession snippets;
    private final CompletionController completion;
    private final HoverController hover;
    /** Built when first opened: a new editor then costs no text fields, buttons or tooltips. */
    private FindBar findBar;

    private GoToLineBar goToLineBar;
    private final VBox bars = new VBox();
    private boolean linkModifierDown;

    /** An empty editor with the light theme. */
    public FlowEditor() {
        getStyleClass().add("flow-editor");
        getStylesheets().setAll(EditorTheme.baseStylesheet(), EditorTheme.LIGHT.stylesheet());
        theme.addListener((obs, old, t) -> getStylesheets()
                .setAll(EditorTheme.baseStylesheet(), Objects.requireNonNull(t).stylesheet()));
        area.getStyleClass().add("flow-code-area");
        pipeline = new HighlightPipeline(area, analysis, Duration.millis(40), diagnostics::set, this::marksMoved);
        gutter = new Gutter(area);
        area.setParagraphGraphicFactory(gutter);
        area.setLineHighlighterOn(true);
        area.setLineHighlighterFill(currentLineColor.getValue());
        ((ObservableValue<Color>) currentLineColor)
                .addListener((obs, old, color) -> area.setLineHighlighterFill(color));
        snippets = new SnippetSession(area);
        completion = new CompletionController(
                area, interactive, () -> language.get().completion(), snippets, getStylesheets());
        hover = new HoverController(area, interactive, language::get, pipeline.diagnostics(), getStylesheets());
        language.addListener((obs, old, support) -> pipeline.setLanguage(Objects.requireNonNull(support)));

        area.plainTextChanges().filter(change -> !change.isIdentity()).subscribe(this::textChanged);
        area.caretPositionProperty().addListener((obs, old, caret) -> completion.caretMoved(caret));
        EditorKeys.install(area, this);
        area.addEventHandler(KeyEvent.KEY_TYPED, this::autoComplete);
        area.addEventFilter(MouseEvent.MOUSE_PRESSED, this::maybeOpenDocs);
        installLinkModifierStyle();

        setTop(bars);
        setCenter(new VirtualizedScrollPane<>(area));
    }

    /** The underlying code area, for caret, selection, focus and undo; do not restyle its text directly. */
    public CodeArea codeArea() {
        return area;
    }

    /** The whole text. */
    public String getText() {
        return area.getText();
    }

    /** Replaces the whole text as one undoable edit. */
    public void setText(String text) {
        area.replaceText(text);
    }

    /**
     * Replaces the whole text with a freshly loaded document: no undo back to the old one, caret at the start, and
     * a document of common size already highlighted when next drawn.
     */
    public void load(String text) {
        area.replaceText(text);
        pipeline.styleNow(STYLE_AT_ONCE_LIMIT);
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        area.requestFollowCaret();
    }

    /** What the editor knows about its language; defaults to {@link LanguageSupport#NONE}. */
    public ObjectProperty<LanguageSupport> languageSupportProperty() {
        return language;
    }

    public void setLanguageSupport(LanguageSupport support) {
        language.set(support);
    }

    public LanguageSupport getLanguageSupport() {
        return language.get();
    }

    /**
     * The diagnostics shown: the latest answer of the diagnostic provider, or what {@link #setDiagnostics} set.
     * Their ranges refer to the text they were computed for; the underlines follow later edits.
     */
    public ReadOnlyObjectProperty<List<Diagnostic>> diagnosticsProperty() {
        return diagnostics.getReadOnlyProperty();
    }

    /**
     * Shows {@code list} (ranges into the current text) as underlines and gutter markers; a diagnostic provider,
     * when the language support has one, replaces them on its next run.
     */
    public void setDiagnostics(List<Diagnostic> list) {
        List<Diagnostic> copy = List.copyOf(list);
        diagnostics.set(copy);
        pipeline.setDiagnostics(copy);
    }

    /** True while highlighting or diagnostics are being recomputed (for a status bar's busy indicator). */
    public ReadOnlyBooleanProperty busyProperty() {
        return pipeline.busyProperty();
    }

    /** The handler told when the user asks for a plugin's docs (Ctrl/Cmd+click on a type, F1). */
    public ObjectProperty<EventHandler<OpenDocsEvent>> onOpenDocsProperty() {
        return onOpenDocs;
    }

    public void setOnOpenDocs(EventHandler<OpenDocsEvent> handler) {
        onOpenDocs.set(handler);
    }

    public ObjectProperty<EditorTheme> themeProperty() {
        return theme;
    }

    public void setTheme(EditorTheme value) {
        theme.set(value);
    }

    /** The doc link (a {@code type:} value) at the caret, if any. */
    public Optional<DocLink> docLinkAtCaret() {
        return docLinkAt(area.getCaretPosition());
    }

    /** Fires {@link OpenDocsEvent} for the doc link at the caret; returns whether there was one. */
    public boolean openDocsAtCaret() {
        Optional<DocLink> link = docLinkAtCaret();
        link.ifPresent(l -> fireEvent(new OpenDocsEvent(l.typeId())));
        return link.isPresent();
    }

    /** Moves the caret to one-based {@code line} and {@code column} (clamped) and scrolls it into view. */
    public void goTo(int line, int column) {
        GoToLineBar.goTo(area, line, column);
    }

    /** Selects {@code start..end} and scrolls it into view (a problem's range, say). */
    public void select(int start, int end) {
        int length = area.getLength();
        area.selectRange(Math.clamp(start, 0, length), Math.clamp(end, 0, length));
        area.requestFollowCaret();
    }

    public void showFind() {
        findBar().open(false);
    }

    public void showReplace() {
        findBar().open(true);
    }

    public void showGoToLine() {
        goToLineBar().open();
    }

    /** Opens completion at the caret (Ctrl+Space). */
    public void triggerCompletion() {
        completion.trigger();
    }

    public void toggleComment() {
        apply(LineBlockEdits.toggleComment(area.getText(), selectionStart(), selectionEnd()));
    }

    public void indent() {
        apply(LineBlockEdits.indent(area.getText(), selectionStart(), selectionEnd()));
    }

    public void outdent() {
        apply(LineBlockEdits.outdent(area.getText(), selectionStart(), selectionEnd()));
    }

    public void undo() {
        area.undo();
    }

    public void redo() {
        area.redo();
    }

    /** Stops the background threads and closes popups; the editor must not be used afterwards. */
    public void dispose() {
        completion.close();
        hover.hide();
        analysis.shutdownNow();
        interactive.shutdownNow();
    }

    // ---- package-private hooks used by the key bindings and tests ----

    void smartEnter() {
        apply(SmartEnter.newline(area.getText(), selectionStart(), selectionEnd()));
    }

    /** Backspace inside leading spaces removes back to the previous indentation stop; false if not there. */
    boolean backspaceIndentation() {
        if (area.getSelection().getLength() > 0) {
            return false;
        }
        int column = area.getCaretColumn();
        if (column == 0) {
            return false;
        }
        String before = area.getText(area.getCurrentParagraph(), 0, area.getCurrentParagraph(), column);
        if (!before.isBlank() || before.indexOf('\t') >= 0) {
            return false;
        }
        int remove = column % SmartEnter.INDENT == 0 ? SmartEnter.INDENT : column % SmartEnter.INDENT;
        int caret = area.getCaretPosition();
        area.deleteText(caret - remove, caret);
        return true;
    }

    CompletionController completion() {
        return completion;
    }

    SnippetSession snippets() {
        return snippets;
    }

    /** The find bar, built and put above the text (before the go-to-line bar) on first use. */
    FindBar findBar() {
        if (findBar == null) {
            findBar = new FindBar(area, pipeline.search(), pipeline::requestUpdate);
            bars.getChildren().addFirst(findBar);
        }
        return findBar;
    }

    HoverController hover() {
        return hover;
    }

    Gutter gutter() {
        return gutter;
    }

    /** The go-to-line bar, built and put above the text on first use. */
    GoToLineBar goToLineBar() {
        if (goToLineBar == null) {
            goToLineBar = new GoToLineBar(area);
            bars.getChildren().addLast(goToLineBar);
        }
        return goToLineBar;
    }

    /** The fill of the current line, set from the theme's {@code -fb-current-line-color}. */
    Color currentLineColor() {
        return currentLineColor.getValue();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    Optional<DocLink> docLinkAt(int offset) {
        for (Mark mark : pipeline.links().marks()) {
            if (mark.start() > offset) {
                break;
            }
            if (mark.contains(offset) && mark.payload() instanceof DocLink link) {
                return Optional.of(link);
            }
        }
        return Optional.empty();
    }

    private void textChanged(PlainTextChange change) {
        snippets.textChanged(change);
        completion.textChanged(change);
        hover.textChanged();
        if (findBar != null) {
            findBar.textChanged();
        }
    }

    private void marksMoved() {
        gutter.update(pipeline.diagnostics().marks());
    }

    private void autoComplete(KeyEvent e) {
        if (e.isControlDown() || e.isMetaDown() || e.getCharacter().isEmpty()) {
            return;
        }
        // Look after the key has been inserted by the area's own handler.
        Platform.runLater(() -> {
            int paragraph = area.getCurrentParagraph();
            String before = area.getText(paragraph, 0, paragraph, area.getCaretColumn());
            if (CompletionTriggers.opensCompletion(before)) {
                completion.trigger();
            }
        });
    }

    private void maybeOpenDocs(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !(e.isShortcutDown() || linkModifierDown)) {
            return;
        }
        CharacterHit hit = area.hit(e.getX(), e.getY());
        int offset = hit.getCharacterIndex().orElse(hit.getInsertionIndex());
        docLinkAt(offset).ifPresent(link -> {
            e.consume();
            fireEvent(new OpenDocsEvent(link.typeId()));
        });
    }

    /**
     * While Ctrl/Cmd is held, links look like links (see {@code .links-active .doc-link} in the CSS) and a click
     * opens them. The key state is tracked from key events as well as read from the click, because some
     * platforms (the headless one among them) deliver mouse events without keyboard modifiers.
     */
    private void installLinkModifierStyle() {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (isLinkModifier(e.getCode())) {
                setLinkModifierDown(true);
            }
        });
        area.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (isLinkModifier(e.getCode())) {
                setLinkModifierDown(false);
            }
        });
        area.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                setLinkModifierDown(false);
            }
        });
    }

    private static boolean isLinkModifier(KeyCode code) {
        return code == KeyCode.CONTROL || code == KeyCode.META || code == KeyCode.COMMAND;
    }

    private void setLinkModifierDown(boolean down) {
        linkModifierDown = down;
        if (!down) {
            area.getStyleClass().remove("links-active");
        } else if (!area.getStyleClass().contains("links-active")) {
            area.getStyleClass().add("links-active");
        }
    }

    private int selectionStart() {
        return area.getSelection().getStart();
    }

    private int selectionEnd() {
        return area.getSelection().getEnd();
    }

    private void apply(Edit edit) {
        area.replaceText(edit.start(), edit.end(), edit.text());
        area.selectRange(edit.anchor(), edit.caret());
        area.requestFollowCaret();
    }
}
