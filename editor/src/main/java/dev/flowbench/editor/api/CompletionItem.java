package dev.flowbench.editor.api;

import java.util.Objects;

/**
 * One proposal of a completion list.
 *
 * @param label what the list shows, e.g. {@code pullPolicy} or {@code io.kestra.plugin.scripts.runner.docker.Docker}
 * @param kind what is proposed; views pick an icon from it
 * @param detail one line shown beside the label (a type, a default), may be empty
 * @param documentation markdown shown in the side pane when the item is selected, may be empty
 * @param insertText the text inserted on accept, in snippet syntax: {@code $1} or {@code ${1:placeholder}} are
 *     tab stops visited in number order, {@code $0} is where the caret ends, {@code \$} is a literal dollar;
 *     lines after the first are indented by the view to the indentation of the line being completed
 * @param filterText what typing filters against (any part of it matches, ignoring case)
 */
public record CompletionItem(
        String label, Kind kind, String detail, String documentation, String insertText, String filterText) {

    /** What a completion item proposes. */
    public enum Kind {
        PROPERTY,
        VALUE,
        ENUM_VALUE,
        TYPE,
        VARIABLE,
        FUNCTION,
        SECRET,
        SNIPPET,
        KEYWORD
    }

    public CompletionItem {
        Objects.requireNonNull(label, "label");
        kind = kind == null ? Kind.VALUE : kind;
        detail = detail == null ? "" : detail;
        documentation = documentation == null ? "" : documentation;
        insertText = insertText == null ? escapeSnippet(label) : insertText;
        filterText = filterText == null ? label : filterText;
    }

    /** An item that inserts its label as is. */
    public static CompletionItem of(String label, Kind kind) {
        return new CompletionItem(label, kind, "", "", null, null);
    }

    /** This item with another one-line detail. */
    public CompletionItem withDetail(String newDetail) {
        return new CompletionItem(label, kind, newDetail, documentation, insertText, filterText);
    }

    /** This item with markdown documentation for the side pane. */
    public CompletionItem withDocumentation(String markdown) {
        return new CompletionItem(label, kind, detail, markdown, insertText, filterText);
    }

    /** This item inserting {@code snippet} (snippet syntax, see the class description) instead of its label. */
    public CompletionItem withInsertText(String snippet) {
        return new CompletionItem(label, kind, detail, documentation, snippet, filterText);
    }

    /** {@code text} with {@code $}, {@code \} and {@code }} escaped so that a snippet inserts it literally. */
    public static String escapeSnippet(String text) {
        return text.replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}");
    }
}
