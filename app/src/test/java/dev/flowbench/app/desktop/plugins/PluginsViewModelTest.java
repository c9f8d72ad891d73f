package dev.flowbench.app.desktop.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.app.desktop.plugins.PluginsViewModel.Plugin;
import dev.flowbench.app.desktop.plugins.PluginsViewModel.Source;
import dev.flowbench.schema.registry.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsViewModelTest {
    @TempDir
    Path temp;

    Path user;
    Path workspace;
    PluginsViewModel model;

    @BeforeEach
    void folders() throws IOException {
        user = Files.createDirectories(temp.resolve("user-plugins"));
        workspace = temp.resolve("workspace/plugins");
        model = new PluginsViewModel(null, user, workspace);
    }

    @Test
    void pluginsFromTheUserFolderAndProblemsOfBrokenWorkspaceJarsSayWhereTheyCameFrom() throws IOException {
        // The SSH runner plugin, built by this project and handed to the tests by the build.
        Files.copy(Path.of(System.getProperty("flowbench.test.sshPluginJar")), user.resolve("ssh-runner.jar"));
        Files.createDirectories(workspace);
        Files.write(workspace.resolve("broken.jar"), new byte[] {1, 2, 3});

        model.show(PluginRegistry.load(List.of(user, workspace)));

        assertThat(model.plugins())
                .filteredOn(p -> p.source() == Source.USER)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.jar()).isEqualTo("ssh-runner.jar"))
                .extracting(Plugin::kind)
                .contains("task runner");
        assertThat(model.plugins())
                .filteredOn(p -> p.type().equals("io.kestra.plugin.core.log.Log"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.source()).isEqualTo(Source.BUILT_IN);
                    assertThat(p.jar()).isEmpty();
                });
        assertThat(model.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.jar()).isEqualTo("broken.jar");
            assertThat(problem.source()).isEqualTo(Source.WORKSPACE);
            assertThat(problem.reason()).startsWith("not a readable JAR");
        });
        assertThat(model.summaryProperty().get()).endsWith(", 1 problem");
        // Built-ins first, then the user's folder.
        assertThat(model.plugins().getFirst().source()).isEqualTo(Source.BUILT_IN);
        assertThat(model.plugins().getLast().source()).isEqualTo(Source.USER);
    }

    @Test
    void theFoldersAreListedInLoadingOrderEvenBeforeTheyExist() {
        assertThat(model.folders())
                .extracting(f -> f.source() + " " + f.exists())
                .containsExactly("USER true", "WORKSPACE false");
        var installed = new PluginsViewModel(temp.resolve("opt/plugins"), user, workspace);
        assertThat(installed.folders().getFirst().source()).isEqualTo(Source.INSTALLATION);
    }

    @Test
    void whileLoadingItSaysSoAndListsNothing() {
        model.show(null);
        assertThat(model.plugins()).isEmpty();
        assertThat(model.summaryProperty().get()).isEqualTo("Loading plugins…");
    }
}
