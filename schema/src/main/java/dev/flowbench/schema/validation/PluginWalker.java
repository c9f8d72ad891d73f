package dev.flowbench.schema.validation;

import dev.flowbench.schema.diagnostic.DiagnosticData;
import dev.flowbench.schema.diagnostic.Severity;
import dev.flowbench.schema.json.SchemaKeywords;
import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.plugin.PluginKind;
import dev.flowbench.schema.registry.PluginRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks a document's value tree along its schema: validates the document, then every plugin instance found in
 * a slot against its own plugin's schema, recursively, and every pluginDefaults entry against what it targets.
 */
final class PluginWalker {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A plugin instance met during the walk, in document order; {@code plugin} is null when not installed. */
    record PluginInstance(List<String> path, PluginDescriptor plugin, Map<?, ?> value, PluginKind slot) {}

    private final PluginRegistry registry;
    private final List<Finding> findings;
    private final FindingCache cache;
    private final List<RunMemo> earlier;
    private final RunMemo memo;
    private final List<PluginInstance> plugins = new ArrayList<>();

    /**
     * A walker adding to {@code findings}; {@code earlier} runs' results are taken over for top-level list items
     * that are the same objects, and this run's are recorded in {@code memo}.
     */
    PluginWalker(
            PluginRegistry registry, List<Finding> findings, FindingCache cache, List<RunMemo> earlier, RunMemo memo) {
        this.registry = registry;
        this.findings = findings;
        this.cache = cache;
        this.earlier = earlier;
        this.memo = memo;
    }

    /** The plugin instances met so far, in document order. */
    List<PluginInstance> plugins() {
        return plugins;
    }

    void checkDocument(ObjectNode schema, Object root) {
        // Plugin instances are checked against their own schemas below; the document's schema only needs to
        // see that each slot holds an object with a type, so their contents are left out of its check.
        Object outline = shallow(schema, root);
        findings.addAll(
                cache.documentFindings(schema, outline, () -> schemaFindings(schema, outline, List.of(), false)));
        descend(schema, root, List.of(), false);
    }

    private void checkObject(ObjectNode schema, Object instance, List<String> path, boolean partial) {
        List<Finding> own =
                cache.findings(schema, instance, partial, () -> schemaFindings(schema, instance, List.of(), partial));
        for (Finding finding : own) {
            Finding placed = finding.under(path);
            // only the full path shows whether a containerImage sits under a taskRunner
            if (!isRunnerContainerImage(placed)) {
                findings.add(placed);
            }
        }
        descend(schema, instance, path, partial);
    }

    private static List<Finding> schemaFindings(
            ObjectNode schema, Object instance, List<String> path, boolean partial) {
        JsonNode json = JSON.valueToTree(instance);
        var errors = CompiledSchemas.of(schema).validate(json);
        var result = new ArrayList<Finding>();
        for (Finding finding : SchemaErrors.translate(errors, schema, json, path)) {
            if (!(partial && finding.code().equals("missing-property")) && !isRunnerContainerImage(finding)) {
                result.add(finding);
            }
        }
        return result;
    }

    /** {@code root} with every plugin slot's content reduced to its {@code type}. */
    private static Object shallow(JsonNode schema, Object root) {
        if (!(root instanceof Map<?, ?> map)) {
            return root;
        }
        var copy = new java.util.LinkedHashMap<Object, Object>(map);
        for (var entry : copy.entrySet()) {
            JsonNode child = schema.path("properties").get(String.valueOf(entry.getKey()));
            if (child == null) {
                continue;
            }
            if (child.has(SchemaKeywords.SLOT)) {
                entry.setValue(typeOnly(entry.getValue()));
            } else if (child.path("items").has(SchemaKeywords.SLOT) && entry.getValue() instanceof List<?> list) {
                entry.setValue(list.stream().map(PluginWalker::typeOnly).toList());
            }
        }
        return copy;
    }

    private static Object typeOnly(Object slot) {
        if (slot instanceof Map<?, ?> map && map.containsKey("type")) {
            return java.util.Collections.singletonMap("type", map.get("type"));
        }
        return slot;
    }

    private void descend(JsonNode schema, Object instance, List<String> path, boolean partial) {
        if (instance instanceof Map<?, ?> map) {
            if (isPluginDefault(schema)) {
                checkDefault(map, path);
            }
            for (var entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                JsonNode child = schema.path("properties").get(key);
                if (child == null && schema.path("additionalProperties").isObject()) {
                    child = schema.get("additionalProperties");
                }
                if (child == null) {
                    continue;
                }
                List<String> childPath = append(path, key);
                if (child.path("deprecated").asBoolean(false)) {
                    deprecated(childPath, key, child);
                }
                descendValue(child, entry.getValue(), childPath, partial);
            }
        } else if (instance instanceof List<?> list && schema.path("items").isObject()) {
            for (int i = 0; i < list.size(); i++) {
                descendValue(schema.get("items"), list.get(i), append(path, String.valueOf(i)), partial);
            }
        }
    }

    private void descendValue(JsonNode schema, Object value, List<String> path, boolean partial) {
        if (schema.has(SchemaKeywords.SLOT)) {
            if (value instanceof Map<?, ?> map) {
                checkPlugin(PluginKind.valueOf(schema.get(SchemaKeywords.SLOT).asString()), map, path, partial);
            }
            return;
        }
        descend(schema, value, path, partial);
    }

    private void checkPlugin(PluginKind slot, Map<?, ?> value, List<String> path, boolean partial) {
        if (path.size() != 2) {
            checkPluginFully(slot, value, path, partial);
            return;
        }
        // an item of a top-level list: taken over from an earlier run when it is the same object at the same place
        RunMemo.Walked known = RunMemo.walkOf(earlier, value, path, slot, partial);
        if (known == null) {
            int findingsBefore = findings.size();
            int pluginsBefore = plugins.size();
            checkPluginFully(slot, value, path, partial);
            known = new RunMemo.Walked(
                    path,
                    slot,
                    partial,
                    List.copyOf(findings.subList(findingsBefore, findings.size())),
                    List.copyOf(plugins.subList(pluginsBefore, plugins.size())));
        } else {
            findings.addAll(known.findings());
            plugins.addAll(known.plugins());
        }
        memo.walked(value, known);
    }

    private void checkPluginFully(PluginKind slot, Map<?, ?> value, List<String> path, boolean partial) {
        if (!(value.get("type") instanceof String type)) {
            return; // the slot's schema already reports a missing or non-text type
        }
        var plugin = registry.find(type);
        List<String> typePath = append(path, "type");
        if (plugin.isEmpty()) {
            List<String> candidates =
                    registry.ofKind(slot).stream().map(PluginDescriptor::id).toList();
            String suggestion = Suggestions.closest(type, candidates);
            findings.add(new Finding(
                    typePath,
                    Finding.Target.VALUE,
                    Severity.WARNING,
                    "unknown-type",
                    slot.label() + " type `" + type + "` is not installed; put its plugin JAR in the workspace's"
                            + " plugins/ folder"
                            + (suggestion == null ? "" : ", or did you mean `" + suggestion + "`?"),
                    suggestion == null ? Map.of() : Map.of(DiagnosticData.SUGGESTION, suggestion)));
            plugins.add(new PluginInstance(path, null, value, slot)); // still a task with an id
            return;
        }
        PluginDescriptor descriptor = plugin.get();
        if (descriptor.kind() != slot) {
            findings.add(new Finding(
                    typePath,
                    Finding.Target.VALUE,
                    Severity.ERROR,
                    "wrong-slot",
                    "`" + type + "` is a " + descriptor.kind().label() + "; a " + slot.label() + " is expected here",
                    Map.of()));
            return;
        }
        if (!descriptor.id().equals(type)) {
            findings.add(new Finding(
                    typePath,
                    Finding.Target.VALUE,
                    Severity.HINT,
                    "deprecated-type",
                    "`" + type + "` is an old name of `" + descriptor.id() + "`",
                    Map.of(DiagnosticData.REPLACEMENT, descriptor.id())));
        }
        plugins.add(new PluginInstance(path, descriptor, value, slot));
        Object instance = value;
        if (!descriptor.id().equals(type)) {
            var copy = new java.util.LinkedHashMap<Object, Object>(value);
            copy.put("type", descriptor.id());
            instance = copy;
        }
        checkObject(descriptor.schema(), instance, path, partial);
    }

    private static boolean isPluginDefault(JsonNode schema) {
        JsonNode properties = schema.path("properties");
        return properties.has("type") && properties.has("forced") && properties.has("values") && properties.size() == 3;
    }

    /** Checks one pluginDefaults entry's values against the type it targets (partial: nothing is required). */
    private void checkDefault(Map<?, ?> entry, List<String> path) {
        if (!(entry.get("type") instanceof String type) || !(entry.get("values") instanceof Map<?, ?> values)) {
            return;
        }
        var exact = registry.find(type);
        List<String> valuesPath = append(path, "values");
        if (exact.isPresent()) {
            var instance = new java.util.LinkedHashMap<Object, Object>(values);
            instance.put("type", exact.get().id());
            if (exact.get().kind() == PluginKind.TASK && !instance.containsKey("id")) {
                instance.put("id", "default");
            }
            checkObject(exact.get().schema(), instance, valuesPath, true);
            return;
        }
        List<PluginDescriptor> matching = registry.matching(type);
        if (matching.isEmpty()) {
            findings.add(new Finding(
                    append(path, "type"),
                    Finding.Target.VALUE,
                    Severity.WARNING,
                    "unknown-type",
                    "no installed plugin type is or starts with `" + type + "`; these defaults apply to nothing",
                    Map.of()));
            return;
        }
        Set<String> known = new HashSet<>();
        for (PluginDescriptor plugin : matching) {
            plugin.schema().path("properties").propertyNames().forEach(known::add);
        }
        for (var key : values.keySet()) {
            String name = String.valueOf(key);
            if (!known.contains(name)) {
                String suggestion = Suggestions.closest(name, known);
                findings.add(new Finding(
                        append(valuesPath, name),
                        Finding.Target.KEY,
                        Severity.ERROR,
                        "unknown-property",
                        "unknown property `" + name + "`: no plugin matching `" + type + "` has it"
                                + (suggestion == null ? "" : "; did you mean `" + suggestion + "`?"),
                        suggestion == null ? Map.of() : Map.of(DiagnosticData.SUGGESTION, suggestion)));
            }
        }
        for (PluginDescriptor plugin : matching) {
            var instance = new java.util.LinkedHashMap<Object, Object>(values);
            instance.keySet().retainAll(plugin.schema().path("properties").propertyNames());
            instance.put("type", plugin.id());
            descend(plugin.schema(), instance, valuesPath, true);
        }
    }

    private void deprecated(List<String> path, String key, JsonNode schema) {
        String replacement = schema.path(SchemaKeywords.REPLACED_BY).asString("");
        findings.add(new Finding(
                path,
                Finding.Target.KEY,
                Severity.HINT,
                "deprecated-property",
                "`" + key + "` is deprecated" + (replacement.isEmpty() ? "" : "; prefer `" + replacement + "`"),
                replacement.isEmpty() ? Map.of() : Map.of(DiagnosticData.REPLACEMENT, replacement)));
    }

    /** containerImage under a runner gets its own diagnostic from the flow rules, not "unknown property". */
    private static boolean isRunnerContainerImage(Finding finding) {
        List<String> path = finding.path();
        return finding.code().equals("unknown-property")
                && path.size() >= 2
                && path.getLast().equals("containerImage")
                && path.get(path.size() - 2).equals("taskRunner");
    }

    static List<String> append(List<String> path, String segment) {
        var copy = new ArrayList<String>(path.size() + 1);
        copy.addAll(path);
        copy.add(segment);
        return copy;
    }
}
