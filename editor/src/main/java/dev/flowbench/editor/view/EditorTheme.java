package dev.flowbench.editor.view;

import java.util.Objects;

/** The editor's colour themes; each is one stylesheet on top of the structural one. */
public enum EditorTheme {
    LIGHT("editor-light.css"),
    DARK("editor-dark.css");

    private final String file;

    EditorTheme(String file) {
        this.file = file;
    }

    /** The URL of the structural stylesheet every theme builds on. */
    public static String baseStylesheet() {
        return url("editor-base.css");
    }

    /** The URL of this theme's colour stylesheet. */
    public String stylesheet() {
        return url(file);
    }

    private static String url(String name) {
        return Objects.requireNonNull(EditorTheme.class.getResource(name), name).toExternalForm();
    }
}
