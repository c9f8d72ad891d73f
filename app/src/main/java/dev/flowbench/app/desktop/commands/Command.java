package dev.flowbench.app.desktop.commands;

import java.util.Objects;

/**
 * One action of the app.
 *
 * @param title what the palette shows, e.g. "File: Save"
 * @param shortcut the key combination in JavaFX's notation ({@code Shortcut+S}), or empty
 */
public record Command(String id, String title, String shortcut, Runnable action) {
    public Command {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        shortcut = shortcut == null ? "" : shortcut;
        Objects.requireNonNull(action, "action");
    }
}
