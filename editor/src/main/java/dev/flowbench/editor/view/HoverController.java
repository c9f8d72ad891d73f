package dev.flowbench.editor.view;

import dev.flowbench.editor.api.Hover;
import dev.flowbench.editor.api.LanguageSupport;
import dev.flowbench.editor.api.QuickFix;
import dev.flowbench.editor.api.TextEdit;
import dev.flowbench.schema.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;

/**
 * The popup shown when the mouse rests on text: the diagnostics under it with their quick fixes, then the
 * hover provider's explanation. Providers are asked off the FX thread; the answer is dropped if the mouse moved
 * on or the text changed meanwhile.
 */
final class HoverController {

    private final CodeArea area;
    private final ExecutorService executor;
    private final Supplier<LanguageSupport> language;
    private final StyleLayer diagnostics;
    private final Popup popup = new Popup();
    private final VBox content = new VBox(6);
    private final PauseTransition hideDelay = new PauseTransition(Duration.millis(300));
    private long request;
    private long textVersion;
    private boolean failureReported;

    HoverController(
            CodeArea area,
            ExecutorService executor,
            Supplier<LanguageSupport> language,
            StyleLayer diagnostics,
            ObservableList<String> stylesheets) {
        this.area = area;
        this.executor = executor;
        this.language = language;
        this.diagnostics = diagnostics;
        content.getStyleClass().addAll("flow-editor-popup", "hover-popup");
        content.setMaxWidth(560);
        Bindings.bindContent(content.getStylesheets(), stylesheets);
        popup.getContent().add(content);
        popup.setAutoHide(true);
        popup.setAutoFix(true);
        popup.setConsumeAutoHidingEvents(false);
        hideDelay.setOnFinished(e -> {
            if (!content.isHover()) {
                hide();
            }
        });
        content.hoverProperty().addListener((obs, was, hovering) -> {
            if (!hovering) {
                hideDelay.playFromStart();
            }
        });
        area.setMouseOverTextDelay(java.time.Duration.ofMillis(500));
        area.addEventHandler(
                MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> showAt(e.getCharacterIndex(), e.getScreenPosition()));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> {
            request++;
            hideDelay.playFromStart();
        });
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> hide());
    }

    void textChanged() {
        textVersion++;
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    /** Shows what is known about {@code offset} at a screen point; package-visible for keyboard use and tests. */
    void showAt(int offset, Point2D screen) {
        long id = ++request;
        long version = textVersion;
        hideDelay.stop();
        List<Diagnostic> here = diagnosticsAt(offset);
        String text = area.getText();
        LanguageSupport support = language.get();
        try {
            executor.execute(() -> {
                try {
                    Optional<Hover> hover = support.hover().hover(text, offset);
                    var fixes = new LinkedHashMap<Diagnostic, List<QuickFix>>();
                    for (Diagnostic d : here) {
                        fixes.put(d, List.copyOf(support.quickFixes().quickFixes(text, d)));
                    }
                    Platform.runLater(() -> {
                        if (id == request && version == textVersion) {
                            show(hover, fixes, version, screen);
                        }
                    });
                } catch (RuntimeException e) {
                    Platform.runLater(() -> reportFailure(e));
                }
            });
        } catch (RejectedExecutionException e) {
            // Disposed editor.
        }
    }

    void hide() {
        request++;
        hideDelay.stop();
        popup.hide();
    }

    private List<Diagnostic> diagnosticsAt(int offset) {
        var found = new ArrayList<Diagnostic>();
        for (Mark mark : diagnostics.marks()) {
            boolean covers = mark.start() == mark.end()
                    ? offset == mark.start() || offset == mark.start() - 1
                    : offset >= mark.start() && offset < mark.end();
            if (covers && mark.payload() instanceof Diagnostic d) {
                found.add(d);
            }
        }
        found.sort(Comparator.comparing(Diagnostic::severity));
        return found;
    }

    private void show(Optional<Hover> hover, Map<Diagnostic, List<QuickFix>> fixes, long version, Point2D screen) {
        if (fixes.isEmpty() && hover.isEmpty()) {
            popup.hide();
            return;
        }
        content.getChildren().clear();
        for (var entry : fixes.entrySet()) {
            Diagnostic d = entry.getKey();
            var icon = new Label(d.severity().label());
            icon.getStyleClass()
                    .addAll("hover-severity", "hover-" + d.severity().label());
            var message = new Label(d.message());
            message.setWrapText(true);
            message.getStyleClass().add("hover-message");
            var line = new HBox(6, icon, message);
            line.getStyleClass().add("hover-diagnostic");
            content.getChildren().add(line);
            for (QuickFix fix : entry.getValue()) {
                var link = new Hyperlink("Quick fix: " + fix.title());
                link.getStyleClass().add("hover-quick-fix");
                link.setOnAction(e -> applyFix(fix, version));
                content.getChildren().add(link);
            }
        }
        if (hover.isPresent()) {
            if (!fixes.isEmpty()) {
                content.getChildren().add(new Separator());
            }
            content.getChildren().add(new MarkdownView(hover.get().markdown()));
        }
        if (!popup.isShowing()) {
            popup.show(area, screen.getX() + 4, screen.getY() + 12);
        } else {
            popup.setAnchorX(screen.getX() + 4);
            popup.setAnchorY(screen.getY() + 12);
        }
    }

    private void applyFix(QuickFix fix, long version) {
        hide();
        if (version != textVersion) {
            return;
        }
        applyEdits(area, fix.edits());
    }

    /** Applies edits computed against the current text as one undoable change. */
    static void applyEdits(CodeArea area, List<TextEdit> edits) {
        if (edits.isEmpty()) {
            return;
        }
        var sorted = new ArrayList<>(edits);
        // From the end backwards, so every edit's offsets are still valid when it is applied.
        sorted.sort(Comparator.comparingInt(TextEdit::start).reversed());
        var change = area.createMultiChange(sorted.size());
        for (TextEdit edit : sorted) {
            change.replaceText(edit.start(), edit.end(), edit.newText());
        }
        change.commit();
    }

    private void reportFailure(RuntimeException e) {
        if (!failureReported) {
            failureReported = true;
            log().log(System.Logger.Level.WARNING, "Hover failed", e);
        }
    }

    /**
     * This class's logger, looked up only when there is something to report: the first lookup scans the class
     * path for logging providers, which would otherwise slow every start.
     */
    private static System.Logger log() {
        return System.getLogger(HoverController.class.getName());
    }
}
