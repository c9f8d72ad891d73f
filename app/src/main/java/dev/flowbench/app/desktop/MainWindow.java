package dev.flowbench.app.desktop;

import dev.flowbench.app.desktop.commands.Command;
import dev.flowbench.app.desktop.commands.CommandPaletteView;
import dev.flowbench.app.desktop.commands.CommandPaletteViewModel;
import dev.flowbench.app.desktop.document.DocumentTab;
import dev.flowbench.app.desktop.document.DocumentViewModel;
import dev.flowbench.app.desktop.document.EditorTabsView;
import dev.flowbench.app.desktop.document.UnsavedChoice;
import dev.flowbench.app.desktop.problems.Problem;
import dev.flowbench.app.desktop.secrets.SecretsTab;
import dev.flowbench.app.desktop.workbench.WorkbenchViewModel;
import dev.flowbench.app.desktop.workbench.WorkbenchViewModel.Theme;
import dev.flowbench.app.desktop.workspace.FileKind;
import dev.flowbench.editor.language.OutlineNode;
import dev.flowbench.editor.view.EditorTheme;
import dev.flowbench.editor.view.FlowEditor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The main window: explorer and outline on the left, editor tabs with the problems panel below them, the docs
 * sidebar on the right, a toolbar and a status bar; every action is also a command of the palette
 * (Ctrl+Shift+P). Thin: state and decisions live in {@link WorkbenchViewModel}.
 */
public final class MainWindow {
    private final WorkbenchViewModel workbench;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final EditorTabsView tabs;
    private final Panels panels;
    private final Dialogs dialogs;
    private final SystemOpener opener;
    private final FileActions files;
    private final SplitPane centre;
    private final List<Command> commands;
    private CommandPaletteView palette;
    private final ChangeListener<Number> caretListener = (obs, old, caret) -> caretMoved(caret.intValue());
    private final ChangeListener<String> textListener = this::documentTextChanged;
    private FlowEditor watchedEditor;
    private DocumentViewModel watchedDocument;

    private MainWindow(Stage stage, WorkbenchViewModel workbench) {
        this.stage = stage;
        this.workbench = workbench;
        root.getStyleClass().add("main-window");
        dialogs = new Dialogs(stage);
        opener = new SystemOpener(this::say);
        tabs = new EditorTabsView(workbench.tabs(), workbench::languageFor, this::openDocs, this::closeTab, this::say);
        files = new FileActions(stage, workbench, tabs, dialogs, opener, this::say, this::newFlow);
        panels = new Panels(
                workbench,
                new Panels.Actions(
                        this::insertAtCaret,
                        this::jumpTo,
                        files.explorer(),
                        this::reveal,
                        this::runTask,
                        this::currentFlowText,
                        opener::open,
                        files.outputFiles(),
                        this::onPanelsBuilt));
        centre = new SplitPane(tabs, panels.bottom());
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.74);
        var main = new SplitPane(panels.left(), centre, panels.right());
        main.setDividerPositions(0.18, 0.70);
        SplitPane.setResizableWithParent(panels.left(), false);
        SplitPane.setResizableWithParent(panels.right(), false);
        root.setCenter(main);

        commands = Commands.of(this);

        workbench.languageRevisionProperty().addListener((obs, old, revision) -> {
            tabs.refreshLanguages();
            refreshOutline();
        });
        workbench.tabs().selectedProperty().addListener((obs, old, document) -> selectionChanged(document));
        workbench.themeProperty().addListener((obs, old, theme) -> applyTheme(theme));
    }

    /** Builds the window for {@code workbench} in {@code stage}, starts the session and shows it. */
    public static MainWindow show(Stage stage, WorkbenchViewModel workbench) {
        return show(stage, workbench, List.of());
    }

    /**
     * Builds the window for {@code workbench} in {@code stage}, starts the session with {@code files} opened (see
     * {@link WorkbenchViewModel#start(List)}) and shows it.
     */
    public static MainWindow show(Stage stage, WorkbenchViewModel workbench, List<Path> files) {
        var window = new MainWindow(stage, workbench);
        var scene = new Scene(window.root, 1360, 860);
        stage.setScene(scene);
        window.applyTheme(workbench.themeProperty().get());
        for (Command command : window.commands) {
            if (!command.shortcut().isEmpty() && !Commands.EDITOR_KEYS.contains(command.id())) {
                scene.getAccelerators().put(KeyCombination.valueOf(command.shortcut()), command.action());
            }
        }
        stage.setTitle("Flowbench — " + workbench.root().getFileName());
        stage.setOnCloseRequest(e -> {
            if (!window.confirmClose()) {
                e.consume();
            }
        });
        stage.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                window.checkDisk();
            }
        });
        workbench.start(files);
        window.selectionChanged(workbench.tabs().getSelected());
        // The plugins and the panels around the editor wait until the editor is on screen: start-up draws what
        // users wait for first.
        FirstFrame.then(scene, () -> true, () -> {
            workbench.loadPlugins();
            window.panels.build();
        });
        stage.show();
        return window;
    }

    public WorkbenchViewModel workbench() {
        return workbench;
    }

    public EditorTabsView tabs() {
        return tabs;
    }

    List<Command> commands() {
        return commands;
    }

    /** Whether the side panels were built (they are, right after the first frame). */
    boolean panelsBuilt() {
        return panels.isBuilt();
    }

    /** Whether the selected tab's editor shows its text: it has some and a layout pass placed its lines. */
    boolean editorShowsText() {
        return currentEditor()
                .map(FlowEditor::codeArea)
                .filter(area -> area.getLength() > 0 && area.getWidth() > 0)
                .filter(area -> !area.getVisibleParagraphs().isEmpty())
                .isPresent();
    }

    // ---- actions (also reached through commands) ----

    /** The editor of the selected tab, if any. */
    Optional<FlowEditor> currentEditor() {
        return tabs.selectedTab().map(DocumentTab::editor);
    }

    void save() {
        if (tabs.getSelectionModel().getSelectedItem() instanceof SecretsTab secrets) {
            secrets.save();
        } else {
            tabs.selectedTab().ifPresent(this::save);
        }
    }

    void saveAll() {
        tabs.flushAll();
        workbench.tabs().dirtyDocuments().forEach(d -> tabs.tabOf(d).ifPresent(this::save));
    }

    private void save(DocumentTab tab) {
        tab.flush();
        try {
            if (tab.document().save() == DocumentViewModel.SaveResult.CONFLICT) {
                say(tab.document().relative()
                        + " changed on disk: reload, keep yours, or compare (bar above the text)");
            } else {
                say("Saved " + tab.document().relative());
                workbench.workspace().refresh();
            }
        } catch (IOException e) {
            say("Cannot save " + tab.document().relative() + ": " + e.getMessage());
        }
    }

    /** Opens the secrets editor on {@code file} (values masked), or selects it when open. */
    void openSecrets(Path file, Path relative) {
        files.openSecrets(file, relative);
    }

    void closeCurrentTab() {
        tabs.selectedTab().map(DocumentTab::document).ifPresent(this::closeTab);
    }

    /** Closes {@code document}'s tab, asking Save / Don't Save / Cancel when it has unsaved edits. */
    void closeTab(DocumentViewModel document) {
        tabs.tabOf(document).ifPresent(DocumentTab::flush);
        try {
            if (!workbench.tabs().close(document, d -> dialogs.unsaved(List.of(d.relative())))
                    && document.diskChangeProperty().get() != null) {
                say(document.relative() + " changed on disk: reload, keep yours, or compare (bar above the text)");
            }
        } catch (IOException e) {
            say("Cannot save " + document.relative() + ": " + e.getMessage());
        }
    }

    void newFlow() {
        var dialog = new TextInputDialog("my-flow");
        dialog.initOwner(stage);
        dialog.setTitle("New flow");
        dialog.setHeaderText("Flow id (also the file name under flows/)");
        dialog.showAndWait().ifPresent(this::newFlow);
    }

    /** Creates {@code flows/<id>.yaml} and opens it. */
    void newFlow(String id) {
        try {
            workbench.open(workbench.workspace().newFlow(id));
        } catch (IOException e) {
            say("Cannot create the flow: " + e.getMessage());
        }
    }

    void showPalette() {
        if (palette == null) {
            palette = new CommandPaletteView(new CommandPaletteViewModel(commands));
        }
        palette.show(root);
    }

    void toggleTheme() {
        workbench.themeProperty().set(workbench.themeProperty().get() == Theme.DARK ? Theme.LIGHT : Theme.DARK);
    }

    void openDocsAtCaret() {
        currentEditor().ifPresent(editor -> {
            if (!editor.openDocsAtCaret()) {
                workbench
                        .outline()
                        .typeAt(editor.codeArea().getCaretPosition())
                        .ifPresentOrElse(this::openDocs, () -> say("No plugin type at the caret"));
            }
        });
    }

    /** The text of the current tab when it is a flow (flushed from the editor first), else null with a message. */
    String currentFlowText() {
        Optional<DocumentTab> tab = tabs.selectedTab();
        if (tab.isEmpty() || tab.get().document().kind() != FileKind.FLOW) {
            say("Open a flow (flows/*.yaml) to run or plan it");
            return null;
        }
        tab.get().flush();
        return tab.get().document().getText();
    }

    void runFlow() {
        String text = currentFlowText();
        if (text != null) {
            showRunPanel(0);
            workbench.run().run(text, null);
        }
    }

    void runTask(String taskId) {
        String text = currentFlowText();
        if (text != null) {
            showRunPanel(0);
            workbench.run().run(text, taskId);
        }
    }

    void stopRun() {
        workbench.run().stop();
    }

    void planFlow() {
        String text = currentFlowText();
        if (text != null) {
            showRunPanel(1);
            workbench.run().plan(text);
        }
    }

    private void showRunPanel(int tab) {
        panels.showRun(tab);
        // Logs need room: give the panel half the height when it is smaller.
        if (centre.getDividerPositions()[0] > 0.55) {
            centre.setDividerPositions(0.5);
        }
    }

    /**
     * Asks before the window closes: Save / Don't Save / Cancel for unsaved edits, and whether to stop a run in
     * progress; true when the window may close.
     */
    boolean confirmClose() {
        tabs.flushAll();
        for (Tab tab : List.copyOf(tabs.getTabs())) {
            if (tab instanceof SecretsTab secrets
                    && secrets.secrets().dirtyProperty().get()
                    && !files.mayCloseSecrets(secrets.secrets())) {
                return false;
            }
        }
        return workbench.mayClose(new WorkbenchViewModel.CloseQuestions() {
            @Override
            public UnsavedChoice unsaved(List<DocumentViewModel> dirty) {
                return dialogs.unsaved(
                        dirty.stream().map(DocumentViewModel::relative).toList());
            }

            @Override
            public boolean stopRun() {
                return dialogs.confirm(
                        "stop-run-dialog",
                        "Stop the run and close?",
                        "A run is in progress. Closing stops it (its processes, containers or pods are cleaned up).");
            }
        });
    }

    void openDocs(String typeId) {
        workbench.docs().open(typeId);
    }

    void say(String message) {
        workbench.messageProperty().set(message);
    }

    void close() {
        tabs.flushAll();
        workbench.saveState();
        stage.close();
    }

    /** Opens {@code files} a later launch on this workspace asked for and brings the window forward. */
    void openRequested(List<Path> files) {
        workbench.openRequested(files);
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
    }

    /** Saves what is open and flushes the journal; called when the window closes. */
    void saveSession() {
        tabs.flushAll();
        workbench.saveState();
    }

    private void jumpTo(Problem problem) {
        workbench.open(problem.file()).flatMap(tabs::tabOf).ifPresent(tab -> {
            var range = problem.diagnostic().range();
            tab.editor().select(range.start().offset(), range.end().offset());
            tab.editor().codeArea().requestFocus();
        });
    }

    private void reveal(OutlineNode node) {
        currentEditor().ifPresent(editor -> {
            editor.select(
                    node.selectionRange().start().offset(),
                    node.selectionRange().end().offset());
            editor.codeArea().requestFocus();
        });
    }

    private void insertAtCaret(String text) {
        currentEditor()
                .ifPresentOrElse(
                        editor -> {
                            editor.codeArea().insertText(editor.codeArea().getCaretPosition(), text);
                            editor.codeArea().requestFocus();
                        },
                        () -> say("Open a flow to insert the example into"));
    }

    private void selectionChanged(DocumentViewModel document) {
        if (watchedEditor != null) {
            watchedEditor.codeArea().caretPositionProperty().removeListener(caretListener);
            watchedEditor = null;
        }
        if (watchedDocument != null) {
            watchedDocument.textProperty().removeListener(textListener);
            watchedDocument = null;
        }
        Optional<DocumentTab> tab = Optional.ofNullable(document).flatMap(tabs::tabOf);
        tab.ifPresent(t -> {
            watchedEditor = t.editor();
            watchedEditor.codeArea().caretPositionProperty().addListener(caretListener);
            watchedDocument = document;
            document.textProperty().addListener(textListener);
        });
        refreshOutline();
        if (panels.isBuilt() && document != null && document.kind() == FileKind.FLOW) {
            workbench.run().flowChanged(document.getText());
        }
    }

    /**
     * The panels were just built: the toolbar and status bar join them, and the run panel learns the current flow
     * (its inputs and history).
     */
    private void onPanelsBuilt() {
        root.setTop(new Toolbar(workbench, this::showPalette).node());
        root.setBottom(new StatusBar(workbench, tabs).node());
        DocumentViewModel document = workbench.tabs().getSelected();
        if (document != null && document.kind() == FileKind.FLOW) {
            workbench.run().flowChanged(document.getText());
        }
    }

    private void documentTextChanged(
            javafx.beans.value.ObservableValue<? extends String> obs, String old, String text) {
        refreshOutline();
        DocumentViewModel document = workbench.tabs().getSelected();
        if (panels.isBuilt() && document != null && document.kind() == FileKind.FLOW) {
            workbench.run().flowChanged(text);
        }
    }

    private void refreshOutline() {
        DocumentViewModel document = workbench.tabs().getSelected();
        if (document == null) {
            workbench.outline().update(null, null);
            return;
        }
        workbench
                .language(document.kind())
                .ifPresentOrElse(
                        language -> workbench.outline().update(document.getText(), language::outline),
                        () -> workbench.outline().update(null, null));
    }

    private void caretMoved(int caret) {
        workbench.outline().typeAt(caret).ifPresent(workbench.docs()::caretIn);
    }

    private void checkDisk() {
        for (DocumentViewModel document : List.copyOf(workbench.tabs().documents())) {
            try {
                document.checkDisk();
            } catch (IOException e) {
                say("Cannot read " + document.relative() + ": " + e.getMessage());
            }
        }
        workbench.workspace().refresh();
    }

    private void applyTheme(Theme theme) {
        String sheet = theme == Theme.DARK ? "app-dark.css" : "app-light.css";
        stage.getScene()
                .getStylesheets()
                .setAll(
                        url("app-base.css"),
                        url(sheet),
                        EditorTheme.baseStylesheet(),
                        (theme == Theme.DARK ? EditorTheme.DARK : EditorTheme.LIGHT).stylesheet());
        tabs.setEditorTheme(theme == Theme.DARK ? EditorTheme.DARK : EditorTheme.LIGHT);
    }

    private static String url(String name) {
        return Objects.requireNonNull(MainWindow.class.getResource(name), name).toExternalForm();
    }
}
