package dev.flowbench.editor.view;

import dev.flowbench.editor.api.CompletionItem;
import dev.flowbench.editor.api.CompletionProvider;
import dev.flowbench.editor.api.CompletionResult;
import dev.flowbench.editor.edit.Snippet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;

/**
 * Runs completion: asks the provider off the FX thread, shows the popup at the caret, filters the list as the
 * user keeps typing (by any part of an item's filter text), and inserts the accepted item as a snippet.
 *
 * <p>A provider's answer is used only if the text before its replace position is unchanged since the request,
 * so a slow answer never lands in the wrong place.
 */
final class CompletionController {

    private final CodeArea area;
    private final ExecutorService executor;
    private final Supplier<CompletionProvider> provider;
    private final SnippetSession snippets;
    private final ObservableList<String> stylesheets;
    /** Built when first shown: an editor that never completes costs no popup window, list or docs pane. */
    private CompletionPopup popup;

    private long request;
    /** Smallest offset changed since the pending request or open session began. */
    private int changedFrom = Integer.MAX_VALUE;

    private int replaceStart = -1;
    private List<CompletionItem> all = List.of();
    private boolean failureReported;

    CompletionController(
            CodeArea area,
            ExecutorService executor,
            Supplier<CompletionProvider> provider,
            SnippetSession snippets,
            ObservableList<String> stylesheets) {
        this.area = area;
        this.executor = executor;
        this.provider = provider;
        this.snippets = snippets;
        this.stylesheets = stylesheets;
        area.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                close();
            }
        });
    }

    boolean isShowing() {
        return popup != null && popup.isShowing();
    }

    private CompletionPopup popup() {
        if (popup == null) {
            popup = new CompletionPopup(stylesheets, this::accept);
            popup.onHidden(this::forget);
        }
        return popup;
    }

    /** Asks for proposals at the caret; the popup opens when the answer has any. */
    void trigger() {
        long id = ++request;
        changedFrom = Integer.MAX_VALUE;
        String text = area.getText();
        int caret = area.getCaretPosition();
        CompletionProvider current = provider.get();
        try {
            executor.execute(() -> {
                CompletionResult result;
                try {
                    result = current.complete(text, caret);
                } catch (RuntimeException e) {
                    Platform.runLater(() -> reportFailure(e));
                    return;
                }
                Platform.runLater(() -> answered(id, result));
            });
        } catch (RejectedExecutionException e) {
            // Disposed editor.
        }
    }

    private void answered(long id, CompletionResult result) {
        int caret = area.getCaretPosition();
        if (id != request || result == null || result.items().isEmpty()) {
            return;
        }
        if (changedFrom < result.replaceStart()
                || caret < result.replaceStart()
                || result.replaceStart() > area.getLength()) {
            return;
        }
        replaceStart = result.replaceStart();
        all = result.items();
        refilter(true);
    }

    /** Keeps the open list in step with typing: filter on the word, close when the caret leaves it. */
    void textChanged(PlainTextChange change) {
        changedFrom = Math.min(changedFrom, change.getPosition());
        if (!isShowing()) {
            return;
        }
        if (change.getPosition() < replaceStart) {
            close();
            return;
        }
        // The caret moves after the change event; filter once it is in place.
        Platform.runLater(() -> refilter(false));
    }

    void caretMoved(int caret) {
        if (isShowing() && (caret < replaceStart || caret > Math.max(replaceStart, area.getLength()))) {
            close();
        }
    }

    private void refilter(boolean opening) {
        if (replaceStart < 0 || (!opening && !isShowing())) {
            return;
        }
        int caret = area.getCaretPosition();
        if (caret < replaceStart) {
            close();
            return;
        }
        String typed = area.getText(replaceStart, caret);
        if (typed.chars().anyMatch(Character::isWhitespace)) {
            close();
            return;
        }
        String needle = typed.toLowerCase(Locale.ROOT);
        var matching = new ArrayList<CompletionItem>();
        for (CompletionItem item : all) {
            if (item.filterText().toLowerCase(Locale.ROOT).contains(needle)) {
                matching.add(item);
            }
        }
        if (matching.isEmpty()) {
            close();
            return;
        }
        Bounds caretBounds = area.getCaretSelectionBind().getCaretBounds().orElse(null);
        double x;
        double y;
        if (caretBounds != null) {
            x = caretBounds.getMinX();
            y = caretBounds.getMaxY();
        } else {
            Bounds areaBounds = area.localToScreen(area.getBoundsInLocal());
            x = areaBounds.getMinX();
            y = areaBounds.getMinY();
        }
        popup().show(area, x, y, matching);
    }

    void move(int delta) {
        if (isShowing()) {
            popup.move(delta);
        }
    }

    /** Inserts the selected item; does nothing when the popup is closed. */
    void acceptSelected() {
        CompletionItem item = isShowing() ? popup.selected() : null;
        if (item != null) {
            accept(item);
        }
    }

    private void accept(CompletionItem item) {
        int start = replaceStart;
        int caret = area.getCaretPosition();
        close();
        if (start < 0 || start > caret) {
            return;
        }
        int lineStart = area.getAbsolutePosition(
                area.offsetToPosition(start, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward)
                        .getMajor(),
                0);
        String line = area.getText(lineStart, start);
        int indent = 0;
        while (indent < line.length() && line.charAt(indent) == ' ') {
            indent++;
        }
        Snippet snippet = Snippet.parse(item.insertText(), " ".repeat(indent));
        area.replaceText(start, caret, snippet.text());
        snippets.start(start, snippet);
        area.requestFollowCaret();
    }

    void close() {
        request++;
        if (popup != null) {
            popup.hide();
        }
        forget();
    }

    private void forget() {
        replaceStart = -1;
        all = List.of();
    }

    /** The items currently listed, for tests. */
    List<CompletionItem> visibleItems() {
        return isShowing() ? popup.items() : List.of();
    }

    private void reportFailure(RuntimeException e) {
        if (!failureReported) {
            failureReported = true;
            log().log(System.Logger.Level.WARNING, "Completion failed", e);
        }
    }

    /**
     * This class's logger, looked up only when there is something to report: the first lookup scans the class
     * path for logging providers, which would otherwise slow every start.
     */
    private static System.Logger log() {
        return System.getLogger(CompletionController.class.getName());
    }
}
