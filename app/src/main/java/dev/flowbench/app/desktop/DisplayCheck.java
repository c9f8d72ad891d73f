package dev.flowbench.app.desktop;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, before touching the toolkit, whether a window can be shown at all, so a user on a server gets a
 * sentence instead of a native error or a stack trace.
 */
final class DisplayCheck {
    private DisplayCheck() {}

    /**
     * Why no window can open, or empty when one probably can: on Linux and other X11/Wayland systems a display
     * is needed unless JavaFX runs on its own headless platform ({@code -Dglass.platform=Headless}).
     */
    static Optional<String> missingDisplay(Map<String, String> env, String osName, String glassPlatform) {
        if (glassPlatform != null && glassPlatform.equalsIgnoreCase("headless")) {
            return Optional.empty();
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return Optional.empty();
        }
        if (isSet(env, "DISPLAY") || isSet(env, "WAYLAND_DISPLAY")) {
            return Optional.empty();
        }
        return Optional.of("no display (neither DISPLAY nor WAYLAND_DISPLAY is set)");
    }

    /** The one line printed when the editor cannot open, naming what works without a display. */
    static String message(String reason) {
        return "flowbench: cannot open the editor: " + reason
                + ". The command line works without a display: ./flowbench validate|run|schema|docs|plugins ..."
                + " (./flowbench --help lists them).";
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
