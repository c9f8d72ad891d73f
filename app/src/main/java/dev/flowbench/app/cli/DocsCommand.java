package dev.flowbench.app.cli;

import dev.flowbench.schema.docs.MarkdownDocsRenderer;
import dev.flowbench.schema.docs.PluginDocsFactory;
import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.validation.Suggestions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowbench docs TYPE}: prints a plugin's documentation page. */
@Command(name = "docs", mixinStandardHelpOptions = true, description = "Print the documentation of a plugin type.")
final class DocsCommand implements Callable<Integer> {
    enum Format {
        markdown,
        json
    }

    @Mixin
    WorkspaceOptions options;

    @Parameters(
            paramLabel = "TYPE",
            description = "A plugin type id, e.g. io.kestra.plugin.scripts.runner.docker.Docker.")
    String type;

    @Option(names = "--format", defaultValue = "markdown", description = "markdown (default) or json.")
    Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PluginRegistry registry = options.registry(options.workspace());
        PluginDescriptor plugin = registry.find(type).orElseThrow(() -> unknown(registry));
        var docs = PluginDocsFactory.of(plugin);
        spec.commandLine()
                .getOut()
                .print(format == Format.json ? Json.write(docs) + "\n" : MarkdownDocsRenderer.render(docs));
        return FlowbenchCommand.OK;
    }

    private UserError unknown(PluginRegistry registry) {
        String closest = Suggestions.closest(
                type, registry.plugins().stream().map(PluginDescriptor::id).toList());
        return new UserError("unknown plugin type " + type + " (not installed)"
                + (closest == null ? "" : "; did you mean " + closest + "?")
                + " 'flowbench plugins' lists what is installed");
    }
}
