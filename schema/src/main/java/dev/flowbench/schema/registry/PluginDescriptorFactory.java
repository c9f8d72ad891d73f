package dev.flowbench.schema.registry;

import dev.flowbench.schema.builtin.TaskProperties;
import dev.flowbench.schema.json.PluginSchemaGenerator;
import dev.flowbench.schema.json.SchemaKeywords;
import dev.flowbench.schema.plugin.Plugin;
import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.plugin.PluginKind;
import dev.flowbench.schema.plugin.PluginOrigin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an annotated plugin class into a {@link PluginDescriptor}, checking the declaration eagerly (so a
 * plugin missing a class fails at load time, not in the editor) and generating its schema lazily.
 */
final class PluginDescriptorFactory {
    private static final PluginSchemaGenerator GENERATOR = new PluginSchemaGenerator();
    private static volatile ObjectNode taskProperties;

    PluginDescriptor describe(Class<?> type, PluginOrigin origin) {
        Plugin annotation = type.getAnnotation(Plugin.class);
        if (annotation == null) {
            throw new PluginDeclarationException(type.getName() + " is listed as a plugin but lacks @Plugin");
        }
        PluginKind kind = PluginKind.of(type);
        if (kind == null) {
            throw new PluginDeclarationException(
                    type.getName() + " implements none of TaskPlugin, RunnerPlugin, TriggerPlugin");
        }
        type.getDeclaredFields(); // links the property types now: a missing class is a load-time problem
        String id = annotation.id().isEmpty() ? type.getName() : annotation.id();
        return new PluginDescriptor(id, kind, annotation, type, origin, () -> schemaOf(id, kind, type, annotation));
    }

    private static ObjectNode schemaOf(String id, PluginKind kind, Class<?> type, Plugin annotation) {
        ObjectNode own = GENERATOR.generate(type);
        ObjectNode schema = own.objectNode();
        schema.put("type", "object");
        schema.put("title", annotation.title());
        schema.put("description", dev.flowbench.schema.json.Markdown.firstSentence(annotation.description()));
        schema.put(SchemaKeywords.MARKDOWN_DESCRIPTION, annotation.description());
        schema.put(SchemaKeywords.PLUGIN_TYPE, id);
        if (!annotation.deprecated().isEmpty()) {
            schema.put("deprecated", true);
            schema.put(SchemaKeywords.REPLACED_BY, annotation.deprecated());
        }
        ObjectNode properties = schema.putObject("properties");
        ObjectNode typeProperty = properties.putObject("type");
        typeProperty.put("type", "string");
        typeProperty.put("const", id);
        typeProperty.put("description", "The plugin type.");
        ArrayNode required = schema.putArray("required");
        if (kind == PluginKind.TASK) {
            ObjectNode common = commonTaskProperties();
            common.path("properties").properties().forEach(e -> {
                if (!e.getKey().equals("type")) {
                    properties.set(e.getKey(), e.getValue().deepCopy());
                }
            });
            common.path("required").forEach(r -> addOnce(required, r.asString()));
        } else {
            addOnce(required, "type");
        }
        own.path("properties").properties().forEach(e -> properties.set(e.getKey(), e.getValue()));
        own.path("required").forEach(r -> addOnce(required, r.asString()));
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode commonTaskProperties() {
        ObjectNode common = taskProperties;
        if (common == null) {
            common = GENERATOR.generate(TaskProperties.class);
            taskProperties = common;
        }
        return common;
    }

    private static void addOnce(ArrayNode array, String value) {
        for (JsonNode existing : array) {
            if (existing.asString().equals(value)) {
                return;
            }
        }
        array.add(value);
    }
}
