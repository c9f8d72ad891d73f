package dev.flowbench.app.desktop.outline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.editor.language.FlowLanguage;
import dev.flowbench.editor.language.OutlineNode;
import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.validation.ValidationContext;
import org.junit.jupiter.api.Test;

class OutlineViewModelTest {
    private static final FlowLanguage FLOWS = FlowLanguage.forFlows(PluginRegistry.builtIn(), ValidationContext::none);

    @Test
    void theOutlineListsTasksAndTellsWhichTaskTheCaretIsIn() {
        var outline = new OutlineViewModel(Runnable::run, Runnable::run);
        String text = "id: demo\nnamespace: a\ntasks:\n  - id: first\n    type: io.kestra.plugin.core.log.Log\n"
                + "    message: hi\n  - id: second\n    type: io.kestra.plugin.scripts.shell.Commands\n"
                + "    commands: [ls]\n";
        outline.update(text, FLOWS::outline);
        OutlineNode root = outline.rootProperty().get();
        assertThat(root.name()).isEqualTo("demo");
        assertThat(root.children()).extracting(OutlineNode::name).containsExactly("first", "second");
        assertThat(outline.typeAt(text.indexOf("message"))).contains("io.kestra.plugin.core.log.Log");
        assertThat(outline.typeAt(text.indexOf("commands"))).contains("io.kestra.plugin.scripts.shell.Commands");
        assertThat(outline.typeAt(0)).isEmpty();
    }

    @Test
    void aStaleResultNeverReplacesANewerOne() {
        var queued = new java.util.ArrayList<Runnable>();
        var outline = new OutlineViewModel(queued::add, Runnable::run);
        outline.update("id: old\ntasks: []\n", FLOWS::outline);
        outline.update("id: new\ntasks: []\n", FLOWS::outline);
        queued.get(1).run();
        queued.get(0).run();
        assertThat(outline.rootProperty().get().name()).isEqualTo("new");
        outline.update(null, null);
        assertThat(outline.rootProperty().get()).isNull();
    }
}
