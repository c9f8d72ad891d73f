package dev.flowbench.editor.language;

import dev.flowbench.editor.api.CompletionItem;
import dev.flowbench.editor.api.CompletionResult;
import dev.flowbench.schema.plugin.PluginKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completes inside {@code {{ }}}: {@code inputs.} → the flow's inputs, {@code outputs.} → the tasks before the
 * caret and then what each outputs, {@code vars.} → the flow's variables, {@code secret('} → the secrets the
 * environment knows (names only, never values), {@code |} → filters, else the roots and functions.
 */
final class ExpressionCompletion {
    private static final Pattern SECRET = Pattern.compile("secret\\(\\s*(['\"])([^'\"]*)$");
    private static final Pattern FILTER = Pattern.compile("\\|\\s*([A-Za-z_]\\w*)?$");
    private static final Pattern OUTPUT_FILE =
            Pattern.compile("outputs\\s*\\.\\s*([\\w-]+)\\s*\\.\\s*outputFiles\\s*\\[\\s*(['\"])([^'\"]*)$");
    private static final Pattern REFERENCE = Pattern.compile("([A-Za-z_][\\w-]*(?:\\s*\\.\\s*[\\w-]*)*)$");
    private static final Pattern OUTPUTS_LINE = Pattern.compile("::\\{\\s*\"outputs\"\\s*:\\s*\\{(.*?)}\\s*}::");
    private static final Pattern KESTRA_OUTPUTS = Pattern.compile("Kestra\\.outputs\\(\\s*\\{(.*?)}\\s*\\)");
    private static final Pattern JSON_KEY = Pattern.compile("[\"']([A-Za-z_][\\w-]*)[\"']\\s*:");

    private final SchemaResolver resolver;
    private final Supplier<Set<String>> secretNames;

    ExpressionCompletion(SchemaResolver resolver, Supplier<Set<String>> secretNames) {
        this.resolver = resolver;
        this.secretNames = secretNames;
    }

    CompletionResult complete(Analysis analysis, Caret caret) {
        String expression = caret.word();
        int end = caret.wordStart() + expression.length();
        Matcher secret = SECRET.matcher(expression);
        if (secret.find()) {
            String partial = secret.group(2);
            boolean closed = analysis.text().startsWith(secret.group(1), end);
            return result(end - partial.length(), secrets(partial, closed ? "" : secret.group(1) + ")"), partial);
        }
        Matcher file = OUTPUT_FILE.matcher(expression);
        if (file.find()) {
            String partial = file.group(3);
            return result(end - partial.length(), outputFiles(analysis, file.group(1)), partial);
        }
        Matcher filter = FILTER.matcher(expression);
        if (filter.find()) {
            String partial = filter.group(1) == null ? "" : filter.group(1);
            return result(
                    end - partial.length(), entries(PebbleCatalog.FILTERS, CompletionItem.Kind.FUNCTION), partial);
        }
        Matcher reference = REFERENCE.matcher(expression);
        List<String> parts = reference.find() ? parts(reference.group(1)) : List.of("");
        String partial = parts.getLast();
        int start = end - partial.length();
        List<CompletionItem> items = switch (parts.size()) {
            case 1 -> {
                var roots = new ArrayList<>(entries(PebbleCatalog.ROOTS, CompletionItem.Kind.VARIABLE));
                roots.addAll(entries(PebbleCatalog.FUNCTIONS, CompletionItem.Kind.FUNCTION));
                yield roots;
            }
            case 2 -> members(analysis, caret, parts.getFirst());
            case 3 -> parts.getFirst().equals("outputs") ? taskOutputs(analysis, parts.get(1)) : List.of();
            case 4 ->
                parts.getFirst().equals("outputs") && parts.get(2).equals("vars")
                        ? taskVars(analysis, parts.get(1))
                        : List.of();
            default -> List.of();
        };
        return result(start, items, partial);
    }

    private static CompletionResult result(int start, List<CompletionItem> items, String partial) {
        return new CompletionResult(
                start,
                items.stream()
                        .filter(item -> KeyCompletion.matches(item.filterText(), partial))
                        .toList());
    }

    /** The dotted segments of a reference; the last one is what is being typed (maybe empty). */
    private static List<String> parts(String reference) {
        var parts = new ArrayList<String>();
        for (String part : reference.split("\\.", -1)) {
            parts.add(part.strip());
        }
        return parts;
    }

    private List<CompletionItem> members(Analysis analysis, Caret caret, String root) {
        return switch (root) {
            case "inputs" -> inputs(analysis);
            case "outputs" -> earlierTasks(analysis, caret.line());
            case "vars" ->
                analysis.facts(resolver).variables().stream()
                        .map(name -> new CompletionItem(name, CompletionItem.Kind.VARIABLE, "variable", "", null, null))
                        .toList();
            case "flow" -> entries(PebbleCatalog.FLOW, CompletionItem.Kind.VARIABLE);
            case "execution" -> entries(PebbleCatalog.EXECUTION, CompletionItem.Kind.VARIABLE);
            case "task" -> entries(PebbleCatalog.TASK, CompletionItem.Kind.VARIABLE);
            case "taskrun" -> entries(PebbleCatalog.TASKRUN, CompletionItem.Kind.VARIABLE);
            default -> List.of();
        };
    }

    private List<CompletionItem> inputs(Analysis analysis) {
        var items = new ArrayList<CompletionItem>();
        for (FlowFacts.InputFact input : analysis.facts(resolver).inputs()) {
            String doc = "Input `" + input.id() + "`" + (input.type() == null ? "" : " · " + input.type())
                    + (input.description() == null ? "" : "\n\n" + input.description())
                    + (input.defaults() == null ? "" : "\n\nDefault: `" + input.defaults() + "`");
            items.add(new CompletionItem(
                    input.id(),
                    CompletionItem.Kind.VARIABLE,
                    input.type() == null ? "input" : input.type(),
                    doc,
                    null,
                    null));
        }
        return items;
    }

    /** The tasks whose outputs exist at the caret: those ending before it (all of them outside any task). */
    private List<CompletionItem> earlierTasks(Analysis analysis, int line) {
        FlowFacts facts = analysis.facts(resolver);
        boolean inTask = facts.taskAt(line) != null;
        var items = new ArrayList<CompletionItem>();
        for (FlowFacts.PluginFact task : facts.all()) {
            if (task.slot() != PluginKind.TASK || task.id() == null || task.id().isBlank()) {
                continue;
            }
            if (inTask && task.lastLine() >= line) {
                continue;
            }
            String title = task.plugin() != null ? task.plugin().title() : task.type() == null ? "task" : task.type();
            items.add(new CompletionItem(
                    task.id(),
                    CompletionItem.Kind.VARIABLE,
                    title,
                    "Outputs of task `" + task.id() + "`" + (task.type() == null ? "" : " (`" + task.type() + "`)"),
                    CompletionItem.escapeSnippet(task.id()) + ".",
                    task.id()));
        }
        return items.reversed(); // the nearest task first
    }

    /** What a task outputs: script tasks have vars, outputFiles and an exit code; unknown types maybe vars. */
    private List<CompletionItem> taskOutputs(Analysis analysis, String id) {
        FlowFacts.PluginFact task = analysis.facts(resolver).task(id);
        if (task == null) {
            return List.of();
        }
        if (task.plugin() == null) {
            return entries(PebbleCatalog.SCRIPT_OUTPUTS.subList(0, 1), CompletionItem.Kind.VARIABLE);
        }
        if (task.plugin().schema().path("properties").has("outputFiles")) {
            return entries(PebbleCatalog.SCRIPT_OUTPUTS, CompletionItem.Kind.VARIABLE);
        }
        return List.of();
    }

    /** The output names a task's script prints ({@code ::{"outputs":{…}}::} or {@code Kestra.outputs({…})}). */
    private List<CompletionItem> taskVars(Analysis analysis, String id) {
        FlowFacts.PluginFact task = analysis.facts(resolver).task(id);
        if (task == null) {
            return List.of();
        }
        YamlStructure structure = analysis.structure();
        int from = structure.lineStart(task.firstLine());
        int to = task.lastLine() + 1 < structure.lineCount()
                ? structure.lineStart(task.lastLine() + 1)
                : analysis.text().length();
        String body = analysis.text().substring(from, to);
        Set<String> names = new LinkedHashSet<>();
        for (Pattern pattern : List.of(OUTPUTS_LINE, KESTRA_OUTPUTS)) {
            Matcher outputs = pattern.matcher(body);
            while (outputs.find()) {
                Matcher key = JSON_KEY.matcher(outputs.group(1));
                while (key.find()) {
                    names.add(key.group(1));
                }
            }
        }
        return names.stream()
                .map(name -> new CompletionItem(
                        name,
                        CompletionItem.Kind.VARIABLE,
                        "output of " + id,
                        "Printed by task `" + id + "`.",
                        null,
                        null))
                .toList();
    }

    /** The names of a task's {@code outputFiles} that are plain file names (not glob patterns). */
    private List<CompletionItem> outputFiles(Analysis analysis, String id) {
        FlowFacts.PluginFact task = analysis.facts(resolver).task(id);
        if (task == null) {
            return List.of();
        }
        YamlStructure structure = analysis.structure();
        YamlStructure.Element files = structure.child(task.item(), "outputFiles");
        if (files == null) {
            return List.of();
        }
        var items = new ArrayList<CompletionItem>();
        for (YamlStructure.Element item : structure.children(files)) {
            String name = structure.value(item);
            if (name != null && !name.contains("*") && !name.contains("?")) {
                items.add(new CompletionItem(name, CompletionItem.Kind.VALUE, "output file of " + id, "", null, null));
            }
        }
        return items;
    }

    private List<CompletionItem> secrets(String partial, String closing) {
        Set<String> names = secretNames.get();
        if (names == null) {
            return List.of();
        }
        var items = new ArrayList<CompletionItem>();
        for (String name : new TreeSet<>(names)) {
            items.add(new CompletionItem(
                    name,
                    CompletionItem.Kind.SECRET,
                    "secret",
                    "A secret of the current environment; its value is read when the flow runs.",
                    CompletionItem.escapeSnippet(name + closing),
                    name));
        }
        return items;
    }

    private static List<CompletionItem> entries(List<PebbleCatalog.Entry> entries, CompletionItem.Kind kind) {
        return entries.stream()
                .map(entry -> new CompletionItem(
                        entry.name(), kind, entry.signature(), entry.description(), entry.insert(), entry.name()))
                .toList();
    }
}
