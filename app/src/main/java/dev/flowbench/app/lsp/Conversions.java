package dev.flowbench.app.lsp;

import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.Position;
import dev.flowbench.schema.diagnostic.Range;
import org.eclipse.lsp4j.DiagnosticSeverity;

/** Converts between Flowbench's positions and diagnostics and LSP's. */
final class Conversions {
    private Conversions() {}

    static org.eclipse.lsp4j.Position position(Position position) {
        return new org.eclipse.lsp4j.Position(position.line(), position.column());
    }

    static org.eclipse.lsp4j.Range range(Range range) {
        return new org.eclipse.lsp4j.Range(position(range.start()), position(range.end()));
    }

    static org.eclipse.lsp4j.Diagnostic diagnostic(Diagnostic diagnostic) {
        var lsp = new org.eclipse.lsp4j.Diagnostic(
                range(diagnostic.range()), diagnostic.message(), severity(diagnostic), "flowbench", diagnostic.code());
        if (!diagnostic.data().isEmpty()) {
            lsp.setData(diagnostic.data());
        }
        return lsp;
    }

    private static DiagnosticSeverity severity(Diagnostic diagnostic) {
        return switch (diagnostic.severity()) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
            case HINT -> DiagnosticSeverity.Hint;
        };
    }
}
