package dev.flowbench.app.desktop.workbench;

import dev.flowbench.app.workspace.AtomicFiles;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The user's app settings, in {@code $XDG_CONFIG_HOME/flowbench/settings.properties} (default
 * {@code ~/.config}): for now, the last workspace opened, so the next start reopens it.
 */
public final class UserSettings {
    private final Path file;

    public UserSettings(Path file) {
        this.file = file;
    }

    /** The settings file for this user and environment. */
    public static UserSettings forUser(Map<String, String> env, String userHome) {
        String config = env.get("XDG_CONFIG_HOME");
        Path base = config == null || config.isBlank() ? Path.of(userHome, ".config") : Path.of(config);
        return new UserSettings(base.resolve("flowbench").resolve("settings.properties"));
    }

    /** The last workspace opened, if it still exists. */
    public Optional<Path> lastWorkspace() {
        String value = load().getProperty("lastWorkspace");
        if (value == null) {
            return Optional.empty();
        }
        Path path = Path.of(value);
        return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
    }

    /**
     * Remembers {@code workspace} as the last one opened, writing the file only when that changes; failures are
     * ignored (it is only a convenience).
     */
    public void rememberWorkspace(Path workspace) {
        Properties properties = load();
        String path = workspace.toAbsolutePath().normalize().toString();
        if (path.equals(properties.getProperty("lastWorkspace"))) {
            return;
        }
        properties.setProperty("lastWorkspace", path);
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, PropertiesText.format("Flowbench settings", properties));
        } catch (IOException ignored) {
            // Not remembering the workspace only costs the user a click next time.
        }
    }

    private Properties load() {
        var properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // No settings yet.
        }
        return properties;
    }
}
