package dev.flowbench.app.desktop.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.app.desktop.document.DocumentViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting a session with files asked for on the command line (or by a file manager), without a window. */
class WorkbenchViewModelStartTest {
    @TempDir
    Path dir;

    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    TwoFlowWorkspace workspace;
    Path root;
    Path hello;
    Path other;
    WorkbenchViewModel workbench;

    @BeforeEach
    void workspace() throws IOException {
        workspace = TwoFlowWorkspace.at(dir.resolve("workspace"));
        root = workspace.root();
        hello = workspace.hello();
        other = workspace.other();
        workbench = workspace.workbench(scheduler);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private List<String> openNames() {
        return workbench.tabs().documents().stream()
                .map(DocumentViewModel::name)
                .toList();
    }

    @Test
    void aFirstStartWithoutFilesOpensTheExampleFlow() {
        workbench.start();

        assertThat(openNames()).containsExactly("hello.yaml");
    }

    @Test
    void filesAskedForOpenSelectedInsteadOfTheExampleFlow() {
        workbench.start(List.of(other));

        assertThat(openNames()).containsExactly("other.yaml");
        assertThat(workbench.tabs().getSelected().name()).isEqualTo("other.yaml");
    }

    @Test
    void filesAskedForOpenBesideLastSessionsTabsAndTheLastOneIsSelected() throws IOException {
        workbench.open(hello);
        workbench.saveState();
        var next = workspace.workbench(scheduler);

        next.start(List.of(other));

        assertThat(next.tabs().documents().stream().map(DocumentViewModel::name))
                .containsExactly("hello.yaml", "other.yaml");
        assertThat(next.tabs().getSelected().name()).isEqualTo("other.yaml");
    }

    @Test
    void aFileOutsideTheWorkspaceIsNotOpenedAndTheStatusBarSaysSo() throws IOException {
        Path outside = Files.writeString(dir.resolve("elsewhere.yaml"), "id: elsewhere\n");

        workbench.start(List.of(outside));

        assertThat(openNames()).isEmpty();
        assertThat(workbench.messageProperty().get())
                .startsWith("Not opened: " + outside)
                .contains("outside the workspace " + root);
    }
}
