package dev.flowbench.schema.docs;

import dev.flowbench.schema.json.SchemaKeywords;
import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.plugin.PluginKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Builds {@link PluginDocs} from a plugin's descriptor and schema, so docs never disagree with validation. */
public final class PluginDocsFactory {
    private PluginDocsFactory() {}

    /** The docs page of {@code plugin}; never null. */
    public static PluginDocs of(PluginDescriptor plugin) {
        var rows = new ArrayList<PropertyDoc>();
        collect(plugin.schema(), "", rows);
        var examples = plugin.examples().stream()
                .map(e -> new PluginDocs.ExampleDoc(e.title(), e.code()))
                .toList();
        return new PluginDocs(
                plugin.id(),
                plugin.title(),
                plugin.kind().label(),
                plugin.description(),
                plugin.iconSvg(),
                plugin.origin().toString(),
                plugin.aliases(),
                plugin.deprecated(),
                List.copyOf(rows),
                examples);
    }

    private static void collect(JsonNode schema, String prefix, List<PropertyDoc> rows) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        for (Map.Entry<String, JsonNode> entry : schema.path("properties").properties()) {
            String name = prefix + entry.getKey();
            JsonNode property = entry.getValue();
            rows.add(row(name, property, required.contains(entry.getKey())));
            if (isNestedObject(property)) {
                collect(property, name + ".", rows);
            }
        }
    }

    private static boolean isNestedObject(JsonNode property) {
        return "object".equals(property.path("type").asString(""))
                && property.has("properties")
                && !property.has(SchemaKeywords.SLOT);
    }

    private static PropertyDoc row(String name, JsonNode property, boolean required) {
        var enums = new ArrayList<String>();
        property.path("enum").forEach(v -> enums.add(v.asString()));
        JsonNode defaults = property.get("default");
        String description = property.path(SchemaKeywords.MARKDOWN_DESCRIPTION)
                .asString(property.path("description").asString(""));
        return new PropertyDoc(
                name,
                typeLabel(property),
                defaults == null ? "" : defaults.isString() ? defaults.asString() : defaults.toString(),
                required,
                property.path(SchemaKeywords.DYNAMIC).asBoolean(false),
                List.copyOf(enums),
                description,
                property.path(SchemaKeywords.GROUP).asString(""),
                property.path(SchemaKeywords.REPLACED_BY).asString(""),
                property.path(SchemaKeywords.PATTERN_HINT).asString(""));
    }

    /** A human label for the type a schema node accepts. */
    public static String typeLabel(JsonNode property) {
        if (property.has(SchemaKeywords.SLOT)) {
            return PluginKind.valueOf(property.get(SchemaKeywords.SLOT).asString())
                    .label();
        }
        if (property.has("enum")) {
            return "enum";
        }
        String type = property.path("type").asString("");
        return switch (type) {
            case "array" -> "list of " + typeLabel(property.path("items"));
            case "object" ->
                property.path("additionalProperties").isObject()
                        ? "map of " + typeLabel(property.path("additionalProperties"))
                        : "object";
            case "" -> property.isEmpty() || property.path("properties").isMissingNode() ? "any" : "object";
            default -> property.path("format").asString("").equals("duration") ? "duration" : type;
        };
    }
}
