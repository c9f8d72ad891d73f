package dev.flowbench.app.desktop.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceViewModelTest {
    @TempDir
    Path root;

    private WorkspaceViewModel workspace() throws IOException {
        Files.createDirectories(root.resolve("flows"));
        Files.createDirectories(root.resolve("environments"));
        Files.createDirectories(root.resolve("secrets"));
        Files.createDirectories(root.resolve(".flowbench/journal"));
        Files.writeString(root.resolve("flows/hello.yaml"), "id: hello\n");
        Files.writeString(root.resolve("environments/prod.yaml"), "pluginDefaults: []\n");
        Files.writeString(root.resolve("environments/dev.yaml"), "pluginDefaults: []\n");
        Files.writeString(root.resolve("secrets/dev.env"), "TOKEN=abc\n");
        return new WorkspaceViewModel(root);
    }

    @Test
    void theTreeListsTheWellKnownFoldersAndHidesTheFlowbenchFolder() throws IOException {
        WorkspaceEntry tree = workspace().treeProperty().get();
        assertThat(tree.children())
                .extracting(WorkspaceEntry::name)
                .containsExactly("flows", "environments", "secrets");
        assertThat(tree.children().get(0).children()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("hello.yaml");
            assertThat(e.kind()).isEqualTo(FileKind.FLOW);
        });
        assertThat(tree.children().get(2).children().getFirst().kind()).isEqualTo(FileKind.SECRETS);
    }

    @Test
    void environmentsAreTheYamlFilesOfTheEnvironmentsFolder() throws IOException {
        assertThat(workspace().environments()).containsExactly("dev", "prod");
    }

    @Test
    void aNewFlowIsAMinimalFlowNamedAfterItsId() throws IOException {
        WorkspaceViewModel workspace = workspace();
        Path created = workspace.newFlow("nightly-report");
        assertThat(created).isEqualTo(root.resolve("flows/nightly-report.yaml").toAbsolutePath());
        assertThat(Files.readString(created)).startsWith("id: nightly-report\nnamespace: ");
        assertThat(workspace.treeProperty().get().children().getFirst().children())
                .extracting(WorkspaceEntry::name)
                .containsExactly("hello.yaml", "nightly-report.yaml");
        assertThatThrownBy(() -> workspace.newFlow("hello")).hasMessage("flows/hello.yaml already exists");
        assertThatThrownBy(() -> workspace.newFlow("../escape")).hasMessageStartingWith("use letters, digits");
    }

    @Test
    void renameAndDeleteStayInsideTheWorkspace() throws IOException {
        WorkspaceViewModel workspace = workspace();
        Path renamed = workspace.rename(root.resolve("flows/hello.yaml"), "greet.yaml");
        assertThat(renamed).exists();
        assertThat(root.resolve("flows/hello.yaml")).doesNotExist();
        workspace.delete(renamed);
        assertThat(renamed).doesNotExist();
        assertThatThrownBy(() -> workspace.delete(root.resolve(".flowbench/journal")))
                .hasMessageStartingWith("not a workspace file");
        assertThatThrownBy(() -> workspace.delete(root.resolve("flows"))).hasMessageStartingWith("folders are not");
    }

    @Test
    void fileKindsFollowTheFolders() {
        assertThat(FileKind.of(Path.of("flows/a.yml"))).isEqualTo(FileKind.FLOW);
        assertThat(FileKind.of(Path.of("flows/notes.txt"))).isEqualTo(FileKind.OTHER);
        assertThat(FileKind.of(Path.of("environments/dev.yaml"))).isEqualTo(FileKind.ENVIRONMENT);
        assertThat(FileKind.of(Path.of("secrets/dev.env"))).isEqualTo(FileKind.SECRETS);
        assertThat(FileKind.of(Path.of("plugins/ssh.jar"))).isEqualTo(FileKind.PLUGIN);
        assertThat(FileKind.SECRETS.isEditable()).isFalse();
    }
}
