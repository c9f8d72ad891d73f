package dev.flowbench.editor.language;

import dev.flowbench.editor.api.CompletionItem;
import dev.flowbench.editor.api.CompletionResult;
import dev.flowbench.editor.language.YamlStructure.Element;
import dev.flowbench.schema.plugin.PluginKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Completes keys: the properties of whatever the caret's mapping is (a plugin, a nested object such as
 * {@code cpu} or {@code resources.request}, a pluginDefaults entry's {@code values}), minus those already
 * written, required ones first, each with its type and one-line description.
 */
final class KeyCompletion {
    private final SchemaResolver resolver;
    private volatile Set<String> commonTaskProperties;

    KeyCompletion(SchemaResolver resolver) {
        this.resolver = resolver;
    }

    CompletionResult complete(YamlStructure structure, Caret caret) {
        Element holder = caret.holder();
        SchemaScope scope = resolver.resolve(structure, structure.chain(holder));
        Set<String> present = presentKeys(structure, holder, caret.line());
        String pad = " ".repeat(Math.max(0, caret.column() - indentation(structure, caret.line())));
        boolean keyOnly = colonFollows(structure, caret);
        var required = new ArrayList<CompletionItem>();
        var optional = new ArrayList<CompletionItem>();
        var common = new ArrayList<CompletionItem>();
        var deprecated = new ArrayList<CompletionItem>();
        Set<String> requiredNames = new HashSet<>(scope.required());
        if (scope.kind() == SchemaScope.Kind.SLOT && scope.slot() == PluginKind.TASK) {
            requiredNames.add("id");
        }
        for (Map.Entry<String, JsonNode> entry : candidates(scope).entrySet()) {
            String name = entry.getKey();
            JsonNode property = entry.getValue();
            if (present.contains(name) || !matches(name, caret.word()) || hidden(scope, name)) {
                continue;
            }
            boolean isRequired = requiredNames.contains(name);
            var item = new CompletionItem(
                    name,
                    CompletionItem.Kind.PROPERTY,
                    Docs.detail(property, isRequired),
                    Docs.property(name, property, isRequired, scope.plugin()),
                    keyOnly ? CompletionItem.escapeSnippet(name) : Snippets.key(name, property, pad),
                    name);
            if (property != null && property.path("deprecated").asBoolean(false)) {
                deprecated.add(item);
            } else if (isRequired) {
                required.add(item);
            } else if (scope.slot() == PluginKind.TASK && commonTaskProperties().contains(name)) {
                common.add(item);
            } else {
                optional.add(item);
            }
        }
        required.addAll(optional);
        required.addAll(common);
        required.addAll(deprecated);
        return new CompletionResult(caret.wordStart(), required);
    }

    /** The properties offered: a slot whose type is not chosen yet offers its {@code type} (and a task its id). */
    private Map<String, JsonNode> candidates(SchemaScope scope) {
        if (scope.kind() == SchemaScope.Kind.SLOT) {
            var slot = new java.util.LinkedHashMap<String, JsonNode>();
            if (scope.slot() == PluginKind.TASK) {
                // every task has the same id property; borrow its documentation from any task
                slot.put(
                        "id",
                        resolver.registry().ofKind(PluginKind.TASK).stream()
                                .findFirst()
                                .map(task -> task.schema().path("properties").get("id"))
                                .orElse(null));
            }
            slot.put("type", scope.schemas().getFirst().path("properties").get("type"));
            return slot;
        }
        if (scope.kind() == SchemaScope.Kind.UNKNOWN) {
            return Map.of();
        }
        return scope.properties();
    }

    /** The properties every task has (timeout, retry, …): offered after the task type's own ones. */
    private Set<String> commonTaskProperties() {
        Set<String> common = commonTaskProperties;
        if (common == null) {
            common = null;
            for (var task : resolver.registry().ofKind(PluginKind.TASK)) {
                var names = new HashSet<String>(task.schema().path("properties").propertyNames());
                if (common == null) {
                    common = names;
                } else {
                    common.retainAll(names);
                }
            }
            common = common == null ? Set.of() : Set.copyOf(common);
            commonTaskProperties = common;
        }
        return common;
    }

    /** Keys a pluginDefaults entry's values never set: the type and the task id come from each task. */
    private static boolean hidden(SchemaScope scope, String name) {
        return scope.kind() == SchemaScope.Kind.DEFAULTS_VALUES && (name.equals("type") || name.equals("id"));
    }

    /** The keys already written in the mapping held by {@code holder}, except on the caret's own line. */
    static Set<String> presentKeys(YamlStructure structure, Element holder, int caretLine) {
        var present = new HashSet<String>();
        for (Element child : structure.children(holder)) {
            String key = structure.key(child);
            if (key != null && child.line() != caretLine) {
                present.add(key);
            }
        }
        return present;
    }

    /** Whether the typed word matches {@code candidate}: any part of it, ignoring case. */
    static boolean matches(String candidate, String word) {
        return word.isEmpty() || candidate.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
    }

    /** The number of spaces starting a line. */
    static int indentation(YamlStructure structure, int line) {
        String text = structure.text();
        int start = structure.lineStart(line);
        int at = start;
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        return at - start;
    }

    /** Whether the rest of the caret's word is followed by a colon: the key exists and is being renamed. */
    private static boolean colonFollows(YamlStructure structure, Caret caret) {
        String text = structure.text();
        int at = caret.wordStart() + caret.word().length();
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        return at < text.length() && text.charAt(at) == ':';
    }
}
