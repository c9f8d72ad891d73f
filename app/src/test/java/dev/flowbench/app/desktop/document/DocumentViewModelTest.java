package dev.flowbench.app.desktop.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentViewModelTest {
    @TempDir
    Path root;

    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    Journal journal;
    Path flow;

    @BeforeEach
    void workspace() throws IOException {
        journal = new Journal(root, scheduler, Duration.ofMillis(50));
        flow = root.resolve("flows/hello.yaml");
        Files.createDirectories(flow.getParent());
        Files.writeString(flow, "id: hello\n");
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void editsMakeTheDocumentDirtyUntilSavedOrUndone() throws IOException {
        var document = DocumentViewModel.open(root, flow, journal);
        assertThat(document.isDirty()).isFalse();
        document.edited();
        assertThat(document.isDirty()).isTrue();
        document.textChanged("id: hello\n");
        assertThat(document.isDirty()).as("typed and undone").isFalse();
        document.textChanged("id: hi\n");
        assertThat(document.save()).isEqualTo(DocumentViewModel.SaveResult.SAVED);
        assertThat(document.isDirty()).isFalse();
        assertThat(Files.readString(flow)).isEqualTo("id: hi\n");
        assertThat(root.resolve("flows")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void unsavedEditsReachTheJournalAndLeaveItWhenSaved() throws IOException {
        var document = DocumentViewModel.open(root, flow, journal);
        document.textChanged("id: edited\n");
        journal.flush();
        assertThat(journal.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.file()).isEqualTo(flow.toAbsolutePath());
            assertThat(entry.text()).isEqualTo("id: edited\n");
            assertThat(entry.baseHash()).isEqualTo(Journal.hash("id: hello\n"));
        });
        document.save();
        journal.flush();
        assertThat(journal.entries()).isEmpty();
    }

    @Test
    void theJournalIsWrittenWithinASecondWithoutAFlush() throws Exception {
        var document = DocumentViewModel.open(root, flow, journal);
        document.textChanged("id: quick\n");
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (journal.entries().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(journal.entries()).extracting(Journal.Entry::text).containsExactly("id: quick\n");
    }

    @Test
    void aRestartRestoresJournalledEditsAsUnsavedDocuments() throws IOException {
        var before = new EditorTabsViewModel(root, journal);
        before.open(flow).textChanged("id: not saved\n");
        journal.flush();
        // The process dies here: nothing saved, nothing closed.
        var after = new EditorTabsViewModel(root, new Journal(root, scheduler, Duration.ofMillis(50)));
        assertThat(after.restoreFromJournal()).singleElement().satisfies(document -> {
            assertThat(document.loadedTextProperty().get()).isEqualTo("id: not saved\n");
            assertThat(document.isDirty()).isTrue();
            assertThat(document.diskChangeProperty().get()).isNull();
        });
        assertThat(Files.readString(flow)).isEqualTo("id: hello\n");
    }

    @Test
    void savingOverAFileChangedOnDiskIsAConflictNotAnOverwrite() throws IOException {
        var document = DocumentViewModel.open(root, flow, journal);
        document.textChanged("id: mine\n");
        Files.writeString(flow, "id: theirs\n");
        assertThat(document.save()).isEqualTo(DocumentViewModel.SaveResult.CONFLICT);
        assertThat(Files.readString(flow)).isEqualTo("id: theirs\n");
        assertThat(document.diskChangeProperty().get().diskText()).isEqualTo("id: theirs\n");
        document.keepMine();
        assertThat(Files.readString(flow)).isEqualTo("id: mine\n");
        assertThat(document.diskChangeProperty().get()).isNull();
    }

    @Test
    void aDiskChangeReloadsACleanDocumentAndIsReportedUnderUnsavedEdits() throws IOException {
        var clean = DocumentViewModel.open(root, flow, journal);
        Files.writeString(flow, "id: v2\n");
        assertThat(clean.checkDisk()).isTrue();
        assertThat(clean.loadedTextProperty().get()).isEqualTo("id: v2\n");
        assertThat(clean.isDirty()).isFalse();

        clean.textChanged("id: v2 edited\n");
        Files.writeString(flow, "id: v3\n");
        assertThat(clean.checkDisk()).isTrue();
        assertThat(clean.diskChangeProperty().get().diskText()).isEqualTo("id: v3\n");
        clean.reloadFromDisk();
        assertThat(clean.getText()).isEqualTo("id: v3\n");
        assertThat(clean.isDirty()).isFalse();
    }

    @Test
    void restoringEditsMadeOnAnOlderDiskVersionReportsTheDiskChange() throws IOException {
        var before = new EditorTabsViewModel(root, journal);
        before.open(flow).textChanged("id: mine\n");
        journal.flush();
        Files.writeString(flow, "id: changed meanwhile\n");
        var document =
                new EditorTabsViewModel(root, journal).restoreFromJournal().getFirst();
        assertThat(document.diskChangeProperty().get().diskText()).isEqualTo("id: changed meanwhile\n");
        assertThat(document.loadedTextProperty().get()).isEqualTo("id: mine\n");
    }

    @Test
    void closingADirtyTabIsRefusedUntilTheEditsAreDiscarded() throws IOException {
        var tabs = new EditorTabsViewModel(root, journal);
        var document = tabs.open(flow);
        assertThat(tabs.open(flow)).isSameAs(document);
        document.textChanged("id: changed\n");
        assertThat(tabs.close(document)).isFalse();
        assertThat(tabs.dirtyDocuments()).containsExactly(document);
        tabs.discardAndClose(document);
        assertThat(tabs.documents()).isEmpty();
        assertThat(tabs.getSelected()).isNull();
        journal.flush();
        assertThat(journal.entries()).isEmpty();
    }
}
