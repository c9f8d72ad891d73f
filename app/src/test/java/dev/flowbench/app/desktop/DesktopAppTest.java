package dev.flowbench.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesktopAppTest {

    @Test
    void withoutADisplayLaunchPrintsOneLineNamingTheHeadlessCommandsAndFails() {
        var bytes = new ByteArrayOutputStream();
        int code = DesktopApp.launch(
                Path.of("."),
                List.of(),
                Map.of("PATH", "/usr/bin"),
                "Linux",
                null,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(DesktopApp.NO_DISPLAY).isNotZero();
        assertThat(printed.lines()).hasSize(1);
        assertThat(printed)
                .startsWith("flowbench: cannot open the editor: no display")
                .contains("./flowbench validate|run|schema|docs|plugins");
    }

    @Test
    void aDisplayOrTheHeadlessPlatformIsEnough() {
        assertThat(DisplayCheck.missingDisplay(Map.of("DISPLAY", ":0"), "Linux", null))
                .isEmpty();
        assertThat(DisplayCheck.missingDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", null))
                .isEmpty();
        assertThat(DisplayCheck.missingDisplay(Map.of(), "Linux", "Headless")).isEmpty();
        assertThat(DisplayCheck.missingDisplay(Map.of(), "Mac OS X", null)).isEmpty();
        assertThat(DisplayCheck.missingDisplay(Map.of("DISPLAY", " "), "Linux", null))
                .isPresent();
    }
}
