package dev.flowbench.app.desktop;

import java.nio.file.Path;

/** Opens the desktop editor; replaced by the JavaFX application. */
public final class DesktopApp {
    private DesktopApp() {}

    /** Opens the editor on {@code workspace}; returns the exit code. */
    public static int launch(Path workspace) {
        System.err.println("flowbench: the desktop editor is not part of this build; use ./flowbench --help");
        return 2;
    }
}
