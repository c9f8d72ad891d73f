package dev.flowbench.app.cli;

import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowbench validate}: checks flow and environment files and prints their diagnostics. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Validate flow and environment files: YAML syntax, plugin schemas, pluginDefaults and flow rules.",
            "Exit status: 0 no errors, 1 errors found, 2 unusable input."
        })
final class ValidateCommand implements Callable<Integer> {
    enum Format {
        text,
        json
    }

    @Mixin
    WorkspaceOptions options;

    @Option(
            names = "--env",
            paramLabel = "NAME",
            description = "Validate as run in environments/NAME.yaml (its defaults and secrets).")
    String environment;

    @Option(
            names = "--format",
            defaultValue = "text",
            description = "text (file:line:col: severity: message [code]) or json.")
    Format format;

    @Parameters(
            paramLabel = "PATH",
            arity = "1..*",
            description = "Flow or environment files, or folders to scan for *.yaml.")
    List<Path> paths;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<Path> files = expand(paths);
        Path workspace = options.workspaceOf(files.getFirst());
        var session = ValidationSession.open(workspace, environment, options);
        var results = new LinkedHashMap<Path, List<Diagnostic>>();
        var elsewhere = new java.util.LinkedHashSet<Diagnostic>(session.environmentWarnings());
        for (Path file : files) {
            var own = new java.util.ArrayList<Diagnostic>();
            for (Diagnostic d : session.validate(file)) {
                // A problem in an environment file is reported once, not once per flow it affects.
                if (d.source() == null) {
                    own.add(d);
                } else {
                    elsewhere.add(d);
                }
            }
            results.put(file, own);
        }
        if (!elsewhere.isEmpty()) {
            results.put(workspace, List.copyOf(elsewhere));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(Json.write(asJson(results)));
        } else {
            printText(out, results, files.size());
        }
        boolean errors = results.values().stream().flatMap(List::stream).anyMatch(d -> d.severity() == Severity.ERROR);
        return errors ? FlowbenchCommand.FAILED : FlowbenchCommand.OK;
    }

    private static List<Path> expand(List<Path> paths) throws IOException {
        var files = new ArrayList<Path>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> p.toString().endsWith(".yaml")
                                    || p.toString().endsWith(".yml"))
                            .filter(p -> !p.toString().contains("/.flowbench/"))
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new UserError("no such file: " + path);
            }
        }
        if (files.isEmpty()) {
            throw new UserError("no .yaml files in " + paths);
        }
        return files;
    }

    private static void printText(PrintWriter out, Map<Path, List<Diagnostic>> results, int fileCount) {
        int errors = 0;
        int warnings = 0;
        for (var entry : results.entrySet()) {
            for (Diagnostic d : entry.getValue()) {
                String file = d.source() == null ? entry.getKey().toString() : d.source();
                out.println(file + ":" + d.range().start().toDisplayString() + ": "
                        + d.severity().label() + ": " + d.message() + " [" + d.code() + "]");
                errors += d.severity() == Severity.ERROR ? 1 : 0;
                warnings += d.severity() == Severity.WARNING ? 1 : 0;
            }
        }
        out.println(fileCount + (fileCount == 1 ? " file" : " files") + " checked: " + errors
                + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings"));
    }

    private static List<Map<String, Object>> asJson(Map<Path, List<Diagnostic>> results) {
        var list = new ArrayList<Map<String, Object>>();
        results.forEach((file, diagnostics) -> {
            for (Diagnostic d : diagnostics) {
                var item = new LinkedHashMap<String, Object>();
                item.put("file", d.source() == null ? file.toString() : d.source());
                item.put("line", d.range().start().line() + 1);
                item.put("column", d.range().start().column() + 1);
                item.put("endLine", d.range().end().line() + 1);
                item.put("endColumn", d.range().end().column() + 1);
                item.put("severity", d.severity().label());
                item.put("code", d.code());
                item.put("message", d.message());
                item.put("data", d.data());
                list.add(item);
            }
        });
        return list;
    }
}
