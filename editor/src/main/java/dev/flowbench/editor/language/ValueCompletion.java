package dev.flowbench.editor.language;

import dev.flowbench.editor.api.CompletionItem;
import dev.flowbench.editor.api.CompletionResult;
import dev.flowbench.editor.language.YamlStructure.Element;
import dev.flowbench.schema.json.SchemaNavigator;
import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.plugin.PluginKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Completes values: the plugin types a slot accepts after {@code type:} (choosing one inserts its required
 * properties), the types and prefixes a pluginDefaults entry may target, enum values, booleans, defaults and
 * examples — for a key's value and for a scalar list item. Views open completion by themselves after every
 * {@code key: }, so a property with nothing worth proposing gets an empty answer (no popup).
 */
final class ValueCompletion {
    private final SchemaResolver resolver;

    ValueCompletion(SchemaResolver resolver) {
        this.resolver = resolver;
    }

    /** The value of {@code caret.key()} in the mapping held by {@code caret.holder()}. */
    CompletionResult complete(YamlStructure structure, Caret caret) {
        Element holder = caret.holder();
        SchemaScope scope = resolver.resolve(structure, structure.chain(holder));
        if (caret.key().equals("type")) {
            switch (scope.kind()) {
                case PLUGIN, SLOT -> {
                    return types(structure, caret, scope.slot());
                }
                case DEFAULTS_ENTRY -> {
                    return defaultTargets(structure, caret);
                }
                default -> {
                    // an ordinary property named type, such as retry's
                }
            }
        }
        JsonNode property = scope.property(caret.key());
        return new CompletionResult(caret.wordStart(), values(property, caret.word()));
    }

    /** A scalar item of the list whose schema is {@code list}. */
    CompletionResult completeItem(JsonNode list, Caret caret) {
        List<CompletionItem> items = values(SchemaNavigator.child(list, "0"), caret.word());
        if (items.isEmpty() && list.has("examples")) {
            // examples of a list property are written per item ("*.csv", "out/**")
            var examples = new ArrayList<CompletionItem>();
            for (JsonNode example : list.path("examples")) {
                if (example.isString()) {
                    examples.add(item(example.asString(), CompletionItem.Kind.VALUE, "example", list));
                }
            }
            items = examples.stream()
                    .filter(item -> KeyCompletion.matches(item.filterText(), caret.word()))
                    .toList();
        }
        return new CompletionResult(caret.wordStart(), items);
    }

    private static List<CompletionItem> values(JsonNode property, String word) {
        if (property == null || SchemaScope.slotOf(property) != null) {
            return List.of();
        }
        var items = new ArrayList<CompletionItem>();
        String defaults = Docs.defaultValue(property);
        List<String> enumValues = Docs.enumValues(property);
        String type = property.path("type").asString("");
        if (!enumValues.isEmpty() && !type.equals("array")) {
            for (String value : enumValues) {
                items.add(
                        item(value, CompletionItem.Kind.ENUM_VALUE, value.equals(defaults) ? "default" : "", property));
            }
        } else if (type.equals("boolean")) {
            for (String value : List.of("true", "false")) {
                items.add(item(value, CompletionItem.Kind.VALUE, value.equals(defaults) ? "default" : "", property));
            }
        } else {
            boolean scalar = !type.equals("array") && !type.equals("object");
            Set<String> seen = new LinkedHashSet<>();
            if (defaults != null && scalar) {
                seen.add(defaults);
                items.add(item(defaults, CompletionItem.Kind.VALUE, "default", property));
            }
            if (scalar) {
                for (JsonNode example : property.path("examples")) {
                    String text = example.isString() ? example.asString() : example.toString();
                    if (seen.add(text)) {
                        items.add(item(text, CompletionItem.Kind.VALUE, "example", property));
                    }
                }
            }
        }
        return items.stream()
                .filter(item -> KeyCompletion.matches(item.filterText(), word))
                .toList();
    }

    private static CompletionItem item(String value, CompletionItem.Kind kind, String detail, JsonNode property) {
        return new CompletionItem(
                value,
                kind,
                detail,
                Docs.markdown(property),
                CompletionItem.escapeSnippet(quoteIfNeeded(value)),
                value);
    }

    /** The types a slot accepts, filtered by any part of their id; each inserts its required properties. */
    private CompletionResult types(YamlStructure structure, Caret caret, PluginKind slot) {
        Set<String> present = KeyCompletion.presentKeys(structure, caret.holder(), caret.line());
        String pad = " ".repeat(Math.max(0, caret.column() - KeyCompletion.indentation(structure, caret.line())));
        var best = new ArrayList<CompletionItem>();
        var rest = new ArrayList<CompletionItem>();
        String word = caret.word().toLowerCase(Locale.ROOT);
        for (PluginDescriptor plugin : resolver.registry().ofKind(slot)) {
            String id = plugin.id().toLowerCase(Locale.ROOT);
            if (!id.contains(word) && !plugin.title().toLowerCase(Locale.ROOT).contains(word)) {
                continue;
            }
            var item = new CompletionItem(
                    plugin.id(),
                    CompletionItem.Kind.TYPE,
                    plugin.title() + " · " + plugin.kind().label(),
                    Docs.plugin(plugin),
                    Snippets.type(plugin.id(), plugin.schema(), slot, present, pad),
                    plugin.id() + " " + plugin.title());
            // a word that starts the short name ("dock" for ...docker.Docker) ranks first
            String simple = id.substring(id.lastIndexOf('.') + 1);
            (simple.startsWith(word) ? best : rest).add(item);
        }
        best.addAll(rest);
        return new CompletionResult(caret.wordStart(), best);
    }

    /** What a pluginDefaults entry may target: every plugin type, and the prefixes that several types share. */
    private CompletionResult defaultTargets(YamlStructure structure, Caret caret) {
        var items = new ArrayList<CompletionItem>();
        var prefixes = new TreeMap<String, Integer>();
        for (PluginDescriptor plugin : resolver.registry().plugins()) {
            String id = plugin.id();
            for (int dot = id.indexOf('.'); dot > 0; dot = id.indexOf('.', dot + 1)) {
                prefixes.merge(id.substring(0, dot), 1, Integer::sum);
            }
        }
        boolean hasValues = structure.child(caret.holder(), "values") != null;
        String pad = " ".repeat(Math.max(0, caret.column() - KeyCompletion.indentation(structure, caret.line())));
        String tail = hasValues ? "" : "\n" + pad + "values:\n" + pad + "  $0";
        prefixes.forEach((prefix, count) -> {
            if (count > 1 && prefix.chars().filter(c -> c == '.').count() >= 2) {
                var targets = resolver.registry().matching(prefix).stream()
                        .map(PluginDescriptor::id)
                        .toList();
                items.add(new CompletionItem(
                        prefix,
                        CompletionItem.Kind.TYPE,
                        "prefix · " + count + " plugins",
                        "Applies to every plugin whose type starts with `" + prefix + "`:\n\n- `"
                                + String.join("`\n- `", targets) + "`",
                        CompletionItem.escapeSnippet(prefix) + tail,
                        prefix));
            }
        });
        for (PluginDescriptor plugin : resolver.registry().plugins()) {
            items.add(new CompletionItem(
                    plugin.id(),
                    CompletionItem.Kind.TYPE,
                    plugin.title() + " · " + plugin.kind().label(),
                    Docs.plugin(plugin),
                    CompletionItem.escapeSnippet(plugin.id()) + tail,
                    plugin.id()));
        }
        return new CompletionResult(
                caret.wordStart(),
                items.stream()
                        .filter(item -> KeyCompletion.matches(item.filterText(), caret.word()))
                        .toList());
    }

    /** {@code value} as YAML reads it back unchanged: quoted when it would otherwise be read as something else. */
    static String quoteIfNeeded(String value) {
        if (value.isEmpty()
                || value.startsWith("{")
                || value.startsWith("[")
                || value.startsWith("*")
                || value.startsWith("&")
                || value.startsWith("!")
                || value.contains(": ")
                || value.contains(" #")) {
            if (value.startsWith("[") && value.endsWith("]")) {
                return value; // a flow list example such as ["/bin/sh", "-c"]
            }
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return value;
    }
}
