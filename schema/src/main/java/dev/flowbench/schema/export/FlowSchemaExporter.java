package dev.flowbench.schema.export;

import dev.flowbench.schema.json.DocumentSchemas;
import dev.flowbench.schema.json.SchemaKeywords;
import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.plugin.PluginKind;
import dev.flowbench.schema.registry.PluginRegistry;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the single Draft-7 schema files that other editors use as is (VS Code's YAML extension, IntelliJ):
 * every plugin under {@code definitions}, task lists and {@code taskRunner} as {@code anyOf} of {@code $ref}s
 * each pinning {@code type} with {@code const}, and expression-accepting properties open to {@code {{ }}}.
 */
public final class FlowSchemaExporter {
    private static final String DRAFT_7 = "http://json-schema.org/draft-07/schema#";
    private static final String EXPRESSION_PATTERN = ".*\\{\\{.*\\}\\}.*";

    private final PluginRegistry registry;

    /** An exporter of the plugins in {@code registry}. */
    public FlowSchemaExporter(PluginRegistry registry) {
        this.registry = registry;
    }

    /** The flow file schema; a new tree on every call. */
    public ObjectNode flowSchema() {
        return document(DocumentSchemas.flow(), "Flowbench flow", "A Kestra-style flow: tasks, inputs and defaults.");
    }

    /** The environment file schema; a new tree on every call. */
    public ObjectNode environmentSchema() {
        return document(
                DocumentSchemas.environment(),
                "Flowbench environment",
                "Instance, tenant and namespace pluginDefaults and the secrets source of one environment.");
    }

    private ObjectNode document(ObjectNode shape, String title, String description) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$schema", DRAFT_7);
        root.put("title", title);
        root.put("description", description);
        ObjectNode body = shape.deepCopy();
        openExpressions(body);
        body.properties().forEach(e -> root.set(e.getKey(), e.getValue()));
        ObjectNode definitions = root.putObject("definitions");
        for (PluginKind kind : PluginKind.values()) {
            if (registry.ofKind(kind).isEmpty()) {
                // No plugin of this kind is installed: any object with a type (an empty anyOf is invalid).
                ObjectNode any = definitions.putObject(slotName(kind)).put("type", "object");
                any.putArray("required").add("type");
                continue;
            }
            ArrayNode alternatives = definitions.putObject(slotName(kind)).putArray("anyOf");
            for (PluginDescriptor plugin : registry.ofKind(kind)) {
                alternatives.addObject().put("$ref", "#/definitions/" + plugin.id());
            }
        }
        for (PluginDescriptor plugin : registry.plugins()) {
            ObjectNode schema = plugin.schema().deepCopy();
            openExpressions(schema);
            definitions.set(plugin.id(), schema);
        }
        replaceSlots(root);
        return root;
    }

    private static String slotName(PluginKind kind) {
        return switch (kind) {
            case TASK -> "tasks";
            case TASK_RUNNER -> "taskRunners";
            case TRIGGER -> "triggers";
        };
    }

    /** Replaces every slot object by a reference to the alternatives of its kind. */
    private static void replaceSlots(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                JsonNode child = entry.getValue();
                if (child instanceof ObjectNode slot && slot.has(SchemaKeywords.SLOT)) {
                    PluginKind kind =
                            PluginKind.valueOf(slot.get(SchemaKeywords.SLOT).asString());
                    ObjectNode ref = JsonNodeFactory.instance.objectNode();
                    ref.put("$ref", "#/definitions/" + slotName(kind));
                    copyDocs(slot, ref);
                    entry.setValue(ref);
                } else {
                    replaceSlots(child);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(FlowSchemaExporter::replaceSlots);
        }
    }

    private static void copyDocs(ObjectNode from, ObjectNode to) {
        for (String key : new String[] {"description", SchemaKeywords.MARKDOWN_DESCRIPTION}) {
            if (from.has(key)) {
                to.set(key, from.get(key));
            }
        }
    }

    /**
     * Lets expression-accepting properties hold {@code {{ }}} strings even where the value is typed, patterned
     * or enumerated, so editors do not flag {@code "{{ secret('X') }}"}.
     */
    private static void openExpressions(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            if (node instanceof ArrayNode array) {
                array.forEach(FlowSchemaExporter::openExpressions);
            }
            return;
        }
        JsonNode properties = object.get("properties");
        if (properties instanceof ObjectNode props) {
            for (Map.Entry<String, JsonNode> entry : props.properties()) {
                if (entry.getValue() instanceof ObjectNode property
                        && property.path(SchemaKeywords.DYNAMIC).asBoolean(false)
                        && needsExpressionBranch(property)) {
                    entry.setValue(withExpressionBranch(property));
                }
            }
        }
        object.properties().forEach(e -> openExpressions(e.getValue()));
    }

    private static boolean needsExpressionBranch(ObjectNode property) {
        JsonNode type = property.get("type");
        boolean plainString = type != null && type.isString() && type.asString().equals("string");
        return !plainString || property.has("pattern") || property.has("enum");
    }

    private static ObjectNode withExpressionBranch(ObjectNode property) {
        ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
        copyDocs(property, wrapper);
        for (String key : new String[] {"default", SchemaKeywords.DYNAMIC, SchemaKeywords.GROUP, "title"}) {
            if (property.has(key)) {
                wrapper.set(key, property.get(key));
            }
        }
        ArrayNode anyOf = wrapper.putArray("anyOf");
        anyOf.add(property);
        anyOf.addObject().put("type", "string").put("pattern", EXPRESSION_PATTERN);
        return wrapper;
    }
}
