package dev.flowbench.app.desktop.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.app.desktop.document.EditorTabsViewModel;
import dev.flowbench.app.desktop.document.Journal;
import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.Position;
import dev.flowbench.schema.diagnostic.Range;
import dev.flowbench.schema.diagnostic.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemsViewModelTest {
    @TempDir
    Path root;

    static Diagnostic at(int line, Severity severity, String message) {
        var position = new Position(line, 0, line * 10);
        return Diagnostic.of(new Range(position, position), severity, "code", message);
    }

    @Test
    void problemsOfOpenDocumentsAreListedFilteredAndCounted() throws IOException {
        Path a = root.resolve("flows/a.yaml");
        Path b = root.resolve("flows/b.yaml");
        Files.createDirectories(a.getParent());
        Files.writeString(a, "id: a\n");
        Files.writeString(b, "id: b\n");
        var tabs = new EditorTabsViewModel(
                root, new Journal(root, Executors.newSingleThreadScheduledExecutor(), Duration.ofSeconds(1)));
        var problems = new ProblemsViewModel(tabs.documents(), root::relativize);
        var docA = tabs.open(a);
        var docB = tabs.open(b);
        docB.diagnosticsProperty().set(List.of(at(3, Severity.WARNING, "w"), at(1, Severity.ERROR, "e1")));
        docA.diagnosticsProperty().set(List.of(at(2, Severity.ERROR, "e0"), at(4, Severity.INFO, "i")));

        assertThat(problems.problems()).extracting(Problem::message).containsExactly("e0", "i", "e1", "w");
        assertThat(problems.problems().getFirst().location()).isEqualTo("3:1");
        assertThat(problems.errorsProperty().get()).isEqualTo(2);
        assertThat(problems.warningsProperty().get()).isEqualTo(1);

        problems.showErrorsProperty().set(false);
        assertThat(problems.problems()).extracting(Problem::message).containsExactly("i", "w");
        assertThat(problems.errorsProperty().get())
                .as("counts ignore the filter")
                .isEqualTo(2);

        tabs.close(docB);
        assertThat(problems.problems()).extracting(Problem::message).containsExactly("i");
    }

    @Test
    void workspaceProblemsOfClosedFilesAreKeptAndOpenFilesWin() throws IOException {
        Path a = root.resolve("flows/a.yaml");
        Files.createDirectories(a.getParent());
        Files.writeString(a, "id: a\n");
        var tabs = new EditorTabsViewModel(
                root, new Journal(root, Executors.newSingleThreadScheduledExecutor(), Duration.ofSeconds(1)));
        var problems = new ProblemsViewModel(tabs.documents(), root::relativize);
        problems.setWorkspaceProblems(Map.of(
                a.toAbsolutePath(), List.of(at(1, Severity.ERROR, "stale")),
                root.resolve("flows/c.yaml").toAbsolutePath(), List.of(at(1, Severity.ERROR, "closed"))));
        assertThat(problems.problems()).extracting(Problem::message).containsExactly("stale", "closed");
        tabs.open(a);
        assertThat(problems.problems()).extracting(Problem::message).containsExactly("closed");
    }
}
