package dev.flowbench.app.cli;

import dev.flowbench.schema.docs.MarkdownDocsRenderer;
import dev.flowbench.schema.docs.PluginDocsFactory;
import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.registry.PluginRegistry;
import java.util.Comparator;
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
        String closest = registry.plugins().stream()
                .map(PluginDescriptor::id)
                .min(Comparator.comparingInt(id -> distance(id.toLowerCase(), type.toLowerCase())))
                .orElse("");
        return new UserError("unknown plugin type " + type + " (not installed); did you mean " + closest
                + "? 'flowbench plugins' lists what is installed");
    }

    /** Edit distance with a bonus for containment, so "docker" finds the Docker runner. */
    private static int distance(String candidate, String wanted) {
        if (candidate.contains(wanted)) {
            return candidate.length() - wanted.length() - 1000;
        }
        int[] previous = new int[wanted.length() + 1];
        int[] current = new int[wanted.length() + 1];
        for (int j = 0; j <= wanted.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= candidate.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= wanted.length(); j++) {
                int cost = candidate.charAt(i - 1) == wanted.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[wanted.length()];
    }
}
