package dev.flowbench.app.desktop.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.app.desktop.document.DocumentViewModel;
import dev.flowbench.app.desktop.document.UnsavedChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the window with unsaved edits, without a window: the questions are answered by the test. */
class WorkbenchViewModelCloseTest {
    @TempDir
    Path root;

    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final List<String> asked = new ArrayList<>();
    WorkbenchViewModel workbench;
    Path hello;
    Path other;

    @BeforeEach
    void workspace() throws IOException {
        var workspace = TwoFlowWorkspace.at(root);
        hello = workspace.hello();
        other = workspace.other();
        workbench = workspace.workbench(scheduler);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    void edit(Path file, String text) {
        DocumentViewModel document = workbench.open(file).orElseThrow();
        document.edited();
        document.textChanged(text);
    }

    WorkbenchViewModel.CloseQuestions answering(UnsavedChoice choice) {
        return new WorkbenchViewModel.CloseQuestions() {
            @Override
            public UnsavedChoice unsaved(List<DocumentViewModel> dirty) {
                asked.add(
                        "unsaved " + dirty.stream().map(DocumentViewModel::name).toList());
                return choice;
            }

            @Override
            public boolean stopRun() {
                asked.add("stop run");
                return true;
            }
        };
    }

    @Test
    void nothingUnsavedMeansNoQuestion() {
        workbench.open(hello);
        assertThat(workbench.mayClose(answering(UnsavedChoice.CANCEL))).isTrue();
        assertThat(asked).isEmpty();
    }

    @Test
    void oneQuestionCoversEveryUnsavedFileAndSaveWritesThemAll() throws IOException {
        edit(hello, "id: hello2\n");
        edit(other, "id: other2\n");
        assertThat(workbench.mayClose(answering(UnsavedChoice.SAVE))).isTrue();
        assertThat(asked).containsExactly("unsaved [hello.yaml, other.yaml]");
        assertThat(Files.readString(hello)).isEqualTo("id: hello2\n");
        assertThat(Files.readString(other)).isEqualTo("id: other2\n");
    }

    @Test
    void dontSaveLeavesTheFilesAndTheJournalEmptySoNothingComesBackOnTheNextStart() throws IOException {
        edit(hello, "id: dropped\n");
        workbench.journal().flush();
        assertThat(workbench.mayClose(answering(UnsavedChoice.DISCARD))).isTrue();
        workbench.saveState();
        assertThat(Files.readString(hello)).isEqualTo("id: hello\n");
        assertThat(workbench.journal().entries()).isEmpty();
        assertThat(workbench.tabs().dirtyDocuments()).isEmpty();
    }

    @Test
    void cancelKeepsTheWindowOpenAndTheEditsUnsaved() throws IOException {
        edit(hello, "id: kept\n");
        assertThat(workbench.mayClose(answering(UnsavedChoice.CANCEL))).isFalse();
        assertThat(Files.readString(hello)).isEqualTo("id: hello\n");
        assertThat(workbench.tabs().dirtyDocuments()).hasSize(1);
    }

    @Test
    void aFileChangedOnDiskKeepsTheWindowOpenAndSaysWhich() throws IOException {
        edit(hello, "id: mine\n");
        Files.writeString(hello, "id: theirs\n");
        assertThat(workbench.mayClose(answering(UnsavedChoice.SAVE))).isFalse();
        assertThat(workbench.messageProperty().get()).startsWith("flows/hello.yaml changed on disk");
        assertThat(Files.readString(hello)).isEqualTo("id: theirs\n");
    }
}
