package dev.flowbench.app.desktop;

import dev.flowbench.app.desktop.commands.Command;
import dev.flowbench.editor.view.FlowEditor;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every action of the main window as a palette command with its conventional shortcut. Editor actions are
 * bound by the editor itself when it has the focus; their shortcuts are listed here for the palette only.
 */
final class Commands {
    /** Commands whose keys the focused editor already handles; the scene must not steal them. */
    static final Set<String> EDITOR_KEYS = Set.of(
            "editor.find",
            "editor.replace",
            "editor.goToLine",
            "editor.comment",
            "editor.complete",
            "docs.atCaret",
            "editor.undo",
            "editor.redo");

    private Commands() {}

    static List<Command> of(MainWindow window) {
        var workbench = window.workbench();
        return List.of(
                new Command("file.save", "File: Save", "Shortcut+S", window::save),
                new Command("file.saveAll", "File: Save All", "Shortcut+Shift+S", window::saveAll),
                new Command("file.newFlow", "File: New Flow…", "Shortcut+N", window::newFlow),
                new Command("file.close", "File: Close Tab", "Shortcut+W", window::closeCurrentTab),
                new Command("workspace.check", "Workspace: Check All Files", "", workbench::validateWorkspace),
                new Command(
                        "workspace.refresh",
                        "Workspace: Refresh Explorer",
                        "",
                        () -> workbench.workspace().refresh()),
                new Command("editor.find", "Edit: Find", "Shortcut+F", editor(window, FlowEditor::showFind)),
                new Command("editor.replace", "Edit: Replace", "Shortcut+H", editor(window, FlowEditor::showReplace)),
                new Command(
                        "editor.goToLine", "Edit: Go to Line", "Shortcut+G", editor(window, FlowEditor::showGoToLine)),
                new Command(
                        "editor.comment",
                        "Edit: Toggle Comment",
                        "Shortcut+Slash",
                        editor(window, FlowEditor::toggleComment)),
                new Command(
                        "editor.complete",
                        "Edit: Trigger Completion",
                        "Ctrl+Space",
                        editor(window, FlowEditor::triggerCompletion)),
                new Command("editor.undo", "Edit: Undo", "Shortcut+Z", editor(window, FlowEditor::undo)),
                new Command("editor.redo", "Edit: Redo", "Shortcut+Shift+Z", editor(window, FlowEditor::redo)),
                new Command("run.flow", "Run: Run Flow", "F5", window::runFlow),
                new Command("run.flowCtrlEnter", "Run: Run Flow (Ctrl+Enter)", "Shortcut+Enter", window::runFlow),
                new Command("run.stop", "Run: Stop", "Shift+F5", window::stopRun),
                new Command("run.plan", "Run: Plan (What Would Run, and Where)", "", window::planFlow),
                new Command("docs.atCaret", "Docs: Show Docs for the Type at the Caret", "F1", window::openDocsAtCaret),
                new Command(
                        "docs.back",
                        "Docs: Back",
                        "Alt+Left",
                        () -> workbench.docs().back()),
                new Command(
                        "docs.forward",
                        "Docs: Forward",
                        "Alt+Right",
                        () -> workbench.docs().forward()),
                new Command(
                        "docs.follow",
                        "Docs: Toggle Following the Caret",
                        "",
                        () -> workbench
                                .docs()
                                .followCaretProperty()
                                .set(!workbench.docs().followCaretProperty().get())),
                new Command("view.theme", "View: Toggle Dark Theme", "", window::toggleTheme),
                new Command("view.palette", "View: Command Palette", "Shortcut+Shift+P", window::showPalette));
    }

    private static Runnable editor(MainWindow window, Consumer<FlowEditor> action) {
        return () -> window.currentEditor().ifPresent(action);
    }
}
