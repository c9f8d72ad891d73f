package dev.flowbench.editor.syntax;

import java.util.Locale;

/** What a highlighted span of YAML is; {@link #styleClass()} names the CSS class a view gives it. */
public enum TokenKind {
    KEY,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL,
    COMMENT,
    ANCHOR,
    ALIAS,
    TAG,
    DOCUMENT_MARKER,
    DIRECTIVE,
    /** Structure: {@code -}, {@code ?}, {@code :}, {@code ,} and flow brackets. */
    PUNCTUATION,
    /** The {@code |} or {@code >} header of a block scalar with its indicators. */
    BLOCK_SCALAR_INDICATOR,
    /** The inside of a {@code {{ … }}} or {@code {% … %}} template, wherever it appears in a value. */
    EXPRESSION,
    /** The {@code {{}, {@code }}}, {@code {%} and {@code %}} around an expression. */
    EXPRESSION_DELIMITER;

    private final String styleClass = name().toLowerCase(Locale.ROOT).replace('_', '-');

    /** The lower-case, dash-separated CSS class for this kind ({@code document-marker}); never null. */
    public String styleClass() {
        return styleClass;
    }
}
