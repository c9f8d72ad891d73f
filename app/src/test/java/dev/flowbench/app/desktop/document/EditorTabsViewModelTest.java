package dev.flowbench.app.desktop.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditorTabsViewModelTest {
    @TempDir
    Path root;

    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final List<String> asked = new ArrayList<>();
    Journal journal;
    EditorTabsViewModel tabs;
    Path flow;

    @BeforeEach
    void workspace() throws IOException {
        journal = new Journal(root, scheduler, Duration.ofMillis(20));
        tabs = new EditorTabsViewModel(root, journal);
        flow = root.resolve("flows/hello.yaml");
        Files.createDirectories(flow.getParent());
        Files.writeString(flow, "id: hello\n");
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    DocumentViewModel edited(String text) throws IOException {
        DocumentViewModel document = tabs.open(flow);
        document.edited();
        document.textChanged(text);
        return document;
    }

    UnsavedChoice answer(DocumentViewModel document, UnsavedChoice choice) {
        asked.add(document.name());
        return choice;
    }

    @Test
    void aCleanTabClosesWithoutAQuestion() throws IOException {
        DocumentViewModel document = tabs.open(flow);
        assertThat(tabs.close(document, d -> answer(d, UnsavedChoice.CANCEL))).isTrue();
        assertThat(asked).isEmpty();
        assertThat(tabs.documents()).isEmpty();
    }

    @Test
    void saveWritesTheEditsThenCloses() throws IOException {
        DocumentViewModel document = edited("id: saved\n");
        assertThat(tabs.close(document, d -> answer(d, UnsavedChoice.SAVE))).isTrue();
        assertThat(asked).containsExactly("hello.yaml");
        assertThat(Files.readString(flow)).isEqualTo("id: saved\n");
        assertThat(tabs.documents()).isEmpty();
        journal.flush();
        assertThat(journal.entries()).isEmpty();
    }

    @Test
    void dontSaveDropsTheEditsAndTheirJournal() throws IOException {
        DocumentViewModel document = edited("id: dropped\n");
        journal.flush();
        assertThat(journal.entries()).hasSize(1);
        assertThat(tabs.close(document, d -> answer(d, UnsavedChoice.DISCARD))).isTrue();
        assertThat(Files.readString(flow)).isEqualTo("id: hello\n");
        assertThat(tabs.documents()).isEmpty();
        assertThat(journal.entries()).isEmpty();
    }

    @Test
    void cancelKeepsTheTabAndItsEdits() throws IOException {
        DocumentViewModel document = edited("id: kept\n");
        assertThat(tabs.close(document, d -> answer(d, UnsavedChoice.CANCEL))).isFalse();
        assertThat(tabs.documents()).containsExactly(document);
        assertThat(document.isDirty()).isTrue();
        assertThat(document.getText()).isEqualTo("id: kept\n");
    }

    @Test
    void savingOverAFileChangedOnDiskKeepsTheTabOpenWithTheConflict() throws IOException {
        DocumentViewModel document = edited("id: mine\n");
        Files.writeString(flow, "id: theirs\n");
        assertThat(tabs.close(document, d -> answer(d, UnsavedChoice.SAVE))).isFalse();
        assertThat(tabs.documents()).containsExactly(document);
        assertThat(document.diskChangeProperty().get()).isNotNull();
        assertThat(Files.readString(flow)).isEqualTo("id: theirs\n");
    }

    @Test
    void revertShowsTheDiskVersionAgainAndForgetsTheJournal() throws IOException {
        DocumentViewModel document = edited("id: reverted\n");
        journal.flush();
        tabs.revert(List.of(document));
        assertThat(document.isDirty()).isFalse();
        assertThat(document.loadedTextProperty().get()).isEqualTo("id: hello\n");
        assertThat(journal.entries()).isEmpty();
    }
}
