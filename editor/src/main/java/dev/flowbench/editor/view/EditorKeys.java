package dev.flowbench.editor.view;

import static javafx.scene.input.KeyCombination.CONTROL_DOWN;
import static javafx.scene.input.KeyCombination.SHIFT_DOWN;
import static javafx.scene.input.KeyCombination.SHORTCUT_DOWN;
import static org.fxmisc.wellbehaved.event.EventPattern.keyPressed;
import static org.fxmisc.wellbehaved.event.InputMap.consume;
import static org.fxmisc.wellbehaved.event.InputMap.consumeWhen;
import static org.fxmisc.wellbehaved.event.InputMap.sequence;

import javafx.scene.input.KeyCode;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.wellbehaved.event.Nodes;

/**
 * The editor's key bindings, installed in front of the code area's defaults. While the completion popup is
 * open it gets the navigation keys; inside a snippet, Tab moves between its stops.
 */
final class EditorKeys {
    private EditorKeys() {}

    static void install(CodeArea area, FlowEditor editor) {
        CompletionController completion = editor.completion();
        SnippetSession snippets = editor.snippets();
        Nodes.addInputMap(
                area,
                sequence(
                        // Completion popup open: it owns navigation and accept/close.
                        consumeWhen(keyPressed(KeyCode.ENTER), completion::isShowing, e -> completion.acceptSelected()),
                        consumeWhen(keyPressed(KeyCode.TAB), completion::isShowing, e -> completion.acceptSelected()),
                        consumeWhen(keyPressed(KeyCode.ESCAPE), completion::isShowing, e -> completion.close()),
                        consumeWhen(keyPressed(KeyCode.UP), completion::isShowing, e -> completion.move(-1)),
                        consumeWhen(keyPressed(KeyCode.DOWN), completion::isShowing, e -> completion.move(1)),
                        consumeWhen(keyPressed(KeyCode.PAGE_UP), completion::isShowing, e -> completion.move(-9)),
                        consumeWhen(keyPressed(KeyCode.PAGE_DOWN), completion::isShowing, e -> completion.move(9)),
                        // Snippet tab stops.
                        consumeWhen(keyPressed(KeyCode.TAB), snippets::isActive, e -> snippets.next()),
                        consumeWhen(keyPressed(KeyCode.TAB, SHIFT_DOWN), snippets::isActive, e -> snippets.previous()),
                        consumeWhen(keyPressed(KeyCode.ESCAPE), snippets::isActive, e -> snippets.end()),
                        // Editing.
                        consume(keyPressed(KeyCode.ENTER), e -> editor.smartEnter()),
                        consume(keyPressed(KeyCode.TAB), e -> editor.indent()),
                        consume(keyPressed(KeyCode.TAB, SHIFT_DOWN), e -> editor.outdent()),
                        consume(keyPressed(KeyCode.SLASH, SHORTCUT_DOWN), e -> editor.toggleComment()),
                        consume(keyPressed(KeyCode.DIVIDE, SHORTCUT_DOWN), e -> editor.toggleComment()),
                        // Ctrl+Space on every platform: Cmd+Space belongs to the macOS launcher.
                        consume(keyPressed(KeyCode.SPACE, CONTROL_DOWN), e -> editor.triggerCompletion()),
                        consume(keyPressed(KeyCode.F, SHORTCUT_DOWN), e -> editor.showFind()),
                        consume(keyPressed(KeyCode.H, SHORTCUT_DOWN), e -> editor.showReplace()),
                        consume(keyPressed(KeyCode.G, SHORTCUT_DOWN), e -> editor.showGoToLine()),
                        consume(keyPressed(KeyCode.F3), e -> editor.findBar().next()),
                        consume(
                                keyPressed(KeyCode.F3, SHIFT_DOWN),
                                e -> editor.findBar().previous()),
                        consume(keyPressed(KeyCode.F1), e -> editor.openDocsAtCaret())));
        // Backspace in leading spaces removes a whole indentation step; elsewhere the default applies.
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.BACK_SPACE
                    && !e.isShortcutDown()
                    && !e.isAltDown()
                    && !e.isShiftDown()
                    && editor.backspaceIndentation()) {
                e.consume();
            }
        });
    }
}
