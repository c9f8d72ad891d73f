package dev.flowbench.editor.api;

import dev.flowbench.schema.diagnostic.Diagnostic;
import java.util.List;

/** Offers repairs for a diagnostic, typically from its {@link Diagnostic#data()}. */
@FunctionalInterface
public interface QuickFixProvider {
    /** A provider that offers no repairs. */
    QuickFixProvider NONE = (text, diagnostic) -> List.of();

    /** The fixes for {@code diagnostic}, which was reported on {@code text}, best first; never null. */
    List<QuickFix> quickFixes(String text, Diagnostic diagnostic);
}
