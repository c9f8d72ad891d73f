package dev.flowbench.app.desktop.document;

import dev.flowbench.editor.api.LanguageSupport;
import dev.flowbench.editor.view.EditorTheme;
import dev.flowbench.editor.view.FlowEditor;
import dev.flowbench.editor.view.OpenDocsEvent;
import java.io.IOException;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The tab of one document: a {@link FlowEditor} kept in step with its {@link DocumentViewModel} (dirty marker on
 * the first keystroke, full text after a short pause), and a bar offering reload / keep mine / compare when the
 * file changed on disk under unsaved edits.
 */
public final class DocumentTab extends Tab {
    private final DocumentViewModel document;
    private final FlowEditor editor = new FlowEditor();
    private final PauseTransition sync = new PauseTransition(Duration.millis(150));
    private final HBox diskBar = new HBox(8);
    private boolean loading;

    public DocumentTab(DocumentViewModel document, Consumer<String> openDocs, Consumer<String> report) {
        this.document = document;
        getStyleClass().add("document-tab");
        setUserData(document);
        var tooltip = new javafx.scene.control.Tooltip(document.relative().toString());
        setTooltip(tooltip);
        updateTitle();
        document.dirtyProperty().addListener((obs, was, dirty) -> updateTitle());

        load(document.loadedTextProperty().get());
        document.loadedTextProperty().addListener((obs, old, text) -> load(text));
        editor.codeArea().plainTextChanges().filter(c -> !c.isIdentity()).subscribe(change -> {
            if (!loading) {
                document.edited();
                sync.playFromStart();
            }
        });
        sync.setOnFinished(e -> flush());
        editor.diagnosticsProperty()
                .addListener((obs, old, list) -> document.diagnosticsProperty().set(list));
        editor.addEventHandler(OpenDocsEvent.OPEN_DOCS, e -> openDocs.accept(e.typeId()));

        buildDiskBar(report);
        document.diskChangeProperty().addListener((obs, old, change) -> showDiskBar(change != null));
        var content = new BorderPane(editor);
        content.setTop(diskBar);
        showDiskBar(document.diskChangeProperty().get() != null);
        setContent(content);
        setOnClosed(e -> editor.dispose());
    }

    public DocumentViewModel document() {
        return document;
    }

    public FlowEditor editor() {
        return editor;
    }

    /** Hands the editor's current text to the document now (before a save, say). */
    public void flush() {
        sync.stop();
        document.textChanged(editor.getText());
    }

    public void setLanguageSupport(LanguageSupport support) {
        editor.setLanguageSupport(support);
    }

    public void setTheme(EditorTheme theme) {
        editor.setTheme(theme);
    }

    private void load(String text) {
        if (text == null || text.equals(editor.getText())) {
            return;
        }
        loading = true;
        try {
            editor.load(text);
        } finally {
            loading = false;
        }
    }

    private void updateTitle() {
        setText(document.name() + (document.isDirty() ? " ●" : ""));
        if (document.isDirty()) {
            if (!getStyleClass().contains("dirty")) {
                getStyleClass().add("dirty");
            }
        } else {
            getStyleClass().remove("dirty");
        }
    }

    private void buildDiskBar(Consumer<String> report) {
        var label = new Label(document.relative() + " changed on disk while you have unsaved edits.");
        label.getStyleClass().add("disk-change-message");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var reload = new Button("Reload from disk");
        reload.getStyleClass().add("disk-reload");
        reload.setOnAction(e -> run(report, document::reloadFromDisk));
        var keep = new Button("Keep mine");
        keep.getStyleClass().add("disk-keep-mine");
        keep.setOnAction(e -> {
            flush();
            run(report, document::keepMine);
        });
        var compare = new Button("Compare");
        compare.getStyleClass().add("disk-compare");
        compare.setOnAction(e -> compare());
        diskBar.getChildren().setAll(label, spacer, compare, reload, keep);
        diskBar.setAlignment(Pos.CENTER_LEFT);
        diskBar.getStyleClass().add("disk-change-bar");
    }

    private void showDiskBar(boolean show) {
        diskBar.setVisible(show);
        diskBar.setManaged(show);
    }

    private void compare() {
        DocumentViewModel.DiskChange change = document.diskChangeProperty().get();
        if (change == null) {
            return;
        }
        var disk = new TextArea(change.diskText());
        var mine = new TextArea(editor.getText());
        disk.setEditable(false);
        mine.setEditable(false);
        var split = new SplitPane(titled("On disk", disk), titled("Yours (unsaved)", mine));
        split.setOrientation(Orientation.HORIZONTAL);
        var stage = new Stage();
        stage.initModality(Modality.NONE);
        if (getTabPane() != null && getTabPane().getScene() != null) {
            stage.initOwner(getTabPane().getScene().getWindow());
            stage.setScene(new javafx.scene.Scene(split, 900, 600));
            stage.getScene().getStylesheets().setAll(getTabPane().getScene().getStylesheets());
        } else {
            stage.setScene(new javafx.scene.Scene(split, 900, 600));
        }
        stage.setTitle("Compare " + document.relative());
        stage.show();
    }

    private static BorderPane titled(String title, TextArea area) {
        var pane = new BorderPane(area);
        var label = new Label(title);
        label.getStyleClass().add("compare-title");
        pane.setTop(label);
        return pane;
    }

    /** An action that may fail on disk. */
    private interface DiskAction {
        void run() throws IOException;
    }

    private static void run(Consumer<String> report, DiskAction action) {
        try {
            action.run();
        } catch (IOException e) {
            report.accept("Cannot write or read the file: " + e.getMessage());
        }
    }
}
