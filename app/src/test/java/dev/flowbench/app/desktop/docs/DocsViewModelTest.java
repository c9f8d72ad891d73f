package dev.flowbench.app.desktop.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.app.desktop.docs.DocsViewModel.NotInstalled;
import dev.flowbench.app.desktop.docs.DocsViewModel.PluginPage;
import dev.flowbench.schema.docs.PropertyDoc;
import dev.flowbench.schema.registry.PluginRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocsViewModelTest {
    private static final String DOCKER = "io.kestra.plugin.scripts.runner.docker.Docker";
    private static final String LOG = "io.kestra.plugin.core.log.Log";
    private static final PluginRegistry REGISTRY = PluginRegistry.builtIn();

    private final DocsViewModel docs = new DocsViewModel(() -> REGISTRY, () -> List.of(Path.of("/ws/plugins")));

    @Test
    void openingAnInstalledTypeShowsItsPageWithThePropertiesTable() {
        docs.open(DOCKER);
        assertThat(docs.pageProperty().get())
                .isInstanceOfSatisfying(
                        PluginPage.class,
                        page -> assertThat(page.docs().properties())
                                .extracting(PropertyDoc::name)
                                .contains("pullPolicy"));
    }

    @Test
    void anUnknownTypeShowsWhereToInstallPlugins() {
        docs.open("com.example.Missing");
        assertThat(docs.pageProperty().get())
                .isEqualTo(new NotInstalled("com.example.Missing", List.of(Path.of("/ws/plugins"))));
    }

    @Test
    void backAndForwardWalkTheHistoryAndANewPageDropsTheForwardPart() {
        docs.open(DOCKER);
        docs.open(LOG);
        assertThat(docs.canGoBackProperty().get()).isTrue();
        docs.back();
        assertThat(docs.pageProperty().get().typeId()).isEqualTo(DOCKER);
        assertThat(docs.canGoForwardProperty().get()).isTrue();
        docs.forward();
        assertThat(docs.pageProperty().get().typeId()).isEqualTo(LOG);
        docs.back();
        docs.open("x.Y");
        assertThat(docs.canGoForwardProperty().get()).isFalse();
        docs.back();
        assertThat(docs.pageProperty().get().typeId()).isEqualTo(DOCKER);
    }

    @Test
    void followingTheCaretReplacesThePageWithoutGrowingHistoryAndOnlyWhenSwitchedOn() {
        docs.caretIn(LOG);
        assertThat(docs.pageProperty().get()).isNull();
        docs.followCaretProperty().set(true);
        docs.caretIn(LOG);
        docs.caretIn(DOCKER);
        assertThat(docs.pageProperty().get().typeId()).isEqualTo(DOCKER);
        assertThat(docs.canGoBackProperty().get()).isFalse();
    }
}
