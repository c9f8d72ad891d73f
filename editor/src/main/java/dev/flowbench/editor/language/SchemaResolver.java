package dev.flowbench.editor.language;

import dev.flowbench.editor.language.YamlStructure.Element;
import dev.flowbench.schema.json.SchemaNavigator;
import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.plugin.PluginKind;
import dev.flowbench.schema.registry.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Finds the schema of a place in a (possibly broken) document by walking its chain of keys and list items from
 * the document's schema: a plugin slot switches to the schema of the plugin its {@code type} names, and the
 * {@code values} of a pluginDefaults entry to the schemas of every plugin its type targets. Thread-safe.
 */
final class SchemaResolver {
    private final PluginRegistry registry;
    private final JsonNode documentSchema;

    SchemaResolver(PluginRegistry registry, JsonNode documentSchema) {
        this.registry = registry;
        this.documentSchema = documentSchema;
    }

    PluginRegistry registry() {
        return registry;
    }

    /** The scope of the value held by the last element of {@code chain} (the document for an empty chain). */
    SchemaScope resolve(YamlStructure structure, List<Element> chain) {
        SchemaScope scope = SchemaScope.value(documentSchema);
        Element holder = YamlStructure.ROOT;
        for (Element element : chain) {
            scope = step(structure, scope, holder, element);
            if (scope.kind() == SchemaScope.Kind.UNKNOWN) {
                return scope;
            }
            holder = element;
        }
        return scope;
    }

    /** The scope of {@code element}'s value, {@code element} being held by {@code holder} whose scope is given. */
    SchemaScope step(YamlStructure structure, SchemaScope scope, Element holder, Element element) {
        return step(structure, scope, holder, element, structure.segment(element));
    }

    /** As {@link #step(YamlStructure, SchemaScope, Element, Element)} with {@code element}'s segment known. */
    SchemaScope step(YamlStructure structure, SchemaScope scope, Element holder, Element element, String segment) {
        if (segment == null) {
            return SchemaScope.UNKNOWN;
        }
        if (scope.kind() == SchemaScope.Kind.DEFAULTS_ENTRY && segment.equals("values")) {
            return defaultsValues(structure.childValue(holder, "type"));
        }
        var next = new ArrayList<JsonNode>(scope.schemas().size());
        for (JsonNode schema : scope.schemas()) {
            JsonNode child = SchemaNavigator.child(schema, segment);
            if (child != null && !next.contains(child)) {
                next.add(child); // allOf members may describe the same child twice
            }
        }
        if (next.isEmpty()) {
            return SchemaScope.UNKNOWN;
        }
        PluginKind slot = SchemaScope.slotOf(next.getFirst());
        if (slot != null) {
            return plugin(slot, structure.childValue(element, "type"), next.getFirst());
        }
        if (next.size() == 1) {
            return SchemaScope.value(next.getFirst());
        }
        var flat = new ArrayList<JsonNode>();
        next.forEach(schema -> flat.addAll(SchemaScope.flatten(schema)));
        return new SchemaScope(
                List.copyOf(flat),
                scope.kind() == SchemaScope.Kind.DEFAULTS_VALUES
                        ? SchemaScope.Kind.DEFAULTS_VALUES
                        : SchemaScope.Kind.VALUE,
                null,
                scope.plugins());
    }

    /** The scope of an instance of {@code slot} whose type is {@code type} (null when not written yet). */
    SchemaScope plugin(PluginKind slot, String type, JsonNode slotSchema) {
        PluginDescriptor plugin = registry.find(type).orElse(null);
        if (plugin != null && plugin.kind() == slot) {
            return new SchemaScope(List.of(plugin.schema()), SchemaScope.Kind.PLUGIN, slot, List.of(plugin));
        }
        return new SchemaScope(List.of(slotSchema), SchemaScope.Kind.SLOT, slot, List.of());
    }

    /** The scope of a pluginDefaults entry's {@code values}: the exact plugin, else every plugin the prefix matches. */
    SchemaScope defaultsValues(String type) {
        List<PluginDescriptor> targets = targets(type);
        var schemas = new ArrayList<JsonNode>(targets.size());
        for (PluginDescriptor plugin : targets) {
            schemas.add(plugin.schema());
        }
        return new SchemaScope(List.copyOf(schemas), SchemaScope.Kind.DEFAULTS_VALUES, null, targets);
    }

    /** The plugins a pluginDefaults {@code type} applies to: the one it names, else those it prefixes. */
    List<PluginDescriptor> targets(String type) {
        if (type == null || type.isBlank()) {
            return List.of();
        }
        return registry.find(type).map(List::of).orElseGet(() -> registry.matching(type));
    }
}
