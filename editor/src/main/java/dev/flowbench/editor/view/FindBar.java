package dev.flowbench.editor.view;

import dev.flowbench.editor.api.TextEdit;
import dev.flowbench.editor.edit.SearchQuery;
import dev.flowbench.editor.edit.TextSearch;
import dev.flowbench.editor.edit.TextSearch.Match;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;

/**
 * The find/replace bar above the text (Ctrl+F, Ctrl+H): highlights every match, selects the current one, counts
 * them, and replaces one or all in a single undo step. A malformed regular expression shows its error in place
 * of the count.
 */
final class FindBar extends VBox {
    private final CodeArea area;
    private final StyleLayer layer;
    private final Runnable restyle;
    private final TextField find = new TextField();
    private final TextField replace = new TextField();
    private final ToggleButton regex = new ToggleButton(".*");
    private final ToggleButton matchCase = new ToggleButton("Aa");
    private final Label status = new Label();
    private final HBox replaceRow;
    private final PauseTransition refreshLater = new PauseTransition(Duration.millis(150));
    private TextSearch.Result result = new TextSearch.Result(List.of(), null);
    private int current = -1;

    FindBar(CodeArea area, StyleLayer layer, Runnable restyle) {
        this.area = area;
        this.layer = layer;
        this.restyle = restyle;
        getStyleClass().add("find-bar");
        find.setPromptText("Find");
        find.getStyleClass().add("find-field");
        replace.setPromptText("Replace");
        replace.getStyleClass().add("replace-field");
        regex.setTooltip(new Tooltip("Regular expression"));
        regex.getStyleClass().add("find-regex");
        matchCase.setTooltip(new Tooltip("Match case"));
        matchCase.getStyleClass().add("find-match-case");
        status.getStyleClass().add("find-status");
        var previous = button("↑", "Previous match (Shift+Enter)", this::previous);
        var next = button("↓", "Next match (Enter)", this::next);
        var close = button("×", "Close (Esc)", this::close);
        HBox.setHgrow(find, Priority.ALWAYS);
        HBox.setHgrow(replace, Priority.ALWAYS);
        var findRow = new HBox(4, find, regex, matchCase, status, previous, next, close);
        findRow.setAlignment(Pos.CENTER_LEFT);
        var replaceOne = button("Replace", "Replace this match", this::replaceCurrent);
        replaceOne.getStyleClass().add("replace-one");
        var replaceAll = button("Replace all", "Replace every match", this::replaceAll);
        replaceAll.getStyleClass().add("replace-all");
        replaceRow = new HBox(4, replace, replaceOne, replaceAll);
        replaceRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(findRow, replaceRow);
        setVisible(false);
        setManaged(false);

        find.textProperty().addListener((obs, old, text) -> search(true));
        regex.selectedProperty().addListener((obs, old, on) -> search(true));
        matchCase.selectedProperty().addListener((obs, old, on) -> search(true));
        refreshLater.setOnFinished(e -> search(false));
        find.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    previous();
                } else {
                    next();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        replace.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                replaceCurrent();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
    }

    /** Opens the bar (with the replace row when {@code withReplace}), seeded with a one-line selection. */
    void open(boolean withReplace) {
        String selected = area.getSelectedText();
        if (!selected.isEmpty() && selected.indexOf('\n') < 0) {
            find.setText(selected);
        }
        replaceRow.setVisible(withReplace);
        replaceRow.setManaged(withReplace);
        setVisible(true);
        setManaged(true);
        find.requestFocus();
        find.selectAll();
        search(true);
    }

    boolean isOpen() {
        return isVisible();
    }

    void close() {
        setVisible(false);
        setManaged(false);
        layer.clear();
        restyle.run();
        area.requestFocus();
    }

    /** Called after every text change; re-searches shortly after, while the bar is open. */
    void textChanged() {
        if (isOpen()) {
            refreshLater.playFromStart();
        }
    }

    void next() {
        if (result.matches().isEmpty()) {
            return;
        }
        int from = current >= 0 && isCurrentSelected()
                ? result.matches().get(current).start() + 1
                : area.getSelection().getStart();
        go(result.nextFrom(from));
    }

    void previous() {
        if (result.matches().isEmpty()) {
            return;
        }
        go(result.previousFrom(area.getSelection().getStart()));
    }

    void replaceCurrent() {
        if (current < 0 || !isCurrentSelected()) {
            next();
            return;
        }
        Match match = result.matches().get(current);
        List<TextEdit> edits = TextSearch.replaceOne(area.getText(), query(), replace.getText(), match);
        if (edits.isEmpty()) {
            return;
        }
        TextEdit edit = edits.getFirst();
        area.replaceText(edit.start(), edit.end(), edit.newText());
        search(false);
        go(result.nextFrom(edit.start() + edit.newText().length()));
    }

    void replaceAll() {
        List<TextEdit> edits = TextSearch.replaceAll(area.getText(), query(), replace.getText());
        HoverController.applyEdits(area, edits);
        search(false);
        status.setText("Replaced " + edits.size());
    }

    private SearchQuery query() {
        return new SearchQuery(find.getText(), regex.isSelected(), matchCase.isSelected());
    }

    /** Finds all matches; when {@code jump}, selects the first one at or after the caret. */
    private void search(boolean jump) {
        if (!isOpen()) {
            return;
        }
        result = TextSearch.find(area.getText(), query());
        find.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("error"), result.error() != null);
        current = -1;
        if (jump && !result.matches().isEmpty()) {
            go(result.nextFrom(area.getSelection().getStart()));
            return;
        }
        if (!jump) {
            int start = area.getSelection().getStart();
            for (int i = 0; i < result.matches().size(); i++) {
                if (result.matches().get(i).start() == start) {
                    current = i;
                }
            }
        }
        showMatches();
    }

    private void go(int index) {
        if (index < 0) {
            return;
        }
        current = index;
        Match match = result.matches().get(index);
        area.selectRange(match.start(), match.end());
        area.requestFollowCaret();
        showMatches();
    }

    private boolean isCurrentSelected() {
        Match match = result.matches().get(current);
        return area.getSelection().getStart() == match.start()
                && area.getSelection().getEnd() == match.end();
    }

    private void showMatches() {
        var marks = new ArrayList<Mark>(result.matches().size());
        for (int i = 0; i < result.matches().size(); i++) {
            Match m = result.matches().get(i);
            if (m.end() > m.start()) {
                marks.add(new Mark(m.start(), m.end(), i == current ? "search-current" : "search-match", null));
            }
        }
        layer.set(marks);
        restyle.run();
        if (result.error() != null) {
            status.setText(result.error());
        } else if (find.getText().isEmpty()) {
            status.setText("");
        } else if (result.matches().isEmpty()) {
            status.setText("No results");
        } else {
            String more = result.matches().size() >= TextSearch.MAX_MATCHES ? "+" : "";
            status.setText((current + 1) + " of " + result.matches().size() + more);
        }
    }

    /** The current count or error, for tests and screen readers. */
    String status() {
        return status.getText();
    }

    private static Button button(String text, String tip, Runnable action) {
        var button = new Button(text);
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
    }
}
