package dev.flowbench.schema.diagnostic;

/** How bad a diagnostic is, most severe first (the order LSP uses). */
public enum Severity {
    ERROR,
    WARNING,
    INFO,
    HINT;

    /** The lower-case word used in text output ("error", "warning", …). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
