package dev.flowbench.editor.language;

import dev.flowbench.editor.api.CompletionItem;
import dev.flowbench.schema.plugin.PluginKind;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Builds insert texts in snippet syntax for keys and types. Lines after the first are written relative to the
 * indentation of the line being completed (the view adds that indentation), so {@code pad} carries the
 * difference between that indentation and the column the keys start at ({@code - type: } has two).
 */
final class Snippets {
    private Snippets() {}

    /** What accepting key {@code name} inserts: the key, its colon, and the start of its value's shape. */
    static String key(String name, JsonNode property, String pad) {
        PluginKind slot = SchemaScope.slotOf(property);
        if (slot != null) {
            return name + ":\n" + pad + "  type: $0";
        }
        String type = property == null ? "" : property.path("type").asString("");
        if (type.equals("array")) {
            if (SchemaScope.slotOf(property.get("items")) != null) {
                return name + ":\n" + pad + "  - id: $1\n" + pad + "    type: $0";
            }
            return name + ":\n" + pad + "  - $0";
        }
        if (type.equals("object")) {
            return name + ":\n" + pad + "  $0";
        }
        return name + ": $0";
    }

    /**
     * What accepting plugin type {@code id} inserts: the id, then each required property not yet present as a
     * line with a tab stop; tasks also get an {@code id} when they have none.
     */
    static String type(String id, JsonNode schema, PluginKind slot, Set<String> present, String pad) {
        var out = new StringBuilder(CompletionItem.escapeSnippet(id));
        int stop = 1;
        if (slot == PluginKind.TASK && !present.contains("id")) {
            out.append('\n').append(pad).append("id: ${").append(stop++).append('}');
        }
        for (String name : required(schema)) {
            if (name.equals("id") || name.equals("type") || present.contains(name)) {
                continue;
            }
            out.append('\n').append(pad);
            stop = property(out, name, schema.path("properties").get(name), pad, stop);
        }
        return out.toString();
    }

    /** Appends {@code name: <tab stop>} shaped for the property's type; returns the next stop number. */
    private static int property(StringBuilder out, String name, JsonNode property, String pad, int stop) {
        String type = property == null ? "" : property.path("type").asString("");
        out.append(CompletionItem.escapeSnippet(name)).append(':');
        if (SchemaScope.slotOf(property) != null) {
            out.append('\n').append(pad).append("  type: ${").append(stop).append('}');
        } else if (type.equals("array")) {
            out.append('\n').append(pad).append("  - ").append(placeholder(stop, itemSample(property)));
        } else if (type.equals("object")) {
            out.append('\n').append(pad).append("  ${").append(stop).append('}');
        } else {
            out.append(' ').append(placeholder(stop, sampleValue(property)));
        }
        return stop + 1;
    }

    /** A tab stop holding {@code text}, or an empty one when it is null. */
    private static String placeholder(int stop, String text) {
        return text == null ? "${" + stop + "}" : "${" + stop + ":" + CompletionItem.escapeSnippet(text) + "}";
    }

    /** A plausible value for a property: its default, first example, or first enum value; null when none. */
    static String sampleValue(JsonNode property) {
        if (property == null) {
            return null;
        }
        String defaults = Docs.defaultValue(property);
        if (defaults != null) {
            return defaults;
        }
        JsonNode example = property.path("examples").path(0);
        if (!example.isMissingNode() && !example.isNull()) {
            return example.isString() ? example.asString() : example.toString();
        }
        List<String> values = Docs.enumValues(property);
        return values.isEmpty() ? null : values.getFirst();
    }

    /** A plausible item of a list property: from its items' schema, else the list's own examples (one per item). */
    static String itemSample(JsonNode list) {
        String item = sampleValue(list.path("items"));
        if (item != null) {
            return item;
        }
        JsonNode example = list.path("examples").path(0);
        return example.isString() ? example.asString() : null;
    }

    /** The required property names of an object schema, in schema order. */
    static Collection<String> required(JsonNode schema) {
        var names = new java.util.ArrayList<String>();
        schema.path("required").forEach(name -> names.add(name.asString()));
        return names;
    }
}
