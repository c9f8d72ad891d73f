package dev.flowbench.app.desktop.workspace;

import java.nio.file.Path;

/** What a workspace file is, by where it sits; decides which language services and which view it gets. */
public enum FileKind {
    FLOW,
    ENVIRONMENT,
    SECRETS,
    PLUGIN,
    OTHER;

    /** The kind of {@code file}, given as a path relative to the workspace root. */
    public static FileKind of(Path relative) {
        String name =
                relative.getFileName() == null ? "" : relative.getFileName().toString();
        String top = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        return switch (top) {
            case "flows" -> yaml ? FLOW : OTHER;
            case "environments" -> yaml && relative.getNameCount() == 2 ? ENVIRONMENT : OTHER;
            case "secrets" -> SECRETS;
            case "plugins" -> name.endsWith(".jar") ? PLUGIN : OTHER;
            default -> OTHER;
        };
    }

    /** Whether files of this kind open in a text editor tab. */
    public boolean isEditable() {
        return this == FLOW || this == ENVIRONMENT || this == OTHER;
    }
}
