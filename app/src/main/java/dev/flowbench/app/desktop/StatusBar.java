package dev.flowbench.app.desktop;

import dev.flowbench.app.desktop.document.DocumentTab;
import dev.flowbench.app.desktop.document.EditorTabsView;
import dev.flowbench.app.desktop.workbench.WorkbenchViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.fxmisc.richtext.CodeArea;

/** The bottom line: message, background work, problem counts, caret position and environment. */
final class StatusBar {
    private final HBox box;
    private final SimpleStringProperty caret = new SimpleStringProperty("");
    private final SimpleBooleanProperty editorBusy = new SimpleBooleanProperty();

    StatusBar(WorkbenchViewModel workbench, EditorTabsView tabs) {
        var message = label("status-message");
        message.textProperty().bind(workbench.messageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        var busy = new ProgressIndicator();
        busy.getStyleClass().add("status-busy");
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(workbench.busyProperty().or(editorBusy));
        var problems = label("status-problems");
        problems.textProperty()
                .bind(Bindings.format(
                        "✖ %d  ⚠ %d",
                        workbench.problems().errorsProperty(),
                        workbench.problems().warningsProperty()));
        var position = label("status-caret");
        position.textProperty().bind(caret);
        var environment = label("status-environment");
        environment
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> workbench.environmentProperty().get() == null
                                ? "no environment"
                                : "env: " + workbench.environmentProperty().get(),
                        workbench.environmentProperty()));
        box = new HBox(14, message, busy, problems, position, environment);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("status-bar");
        workbench.tabs().selectedProperty().addListener((obs, old, document) -> track(tabs));
        track(tabs);
    }

    Node node() {
        return box;
    }

    private void track(EditorTabsView tabs) {
        caret.unbind();
        editorBusy.unbind();
        var tab = tabs.selectedTab();
        if (tab.isEmpty()) {
            caret.set("");
            editorBusy.set(false);
            return;
        }
        CodeArea area = tab.map(DocumentTab::editor).orElseThrow().codeArea();
        caret.bind(Bindings.createStringBinding(
                () -> "Ln " + (area.getCurrentParagraph() + 1) + ", Col " + (area.getCaretColumn() + 1),
                area.caretPositionProperty()));
        editorBusy.bind(tab.get().editor().busyProperty());
    }

    private static Label label(String styleClass) {
        var label = new Label();
        label.getStyleClass().add(styleClass);
        return label;
    }
}
