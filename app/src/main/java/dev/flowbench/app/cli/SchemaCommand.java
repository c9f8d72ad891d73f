package dev.flowbench.app.cli;

import dev.flowbench.app.workspace.AtomicFiles;
import dev.flowbench.schema.export.FlowSchemaExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flowbench schema}: prints or writes the Draft-7 JSON schema of flow or environment files. */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        description = "Print the JSON schema (Draft 7) of flow files, for VS Code, IntelliJ and other editors.")
final class SchemaCommand implements Callable<Integer> {
    enum Kind {
        flow,
        environment
    }

    @Mixin
    WorkspaceOptions options;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the schema to FILE instead of printing it.")
    Path out;

    @Option(names = "--kind", defaultValue = "flow", description = "flow (default) or environment.")
    Kind kind;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var exporter = new FlowSchemaExporter(options.registry(options.workspace()));
        var schema = kind == Kind.flow ? exporter.flowSchema() : exporter.environmentSchema();
        String text = Json.write(schema) + "\n";
        if (out == null) {
            spec.commandLine().getOut().print(text);
            return FlowbenchCommand.OK;
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError("cannot write " + out + ": folder " + parent + " does not exist");
        }
        AtomicFiles.write(out, text);
        spec.commandLine().getErr().println("Wrote " + out);
        return FlowbenchCommand.OK;
    }
}
