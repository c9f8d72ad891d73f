package dev.flowbench.app.cli;

import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.registry.PluginProblem;
import dev.flowbench.schema.registry.PluginRegistry;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowbench plugins}: lists installed plugins with their origin, then loading problems. */
@Command(
        name = "plugins",
        mixinStandardHelpOptions = true,
        description = "List installed plugins (id, kind, title, where each came from) and plugins that failed to load.")
final class PluginsCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOptions options;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PluginRegistry registry = options.registry(options.workspace());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(asJson(registry)));
            return FlowbenchCommand.OK;
        }
        int idWidth =
                registry.plugins().stream().mapToInt(p -> p.id().length()).max().orElse(4);
        String row = "%-" + idWidth + "s  %-11s  %-32s  %s%n";
        out.printf(row, "TYPE", "KIND", "TITLE", "ORIGIN");
        for (PluginDescriptor plugin : registry.plugins()) {
            out.printf(row, plugin.id(), plugin.kind().label(), plugin.title(), plugin.origin());
        }
        if (!registry.problems().isEmpty()) {
            out.println();
            out.println("Problems (" + registry.problems().size() + "):");
            for (PluginProblem problem : registry.problems()) {
                out.println("  " + problem);
            }
        }
        return FlowbenchCommand.OK;
    }

    private static Map<String, Object> asJson(PluginRegistry registry) {
        var root = new LinkedHashMap<String, Object>();
        root.put(
                "plugins",
                registry.plugins().stream()
                        .map(p -> Map.of(
                                "type",
                                p.id(),
                                "kind",
                                p.kind().label(),
                                "title",
                                p.title(),
                                "origin",
                                p.origin().toString()))
                        .toList());
        root.put(
                "problems",
                registry.problems().stream()
                        .map(p -> Map.of("jar", String.valueOf(p.jar()), "reason", p.reason()))
                        .toList());
        return root;
    }
}
