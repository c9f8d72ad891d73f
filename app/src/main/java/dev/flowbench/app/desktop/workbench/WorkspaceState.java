package dev.flowbench.app.desktop.workbench;

import dev.flowbench.app.workspace.AtomicFiles;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What a workspace had open last time, kept in {@code .flowbench/state.properties}: the open files (relative
 * paths, in tab order), the selected one, the environment and the theme.
 */
public record WorkspaceState(List<String> openFiles, String selectedFile, String environment, String theme) {
    public WorkspaceState {
        openFiles = List.copyOf(openFiles);
    }

    /** The state saved in {@code workspace}, or an empty one when there is none or it is unreadable. */
    public static WorkspaceState load(Path workspace) {
        var properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file(workspace), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return new WorkspaceState(List.of(), null, null, null);
        }
        String open = properties.getProperty("open", "");
        return new WorkspaceState(
                open.isBlank() ? List.of() : Arrays.asList(open.split("\\|")),
                properties.getProperty("selected"),
                properties.getProperty("environment"),
                properties.getProperty("theme"));
    }

    /** Writes this state into {@code workspace} atomically. */
    public void save(Path workspace) throws IOException {
        var properties = new Properties();
        properties.setProperty("open", String.join("|", openFiles));
        if (selectedFile != null) {
            properties.setProperty("selected", selectedFile);
        }
        if (environment != null) {
            properties.setProperty("environment", environment);
        }
        if (theme != null) {
            properties.setProperty("theme", theme);
        }
        Path target = file(workspace);
        Files.createDirectories(target.getParent());
        AtomicFiles.write(target, PropertiesText.format("Flowbench workspace state", properties));
    }

    private static Path file(Path workspace) {
        return workspace.resolve(".flowbench").resolve("state.properties");
    }
}
