package dev.flowbench.app.desktop.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theLastWorkspaceIsRememberedInTheConfigHomeAndTheFileIsOnlyRewrittenWhenItChanges() throws IOException {
        Path first = Files.createDirectories(dir.resolve("first workspace"));
        Path second = Files.createDirectories(dir.resolve("second"));
        var settings = UserSettings.forUser(
                Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString()), "/nowhere");
        Path file = dir.resolve("config/flowbench/settings.properties");

        settings.rememberWorkspace(first);
        assertThat(settings.lastWorkspace()).contains(first.toAbsolutePath().normalize());
        Files.writeString(file, "# a note of the user's\n", StandardOpenOption.APPEND);

        settings.rememberWorkspace(first);
        assertThat(Files.readString(file)).contains("# a note of the user's");

        settings.rememberWorkspace(second);
        assertThat(settings.lastWorkspace()).contains(second.toAbsolutePath().normalize());
        assertThat(Files.readString(file)).doesNotContain("a note");
    }

    @Test
    void aWorkspaceThatNoLongerExistsIsNotOffered() throws IOException {
        Path gone = Files.createDirectories(dir.resolve("gone"));
        var settings = new UserSettings(dir.resolve("settings.properties"));
        settings.rememberWorkspace(gone);
        Files.delete(gone);

        assertThat(settings.lastWorkspace()).isEmpty();
    }
}
