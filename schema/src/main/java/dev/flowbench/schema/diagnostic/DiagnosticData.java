package dev.flowbench.schema.diagnostic;

/** Well-known keys of {@link Diagnostic#data()}, read by quick fixes in the editor and the language server. */
public final class DiagnosticData {
    /** List of strings: the values an enum property accepts. */
    public static final String ALLOWED_VALUES = "allowedValues";
    /** String: the closest valid name for a misspelt key or type. */
    public static final String SUGGESTION = "suggestion";
    /** List of strings: required property names that are missing. */
    public static final String MISSING = "missing";
    /** String: JSON pointer of the node the diagnostic is about. */
    public static final String POINTER = "pointer";
    /** String: the replacement of a deprecated property or type. */
    public static final String REPLACEMENT = "replacement";

    private DiagnosticData() {}
}
