package dev.flowbench.editor.language;

import dev.flowbench.schema.docs.PluginDocsFactory;
import dev.flowbench.schema.json.Markdown;
import dev.flowbench.schema.json.SchemaKeywords;
import dev.flowbench.schema.plugin.PluginDescriptor;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The markdown and one-line texts that completion and hover show for properties and plugins, from the schemas. */
final class Docs {
    private Docs() {}

    /** A human label of the type a property accepts: "string", "enum", "list of string", "task runner", … */
    static String type(JsonNode property) {
        return property == null ? "any" : PluginDocsFactory.typeLabel(property);
    }

    /** The one-line summary of a property, or empty. */
    static String summary(JsonNode property) {
        if (property == null) {
            return "";
        }
        String description = property.path("description").asString("");
        return description.isEmpty() ? Markdown.firstSentence(markdown(property)) : description;
    }

    /** The full markdown description of a property or plugin schema, or empty. */
    static String markdown(JsonNode schema) {
        if (schema == null) {
            return "";
        }
        for (JsonNode part : SchemaScope.flatten(schema)) {
            String text = part.path(SchemaKeywords.MARKDOWN_DESCRIPTION)
                    .asString(part.path("description").asString(""));
            if (!text.isEmpty()) {
                return text;
            }
        }
        return schema.path(SchemaKeywords.MARKDOWN_DESCRIPTION)
                .asString(schema.path("description").asString(""));
    }

    /** A property's default as YAML text, or null. */
    static String defaultValue(JsonNode property) {
        JsonNode value = property == null ? null : property.get("default");
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isString() ? value.asString() : value.toString();
    }

    /** The enum values of a property (of its items for a list), or an empty list. */
    static List<String> enumValues(JsonNode property) {
        var values = new ArrayList<String>();
        if (property != null) {
            JsonNode source = property.has("enum") ? property : property.path("items");
            source.path("enum").forEach(value -> values.add(value.asString()));
        }
        return values;
    }

    /** The completion detail of a property: its type, whether it is required, its one-line summary. */
    static String detail(JsonNode property, boolean required) {
        String summary = summary(property);
        return type(property) + (required ? ", required" : "") + (summary.isEmpty() ? "" : " · " + summary);
    }

    /**
     * The hover text of property {@code name}: title line, description, values, default, whether expressions
     * are accepted, deprecation, and the plugin it belongs to ({@code owner}, may be null).
     */
    static String property(String name, JsonNode property, boolean required, PluginDescriptor owner) {
        var out = new StringBuilder();
        out.append("**").append(name).append("** · ").append(type(property));
        if (required) {
            out.append(", required");
        }
        String description = markdown(property);
        if (!description.isEmpty()) {
            out.append("\n\n").append(description.strip());
        }
        List<String> values = enumValues(property);
        String defaults = defaultValue(property);
        if (!values.isEmpty()) {
            out.append("\n\nValues: ");
            for (int i = 0; i < values.size(); i++) {
                out.append(i == 0 ? "" : ", ").append('`').append(values.get(i)).append('`');
                if (values.get(i).equals(defaults)) {
                    out.append(" (default)");
                }
            }
        }
        if (defaults != null) {
            out.append("\n\nDefault: `").append(defaults).append('`');
        }
        String hint = property == null
                ? ""
                : property.path(SchemaKeywords.PATTERN_HINT).asString("");
        if (!hint.isEmpty()) {
            out.append("\n\nFormat: ").append(hint);
        }
        out.append("\n\n")
                .append(
                        property != null
                                        && property.path(SchemaKeywords.DYNAMIC).asBoolean(false)
                                ? "Accepts `{{ }}` expressions."
                                : "No `{{ }}` expressions: the value is taken as written.");
        String replacement = property == null
                ? ""
                : property.path(SchemaKeywords.REPLACED_BY).asString("");
        if (property != null && property.path("deprecated").asBoolean(false)) {
            out.append("\n\n*Deprecated*").append(replacement.isEmpty() ? "." : ": use `" + replacement + "`.");
        }
        if (owner != null) {
            out.append("\n\nProperty of ")
                    .append(owner.title())
                    .append(" (`")
                    .append(owner.id())
                    .append("`)");
        }
        return out.toString();
    }

    /** The hover and completion documentation of a plugin: title, kind, type id, description. */
    static String plugin(PluginDescriptor plugin) {
        var out = new StringBuilder();
        out.append("**")
                .append(plugin.title())
                .append("** · ")
                .append(plugin.kind().label())
                .append("\n\n`")
                .append(plugin.id())
                .append('`');
        if (!plugin.description().isBlank()) {
            out.append("\n\n").append(plugin.description().strip());
        }
        if (!plugin.deprecated().isEmpty()) {
            out.append("\n\n*Deprecated*: ").append(plugin.deprecated());
        }
        return out.toString();
    }
}
