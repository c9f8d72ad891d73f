package dev.flowbench.schema.yaml;

import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.Severity;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads a text into a {@link YamlDocument}, never throwing: size and character checks first, then SnakeYAML
 * events into a {@link TreeBuilder}.
 *
 * <p>SnakeYAML stops at the first syntax error. For the errors users make most while typing (an unquoted
 * {@code {{ }}} value, a tab in indentation) the offending characters are replaced by spaces, which keeps
 * every offset valid, and the text is read again, up to {@link #MAX_REPAIRS} times; so one mistake does not
 * blind validation and completion to the rest of the file. Other errors keep what was read before them.
 */
final class YamlReader {
    /** Re-reads after a repair at most this often: bounded time even on a file full of tabs. */
    static final int MAX_REPAIRS = 8;

    /** Control characters are reported one by one up to this count; beyond it the file is called binary. */
    private static final int MAX_CONTROL_CHARACTERS = 64;

    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setUseMarks(true)
            .setParseComments(false)
            .setCodePointLimit(Integer.MAX_VALUE)
            .setLabel("flow")
            .build();

    private static final Comparator<Diagnostic> BY_POSITION =
            Comparator.comparingInt(d -> d.range().start().offset());

    private YamlReader() {}

    static YamlDocument read(String text, YamlLimits limits) {
        if (text.length() > limits.maxChars()) {
            // not even lines are indexed: the file is not read, and every position is its start
            LineIndex none = LineIndex.of("");
            return new YamlDocument(text, none, List.of(), List.of(tooLarge(none, text.length(), limits)));
        }
        LineIndex lines = LineIndex.of(text);
        List<Diagnostic> repairs = new ArrayList<>();
        char[] patched = blankControlCharacters(text, lines, repairs);
        if (patched == BINARY) {
            return new YamlDocument(text, lines, List.of(), repairs);
        }
        List<int[]> expressions = new ArrayList<>();
        Map<Integer, Integer> repairedLines = new HashMap<>();
        for (int attempt = 0; ; attempt++) {
            String input = patched == null ? text : new String(patched);
            TreeBuilder builder = new TreeBuilder(text, input, lines, limits, expressions);
            Diagnostic failure = null;
            try {
                ParserImpl parser = new ParserImpl(SETTINGS, new StreamReader(SETTINGS, input));
                while (parser.hasNext()) {
                    builder.accept(parser.next());
                }
            } catch (MarkedYamlEngineException e) {
                if (attempt < MAX_REPAIRS) {
                    char[] repaired = repair(e, builder, input, lines, repairs, expressions, repairedLines);
                    if (repaired != null) {
                        patched = repaired;
                        continue;
                    }
                }
                failure = SyntaxMessages.describe(e, input, lines);
            } catch (TreeBuilder.Abort e) {
                // a limit was hit; its diagnostic is recorded
            } catch (RuntimeException | StackOverflowError e) {
                // SnakeYAML's own failures without a position, or a defect: report, never throw at the editor
                failure = Diagnostic.of(
                        lines.range(0, 0),
                        Severity.ERROR,
                        YamlCodes.SYNTAX,
                        "this YAML could not be read: " + e.getClass().getSimpleName());
            }
            closeQuietly(builder);
            List<Diagnostic> diagnostics = new ArrayList<>(repairs);
            diagnostics.addAll(builder.diagnostics);
            if (failure != null && !coveredByRepair(failure, repairs)) {
                diagnostics.add(failure);
            }
            diagnostics.sort(BY_POSITION);
            boolean reusable = failure == null && diagnostics.isEmpty() && builder.selfContained;
            return new YamlDocument(text, lines, builder.roots, diagnostics, reusable);
        }
    }

    static YamlDocument read(byte[] bytes, YamlLimits limits) {
        if (bytes.length > limits.maxChars() * 3L) {
            LineIndex lines = LineIndex.of("");
            return new YamlDocument("", lines, List.of(), List.of(tooLarge(lines, bytes.length, limits)));
        }
        int start =
                bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                        ? 3
                        : 0;
        if (start == 0
                && bytes.length >= 2
                && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                        || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)) {
            return read(new String(bytes, StandardCharsets.UTF_16), limits);
        }
        ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return read(strictUtf8().decode(input).toString(), limits);
        } catch (CharacterCodingException e) {
            return readInvalidUtf8(bytes, start, limits);
        }
    }

    /** Reports the first invalid byte, then reads the text with U+FFFD in place of invalid bytes. */
    private static YamlDocument readInvalidUtf8(byte[] bytes, int start, YamlLimits limits) {
        CharsetDecoder decoder = strictUtf8();
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer prefix = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, prefix, true);
        int badByte = in.position();
        int badChar = prefix.position();
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        YamlDocument document = read(text, limits);
        if (!result.isError()
                || document.diagnostics().stream().anyMatch(d -> d.code().equals(YamlCodes.BINARY))) {
            return document;
        }
        LineIndex lines = LineIndex.of(text);
        List<Diagnostic> diagnostics = new ArrayList<>(document.diagnostics());
        diagnostics.add(Diagnostic.of(
                lines.range(badChar, Math.min(text.length(), badChar + 1)),
                Severity.ERROR,
                YamlCodes.ENCODING,
                String.format(
                        Locale.ROOT,
                        "this file is not UTF-8: byte 0x%02X at %s cannot be read; save the file as UTF-8",
                        bytes[badByte] & 0xFF,
                        lines.position(badChar).toDisplayString())));
        diagnostics.sort(BY_POSITION);
        return new YamlDocument(document, diagnostics);
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static final char[] BINARY = new char[0];

    /**
     * Reports characters YAML does not allow and returns a copy of {@code text} with them blanked, null when
     * there are none, or {@link #BINARY} when the text is not text at all.
     */
    private static char[] blankControlCharacters(String text, LineIndex lines, List<Diagnostic> sink) {
        if (lines.firstDisallowed() < 0) {
            return null;
        }
        char[] patched = null;
        int count = 0;
        int length = text.length();
        for (int i = lines.firstDisallowed(); i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (LineIndex.isAllowed(c)) {
                continue;
            }
            if (c == 0 || ++count > MAX_CONTROL_CHARACTERS) {
                sink.clear();
                sink.add(Diagnostic.of(
                        lines.range(i, i + 1),
                        Severity.ERROR,
                        YamlCodes.BINARY,
                        "this looks like a binary file, not YAML text (" + describe(c) + " at "
                                + lines.position(i).toDisplayString() + ")"));
                return BINARY;
            }
            if (patched == null) {
                patched = text.toCharArray();
            }
            patched[i] = ' ';
            sink.add(Diagnostic.of(
                    lines.range(i, i + 1),
                    Severity.ERROR,
                    YamlCodes.CONTROL_CHARACTER,
                    "invisible " + describe(c) + " is not allowed in YAML: delete it"));
        }
        return patched;
    }

    private static String describe(char c) {
        return c == 0
                ? "NUL character"
                : String.format(
                        Locale.ROOT,
                        "%s U+%04X",
                        Character.isSurrogate(c) ? "unpaired surrogate" : "control character",
                        (int) c);
    }

    /**
     * Repairs the text for the next attempt when {@code error} is a mistake with a known cause, recording its
     * diagnostic; returns null when the error is not one of those.
     */
    private static char[] repair(
            MarkedYamlEngineException error,
            TreeBuilder builder,
            String input,
            LineIndex lines,
            List<Diagnostic> sink,
            List<int[]> expressions,
            Map<Integer, Integer> repairedLines) {
        int at = error.getProblemMark().map(m -> lines.utf16(m.getIndex())).orElse(-1);
        if (at < 0) {
            return null;
        }
        int line = lines.lineOf(at);
        Integer repairedFrom = repairedLines.get(line);
        if (repairedFrom != null) {
            // the first repair of this line was not enough: give up on the rest of the line, keep the file
            int end = lines.lineEnd(input, line);
            if (repairedFrom >= end || input.substring(repairedFrom, end).isBlank()) {
                return null;
            }
            char[] patched = input.toCharArray();
            java.util.Arrays.fill(patched, repairedFrom, end, ' ');
            return patched;
        }
        int expression = builder.openExpressionStart();
        if (expression < 0
                && builder.lastExpressionStart >= 0
                && lines.lineOf(builder.lastExpressionStart) == lines.lineOf(at)) {
            expression = builder.lastExpressionStart;
        }
        if (expression >= 0 && input.startsWith("{{", expression)) {
            int end = expressionEnd(input, lines, expression);
            TreeBuilder.reportUnquoted(sink, lines, expression, end, input.substring(expression, end));
            expressions.add(new int[] {expression, end});
            repairedLines.put(lines.lineOf(expression), expression);
            char[] patched = input.toCharArray();
            patched[expression] = ' ';
            patched[expression + 1] = ' ';
            return patched;
        }
        if (at < input.length() && input.charAt(at) == '\t' && SyntaxMessages.onlyBlanksBefore(input, lines, at)) {
            sink.add(SyntaxMessages.tab(at, input, lines));
            repairedLines.put(line, lines.lineStart(line));
            char[] patched = input.toCharArray();
            for (int i = lines.lineStart(lines.lineOf(at)); i < input.length() && isBlank(patched[i]); i++) {
                patched[i] = ' ';
            }
            return patched;
        }
        return null;
    }

    /** The end of an unquoted expression value: the end of its line, before a comment. */
    private static int expressionEnd(String input, LineIndex lines, int start) {
        int end = lines.lineEnd(input, lines.lineOf(start));
        int comment = input.indexOf(" #", start);
        if (comment >= 0 && comment < end) {
            end = comment;
        }
        while (end > start + 2 && Character.isWhitespace(input.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** A later error on a line already repaired is a consequence of the repair, not news. */
    private static boolean coveredByRepair(Diagnostic failure, List<Diagnostic> repairs) {
        int line = failure.range().start().line();
        for (Diagnostic repair : repairs) {
            if (repair.range().start().line() == line && !repair.code().equals(YamlCodes.CONTROL_CHARACTER)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static void closeQuietly(TreeBuilder builder) {
        try {
            builder.closeAll();
        } catch (RuntimeException e) {
            // keep whatever was built; closing only finishes open collections
        }
    }

    private static Diagnostic tooLarge(LineIndex lines, long size, YamlLimits limits) {
        return Diagnostic.of(
                lines.range(0, 0),
                Severity.ERROR,
                YamlCodes.TOO_LARGE,
                String.format(
                        Locale.ROOT,
                        "this file is too large to read as a flow: %,d characters (at most %,d)",
                        size,
                        limits.maxChars()));
    }
}
