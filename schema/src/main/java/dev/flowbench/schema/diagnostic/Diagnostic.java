package dev.flowbench.schema.diagnostic;

import java.util.Map;
import java.util.Objects;

/**
 * One problem found in a document: where, how bad, a stable code, a message for people, and data that quick
 * fixes use.
 *
 * <p>{@code data} holds JSON-like values only (strings, numbers, booleans, lists and maps of them), so it can
 * travel through the language server unchanged. Well-known keys are in {@link DiagnosticData}.
 *
 * @param source the file the range refers to, relative to the workspace when possible; null means the
 *     document being validated
 */
public record Diagnostic(
        Range range, Severity severity, String code, String message, String source, Map<String, Object> data) {
    public Diagnostic {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** A diagnostic in the document being validated, without quick-fix data. */
    public static Diagnostic of(Range range, Severity severity, String code, String message) {
        return new Diagnostic(range, severity, code, message, null, Map.of());
    }

    /** This diagnostic with {@code key} set to {@code value} in its data. */
    public Diagnostic with(String key, Object value) {
        var copy = new java.util.LinkedHashMap<>(data);
        copy.put(key, value);
        return new Diagnostic(range, severity, code, message, source, copy);
    }

    /** This diagnostic attributed to another file. */
    public Diagnostic inSource(String otherSource) {
        return new Diagnostic(range, severity, code, message, otherSource, data);
    }
}
