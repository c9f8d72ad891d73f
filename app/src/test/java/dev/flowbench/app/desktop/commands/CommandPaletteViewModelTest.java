package dev.flowbench.app.desktop.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandPaletteViewModelTest {
    private final List<String> ran = new ArrayList<>();

    private Command command(String id, String title) {
        return new Command(id, title, "", () -> ran.add(id));
    }

    @Test
    void everyTypedWordMustAppearInTheTitleInAnyOrder() {
        var palette = new CommandPaletteViewModel(List.of(
                command("save", "File: Save"),
                command("saveAll", "File: Save All"),
                command("theme", "View: Toggle Dark Theme")));
        palette.queryProperty().set("all save");
        assertThat(palette.matches()).extracting(Command::id).containsExactly("saveAll");
        palette.queryProperty().set("");
        assertThat(palette.matches()).hasSize(3);
        palette.queryProperty().set("nothing like this");
        assertThat(palette.selectedProperty().get()).isEqualTo(-1);
        assertThat(palette.runSelected()).isFalse();
    }

    @Test
    void arrowsMoveTheSelectionWithinTheMatchesAndEnterRunsIt() {
        var palette = new CommandPaletteViewModel(List.of(command("a", "File: Save"), command("b", "File: Save All")));
        palette.queryProperty().set("file");
        palette.move(5);
        assertThat(palette.selectedProperty().get()).isEqualTo(1);
        assertThat(palette.runSelected()).isTrue();
        assertThat(ran).containsExactly("b");
    }
}
