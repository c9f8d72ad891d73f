package dev.flowbench.editor.api;

import dev.flowbench.schema.diagnostic.Diagnostic;
import java.util.List;

/** Validates a whole document; views call it after a pause in typing and underline what it returns. */
@FunctionalInterface
public interface DiagnosticProvider {
    /** A provider that finds nothing wrong. */
    DiagnosticProvider NONE = text -> List.of();

    /** The problems of {@code text} with ranges into it; never null. */
    List<Diagnostic> diagnose(String text);
}
