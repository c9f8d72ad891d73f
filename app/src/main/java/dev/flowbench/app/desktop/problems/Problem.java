package dev.flowbench.app.desktop.problems;

import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.Severity;
import java.nio.file.Path;

/**
 * One row of the problems panel.
 *
 * @param file absolute path of the file the diagnostic is in
 * @param relative the same path relative to the workspace, as shown
 */
public record Problem(Path file, Path relative, Diagnostic diagnostic) {
    public Severity severity() {
        return diagnostic.severity();
    }

    /** "line:column", one-based. */
    public String location() {
        return diagnostic.range().start().toDisplayString();
    }

    public String message() {
        return diagnostic.message();
    }
}
