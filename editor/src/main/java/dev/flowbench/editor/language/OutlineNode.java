package dev.flowbench.editor.language;

import dev.flowbench.schema.diagnostic.Range;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a document's outline, for the app's outline panel and the language server's document symbols:
 * a flow and its tasks (nested as they are in the file), or an environment and its pluginDefaults entries.
 *
 * @param name what to show: a task's id, a section's key, a flow's id
 * @param detail a second line, usually the plugin type; may be empty
 * @param range everything the entry covers, from its first character to the end of its last line
 * @param selectionRange what to select when the entry is chosen (its id, say); inside {@code range}
 * @param children the entries inside, in document order; never null
 */
public record OutlineNode(
        String name, Kind kind, String detail, Range range, Range selectionRange, List<OutlineNode> children) {
    /** What an outline entry stands for. */
    public enum Kind {
        FLOW,
        ENVIRONMENT,
        /** A list of tasks other than the main one: {@code errors}, {@code finally}, {@code then}, … */
        SECTION,
        TASK,
        TRIGGER,
        /** A pluginDefaults entry. */
        DEFAULTS
    }

    public OutlineNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(selectionRange, "selectionRange");
        children = List.copyOf(children);
    }
}
