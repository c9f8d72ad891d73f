package dev.flowbench.schema.json;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Walks a self-contained schema along instance path segments: property names into {@code properties} (or
 * {@code additionalProperties}), indexes into {@code items}. Used by validation, completion and hover.
 */
public final class SchemaNavigator {
    private SchemaNavigator() {}

    /**
     * The schema describing the instance at {@code path} below {@code schema}, or null when the path leaves
     * what the schema describes (an unknown property, or below a slot: the nested plugin has its own schema).
     */
    public static JsonNode at(JsonNode schema, List<String> path) {
        JsonNode current = schema;
        for (String segment : path) {
            current = child(current, segment);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** The schema of the child {@code segment} (property name or array index) of {@code schema}, or null. */
    public static JsonNode child(JsonNode schema, String segment) {
        if (schema == null || schema.has(SchemaKeywords.SLOT)) {
            return null;
        }
        JsonNode property = schema.path("properties").get(segment);
        if (property != null) {
            return property;
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            return additional;
        }
        JsonNode items = schema.get("items");
        if (items != null && items.isObject() && isIndex(segment)) {
            return items;
        }
        return null;
    }

    /** Whether the schema accepts {@code {{ }}} expressions at this place. */
    public static boolean isDynamic(JsonNode schema) {
        return schema != null && schema.path(SchemaKeywords.DYNAMIC).asBoolean(false);
    }

    /** The slot kind name of a slot schema or of the items of a list of slots, or null. */
    public static String slotOf(JsonNode schema) {
        if (schema == null) {
            return null;
        }
        if (schema.has(SchemaKeywords.SLOT)) {
            return schema.get(SchemaKeywords.SLOT).asString();
        }
        JsonNode items = schema.get("items");
        return items != null && items.has(SchemaKeywords.SLOT)
                ? items.get(SchemaKeywords.SLOT).asString()
                : null;
    }

    private static boolean isIndex(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
