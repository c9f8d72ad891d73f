package dev.flowbench.editor.language;

import dev.flowbench.schema.json.SchemaKeywords;
import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.plugin.PluginKind;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What the schemas say about one place of a document: the schemas describing the value there (several for the
 * {@code values} of a pluginDefaults entry whose type is a prefix), and whether it is a plugin slot.
 *
 * @param schemas the schemas of the value here, first one wins for a property; empty when nothing is known
 * @param kind what the place is
 * @param slot the slot a plugin instance here fills, for {@link Kind#PLUGIN} and {@link Kind#SLOT}
 * @param plugins the plugins described: the instance's plugin, or those a pluginDefaults entry targets
 */
record SchemaScope(List<JsonNode> schemas, Kind kind, PluginKind slot, List<PluginDescriptor> plugins) {
    /** What kind of place a scope is. */
    enum Kind {
        /** Nothing is known here (an unknown property, a free-form map). */
        UNKNOWN,
        /** A whole document or a plain property. */
        VALUE,
        /** A plugin instance whose type is installed. */
        PLUGIN,
        /** A plugin slot whose type is missing or unknown. */
        SLOT,
        /** A pluginDefaults entry ({@code type}, {@code forced}, {@code values}). */
        DEFAULTS_ENTRY,
        /** The {@code values} of a pluginDefaults entry: what the targeted plugins accept, nothing required. */
        DEFAULTS_VALUES
    }

    static final SchemaScope UNKNOWN = new SchemaScope(List.of(), Kind.UNKNOWN, null, List.of());

    static SchemaScope value(JsonNode schema) {
        return new SchemaScope(
                flatten(schema), isPluginDefault(schema) ? Kind.DEFAULTS_ENTRY : Kind.VALUE, null, List.of());
    }

    /** {@code schema}, or the members of its {@code allOf} (which victools writes around a described map). */
    static List<JsonNode> flatten(JsonNode schema) {
        JsonNode members = schema.get("allOf");
        if (members == null || !members.isArray() || schema.has("properties")) {
            return List.of(schema);
        }
        var flat = new java.util.ArrayList<JsonNode>();
        for (JsonNode member : members) {
            flat.addAll(flatten(member));
        }
        return List.copyOf(flat);
    }

    /** The schema of property {@code name}, from the first schema that has it; null when none does. */
    JsonNode property(String name) {
        for (JsonNode schema : schemas) {
            JsonNode property = schema.path("properties").get(name);
            if (property != null) {
                return property;
            }
        }
        return null;
    }

    /** Every property, in schema order (the first schema's first); unmodifiable view not needed by callers. */
    Map<String, JsonNode> properties() {
        var properties = new LinkedHashMap<String, JsonNode>();
        for (JsonNode schema : schemas) {
            for (Map.Entry<String, JsonNode> entry : schema.path("properties").properties()) {
                properties.putIfAbsent(entry.getKey(), entry.getValue());
            }
        }
        return properties;
    }

    /** The required property names; none in pluginDefaults values, which may set anything partially. */
    Set<String> required() {
        var required = new LinkedHashSet<String>();
        if (kind == Kind.DEFAULTS_VALUES) {
            return required;
        }
        for (JsonNode schema : schemas) {
            schema.path("required").forEach(name -> required.add(name.asString()));
        }
        return required;
    }

    /** The plugin of a resolved instance, or null. */
    PluginDescriptor plugin() {
        return kind == Kind.PLUGIN ? plugins.getFirst() : null;
    }

    /** Whether a schema describes a pluginDefaults entry: exactly {@code type}, {@code forced} and {@code values}. */
    static boolean isPluginDefault(JsonNode schema) {
        JsonNode properties = schema.path("properties");
        return properties.size() == 3 && properties.has("type") && properties.has("forced") && properties.has("values");
    }

    /** The slot a schema stands for, or null. */
    static PluginKind slotOf(JsonNode schema) {
        if (schema == null || !schema.has(SchemaKeywords.SLOT)) {
            return null;
        }
        try {
            return PluginKind.valueOf(schema.get(SchemaKeywords.SLOT).asString());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
