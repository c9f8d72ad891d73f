package dev.flowbench.editor.language;

import dev.flowbench.editor.api.QuickFix;
import dev.flowbench.editor.api.QuickFixProvider;
import dev.flowbench.editor.api.TextEdit;
import dev.flowbench.editor.language.YamlStructure.Element;
import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.DiagnosticData;
import dev.flowbench.schema.yaml.JsonPointers;
import dev.flowbench.schema.yaml.YamlCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Repairs diagnostics from the data validation attaches to them: a bad enum value, a misspelt key, type or
 * reference, a deprecated name, missing required properties, {@code containerImage} on a task runner, an
 * unquoted expression. Edits refer to the text the diagnostic was computed on.
 */
final class FlowQuickFixes implements QuickFixProvider {
    private final AnalysisCache cache;
    private final SchemaResolver resolver;

    FlowQuickFixes(AnalysisCache cache, SchemaResolver resolver) {
        this.cache = cache;
        this.resolver = resolver;
    }

    @Override
    public List<QuickFix> quickFixes(String text, Diagnostic diagnostic) {
        int start = diagnostic.range().start().offset();
        int end = diagnostic.range().end().offset();
        if (end > text.length()) {
            return List.of(); // computed on another text
        }
        Map<String, Object> data = diagnostic.data();
        return switch (diagnostic.code()) {
            case "invalid-enum" -> enumValues(data, start, end);
            case "unknown-property" -> replace("Rename to", data.get(DiagnosticData.SUGGESTION), start, end);
            case "unknown-type", "unknown-output", "unknown-input", "unknown-secret" ->
                replace("Change to", data.get(DiagnosticData.SUGGESTION), start, end);
            case "deprecated-type", "deprecated-property" ->
                replace("Use", data.get(DiagnosticData.REPLACEMENT), start, end);
            case YamlCodes.UNQUOTED_EXPRESSION -> quote(data.get(DiagnosticData.REPLACEMENT), start, end);
            case "missing-property" -> addMissing(text, data);
            case "container-image-on-runner" -> moveContainerImage(text, data, start);
            default -> List.of();
        };
    }

    private static List<QuickFix> enumValues(Map<String, Object> data, int start, int end) {
        if (!(data.get(DiagnosticData.ALLOWED_VALUES) instanceof List<?> allowed)) {
            return List.of();
        }
        var values = new ArrayList<String>();
        if (data.get(DiagnosticData.SUGGESTION) instanceof String suggestion) {
            values.add(suggestion);
        }
        for (Object value : allowed) {
            if (!values.contains(String.valueOf(value))) {
                values.add(String.valueOf(value));
            }
        }
        return values.stream()
                .map(value -> new QuickFix(
                        "Replace with " + value,
                        List.of(new TextEdit(start, end, ValueCompletion.quoteIfNeeded(value)))))
                .toList();
    }

    private static List<QuickFix> replace(String verb, Object replacement, int start, int end) {
        if (!(replacement instanceof String name) || name.isEmpty()) {
            return List.of();
        }
        return List.of(new QuickFix(verb + " `" + name + "`", List.of(new TextEdit(start, end, name))));
    }

    private static List<QuickFix> quote(Object replacement, int start, int end) {
        if (!(replacement instanceof String quoted)) {
            return List.of();
        }
        return List.of(new QuickFix("Quote the expression", List.of(new TextEdit(start, end, quoted))));
    }

    /** Adds each missing property as a line after the last line of the object, with a sample value. */
    private List<QuickFix> addMissing(String text, Map<String, Object> data) {
        if (!(data.get(DiagnosticData.MISSING) instanceof List<?> missing)
                || missing.isEmpty()
                || !(data.get(DiagnosticData.POINTER) instanceof String pointer)) {
            return List.of();
        }
        YamlStructure structure = cache.of(text).structure();
        Element holder = structure.find(JsonPointers.segments(pointer));
        if (holder == null) {
            return List.of();
        }
        SchemaScope scope = resolver.resolve(structure, structure.chain(holder));
        int column = structure.childColumn(holder);
        if (column < 0) {
            column = holder.isRoot() ? 0 : structure.column(holder) + 2;
        }
        int last = structure.lastLine(holder);
        boolean emptyDocument = holder.isRoot() && structure.line(last).kind != YamlLine.STRUCTURE;
        var insert = new StringBuilder();
        var names = new ArrayList<String>();
        for (Object name : missing) {
            String key = String.valueOf(name);
            names.add("`" + key + "`");
            if (!insert.isEmpty() || !emptyDocument) {
                insert.append('\n');
            }
            insert.append(" ".repeat(column)).append(key).append(':').append(sample(scope.property(key), column));
        }
        int at = emptyDocument ? 0 : structure.line(last).end;
        String title =
                (names.size() == 1 ? "Add missing property " : "Add missing properties ") + String.join(", ", names);
        return List.of(new QuickFix(title, List.of(TextEdit.insert(at, insert.toString()))));
    }

    /** A value for a new property line (after its colon), shaped by the property's type. */
    private static String sample(JsonNode property, int column) {
        String pad = " ".repeat(column + 2);
        if (SchemaScope.slotOf(property) != null) {
            return "\n" + pad + "type: ";
        }
        String type = property == null ? "" : property.path("type").asString("");
        String sample = Snippets.sampleValue(property);
        return switch (type) {
            case "array" -> {
                String item = Snippets.itemSample(property);
                yield "\n" + pad + "- " + (item == null ? "\"\"" : ValueCompletion.quoteIfNeeded(item));
            }
            case "object" -> " {}";
            case "boolean" -> " " + (sample == null ? "false" : sample);
            case "integer", "number" -> " " + (sample == null ? "0" : sample);
            default -> " " + (sample == null ? "\"\"" : ValueCompletion.quoteIfNeeded(sample));
        };
    }

    /** Moves {@code containerImage: …} from under {@code taskRunner} up to the task (or drops it if the task has one). */
    private List<QuickFix> moveContainerImage(String text, Map<String, Object> data, int start) {
        YamlStructure structure = cache.of(text).structure();
        int number = structure.lineOf(start);
        YamlLine line = structure.line(number);
        if (line.kind != YamlLine.STRUCTURE
                || !"containerImage".equals(line.key)
                || line.dashes.length > 0
                || !line.hasInlineValue()) {
            return List.of();
        }
        Element runner = structure.parent(new Element(number, 0));
        Element task = data.get(DiagnosticData.POINTER) instanceof String pointer
                ? structure.find(JsonPointers.segments(pointer))
                : structure.parent(runner);
        if (runner.isRoot() || task == null || task.isRoot()) {
            return List.of();
        }
        int next = number + 1;
        while (next < structure.lineCount() && structure.line(next).owner == number) {
            next++; // a value continued on the following lines goes too
        }
        int deleteStart = structure.lineStart(number);
        int deleteEnd = next < structure.lineCount() ? structure.lineStart(next) : text.length();
        if (next >= structure.lineCount() && number > 0) {
            deleteStart = structure.line(number - 1).end; // the last line: take the break before it instead
        }
        TextEdit delete = new TextEdit(deleteStart, deleteEnd, "");
        if (structure.child(task, "containerImage") != null) {
            return List.of(new QuickFix(
                    "Remove `containerImage` from the task runner (the task sets its own)", List.of(delete)));
        }
        if (runner.index() != 0) {
            return List.of();
        }
        String value = text.substring(line.valueStart, line.valueEnd);
        int at = structure.lineStart(runner.line());
        String moved = " ".repeat(structure.column(runner)) + "containerImage: " + value + "\n";
        return List.of(new QuickFix("Move `containerImage` to the task", List.of(TextEdit.insert(at, moved), delete)));
    }
}
