package dev.flowbench.editor.view;

import dev.flowbench.editor.edit.LineColumn;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.fxmisc.richtext.CodeArea;

/** The go-to-line bar (Ctrl+G): type {@code line} or {@code line:column}, Enter moves the caret there. */
final class GoToLineBar extends HBox {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final CodeArea area;
    private final TextField input = new TextField();

    GoToLineBar(CodeArea area) {
        this.area = area;
        getStyleClass().add("go-to-line-bar");
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        input.getStyleClass().add("go-to-line-field");
        input.setPrefColumnCount(10);
        var hint = new Label();
        hint.getStyleClass().add("go-to-line-hint");
        getChildren().addAll(new Label("Go to line:"), input, hint);
        setVisible(false);
        setManaged(false);
        input.textProperty()
                .addListener((obs, old, text) -> input.pseudoClassStateChanged(
                        ERROR, !text.isBlank() && LineColumn.parse(text).isEmpty()));
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                Optional<LineColumn> target = LineColumn.parse(input.getText());
                if (target.isPresent()) {
                    close();
                    goTo(area, target.get().line(), target.get().column());
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        hint.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> "1–" + area.getParagraphs().size(), area.getParagraphs()));
    }

    void open() {
        setVisible(true);
        setManaged(true);
        input.setText(String.valueOf(area.getCurrentParagraph() + 1));
        input.requestFocus();
        input.selectAll();
    }

    void close() {
        setVisible(false);
        setManaged(false);
        area.requestFocus();
    }

    /** Moves the caret to one-based {@code line} and {@code column}, clamped to the text, and shows it. */
    static void goTo(CodeArea area, int line, int column) {
        int paragraph = Math.clamp(line - 1, 0, area.getParagraphs().size() - 1);
        int col = Math.clamp(column - 1, 0, area.getParagraphLength(paragraph));
        area.moveTo(paragraph, col);
        area.showParagraphAtCenter(paragraph);
        area.requestFollowCaret();
    }
}
