package dev.flowbench.schema.yaml;

import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.Severity;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Rewrites SnakeYAML's syntax errors as one line a person understands, placed on the token at fault.
 *
 * <p>SnakeYAML speaks of tokens ("expected &lt;block end&gt;, but found '&lt;scalar&gt;'"); users think in
 * lines, indentation and quotes, so the common errors are recognised and explained in those words. Anything
 * else keeps SnakeYAML's wording with its jargon translated.
 */
final class SyntaxMessages {
    private SyntaxMessages() {}

    /** The diagnostic for {@code error} in {@code text}. */
    static Diagnostic describe(MarkedYamlEngineException error, String text, LineIndex lines) {
        String problem = error.getProblem() == null ? "" : error.getProblem();
        String context = error.getContext();
        int at = error.getProblemMark().map(m -> lines.utf16(m.getIndex())).orElse(0);
        int contextAt =
                error.getContextMark().map(m -> lines.utf16(m.getIndex())).orElse(-1);
        String where = contextAt >= 0 ? lines.position(contextAt).toDisplayString() : "";

        if (problem.contains("'\\t(TAB)'") || at < text.length() && text.charAt(at) == '\t') {
            return tab(at, text, lines);
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return error(
                    lines,
                    at,
                    at + 1,
                    "unexpected ':' here: quote a value that contains ': '," + " or fix the indentation of this line");
        }
        if (problem.startsWith("could not find expected ':'")) {
            int from = contextAt >= 0 ? contextAt : at;
            return error(
                    lines,
                    from,
                    word(text, from),
                    "expected ':' after this key; write 'key: value'," + " or fix the indentation");
        }
        if (context != null && context.contains("quoted scalar") && contextAt >= 0) {
            if (problem.contains("end of stream") || problem.contains("document separator")) {
                return error(
                        lines,
                        contextAt,
                        lineEnd(text, lines, contextAt),
                        "this quoted text is never closed: add the closing " + text.charAt(contextAt));
            }
            if (problem.contains("escape")) {
                return error(
                        lines,
                        Math.max(0, at - 1),
                        Math.min(text.length(), at + 1),
                        "unknown escape sequence in double quotes: write \\\\ for a backslash,"
                                + " or use single quotes");
            }
        }
        if (problem.startsWith("expected ',' or ']'") || problem.startsWith("expected ',' or '}'")) {
            char open = problem.contains("]") ? '[' : '{';
            boolean atEnd = at >= text.length() && contextAt >= 0;
            int from = atEnd ? contextAt : at;
            return error(
                    lines,
                    from,
                    atEnd ? from + 1 : word(text, from),
                    "unclosed '" + open + "'"
                            + (contextAt >= 0 ? " opened at " + where : "") + ": expected ',' or '"
                            + (open == '[' ? ']' : '}') + "'");
        }
        if (problem.startsWith("expected <block end>") || problem.startsWith("expected <block mapping end>")) {
            boolean firstOnLine = onlyBlanksBefore(text, lines, at);
            return error(
                    lines,
                    at,
                    word(text, at),
                    firstOnLine
                            ? "this line does not line up with the lines above it: check its indentation"
                            : "unexpected text after the value on this line: quote the whole value");
        }
        if (context != null && contextAt >= 0 && (context.contains("an alias") || context.contains("an anchor"))) {
            boolean alias = context.contains("an alias");
            return error(
                    lines,
                    contextAt,
                    contextAt + 1,
                    "'" + (alias ? '*' : '&') + "' starts "
                            + (alias ? "an alias" : "an anchor") + " and must be followed by a name;"
                            + " quote the value if it is meant as text");
        }
        if (problem.startsWith("expected '<document start>'")) {
            return error(
                    lines,
                    at,
                    word(text, at),
                    "unexpected " + found(problem) + " after the end of the document: check the indentation");
        }
        String message = translate(problem);
        if (context != null && !context.isBlank()) {
            message += " (" + translate(context) + (where.isEmpty() ? "" : " at " + where) + ")";
        }
        return error(lines, at, word(text, at), message);
    }

    /** A tab in indentation, or elsewhere where YAML does not allow it. */
    static Diagnostic tab(int at, String text, LineIndex lines) {
        if (onlyBlanksBefore(text, lines, at)) {
            return Diagnostic.of(
                    lines.range(at, Math.min(text.length(), at + 1)),
                    Severity.ERROR,
                    YamlCodes.TAB_INDENT,
                    "tab used for indentation: YAML indents with spaces only;" + " replace the tab with spaces");
        }
        return error(lines, at, Math.min(text.length(), at + 1), "a tab is not allowed here: use spaces");
    }

    static boolean onlyBlanksBefore(String text, LineIndex lines, int at) {
        int start = lines.lineStart(lines.lineOf(at));
        for (int i = start; i < at && i < text.length(); i++) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    private static Diagnostic error(LineIndex lines, int start, int end, String message) {
        return Diagnostic.of(lines.range(start, Math.max(start, end)), Severity.ERROR, YamlCodes.SYNTAX, message);
    }

    /** End of the run of non-blank characters at {@code from}: the token a message talks about. */
    private static int word(String text, int from) {
        int i = Math.min(from, text.length());
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i == from && i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r' ? i + 1 : i;
    }

    private static int lineEnd(String text, LineIndex lines, int at) {
        return lines.lineEnd(text, lines.lineOf(at));
    }

    private static String found(String problem) {
        int at = problem.indexOf("but found ");
        return at < 0 ? "text" : translate(problem.substring(at + "but found ".length()));
    }

    /** {@code text} with line breaks, tabs and other invisible characters written visibly: one line always. */
    static String oneLine(String text) {
        StringBuilder visible = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> visible.append("\\n");
                case '\r' -> visible.append("\\r");
                case '\t' -> visible.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        visible.append(String.format(java.util.Locale.ROOT, "U+%04X", (int) c));
                    } else {
                        visible.append(c);
                    }
                }
            }
        }
        return visible.toString();
    }

    /** SnakeYAML's wording with its jargon replaced, on one line. */
    private static String translate(String snakeYaml) {
        return oneLine(snakeYaml)
                .replace("'<block end>'", "the end of the block")
                .replace("<block end>", "the end of the block")
                .replace("'<block mapping start>'", "a new key")
                .replace("'<block sequence start>'", "a list")
                .replace("'<block entry>'", "a list item '-'")
                .replace("'<scalar>'", "a value")
                .replace("<scalar>", "a value")
                .replace("'<stream end>'", "the end of the file")
                .replace("<stream end>", "the end of the file")
                .replace("'<document start>'", "a new document '---'")
                .replace("'<key>'", "a key")
                .replace("'<value>'", "a value ':'")
                .replace("'<flow mapping start>'", "'{'")
                .replace("'<flow sequence start>'", "'['");
    }
}
