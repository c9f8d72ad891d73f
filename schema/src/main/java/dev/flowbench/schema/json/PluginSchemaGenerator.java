package dev.flowbench.schema.json;

import com.fasterxml.classmate.ResolvedType;
import com.github.victools.jsonschema.generator.CustomPropertyDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import dev.flowbench.schema.plugin.PluginKind;
import dev.flowbench.schema.plugin.PluginProperty;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates the self-contained Draft-7 schema of one documented class (a plugin record, a flow or environment
 * shape) with victools, reading {@link PluginProperty} for docs, defaults, requiredness and patterns.
 *
 * <p>A property typed with a slot interface ({@link PluginKind#marker()}) becomes a "slot" object carrying
 * {@value SchemaKeywords#SLOT}: the nested plugin is described by its own schema, selected by its {@code type}.
 * Instances are thread-safe.
 */
public final class PluginSchemaGenerator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DURATION_PATTERN =
            "^-?P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$";

    private final SchemaGenerator generator;

    /** A generator with Flowbench's configuration. */
    public PluginSchemaGenerator() {
        var config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_7, OptionPreset.PLAIN_JSON)
                .with(new JacksonSchemaModule())
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .with(Option.INLINE_ALL_SCHEMAS)
                .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
                .without(Option.SCHEMA_VERSION_INDICATOR)
                .without(Option.NULLABLE_FIELDS_BY_DEFAULT);
        var fields = config.forFields();
        fields.withPropertyNameOverrideResolver(PluginSchemaGenerator::propertyName);
        fields.withCustomDefinitionProvider(PluginSchemaGenerator::customDefinition);
        fields.withDescriptionResolver(
                field -> field.isFakeContainerItemScope() ? null : summaryOrNull(property(field)));
        fields.withRequiredCheck(
                field -> property(field) != null && property(field).required());
        fields.withStringPatternResolver(field ->
                emptyToNull(property(field) == null ? "" : property(field).pattern()));
        fields.withDefaultResolver(field -> defaultValue(field));
        fields.withInstanceAttributeOverride((node, field, context) -> documentProperty(node, field));
        config.forTypesInGeneral().withPropertySorter((a, b) -> 0);
        this.generator = new SchemaGenerator(config.build());
    }

    /** The schema of {@code type}: an object schema with properties, never null. */
    public ObjectNode generate(Class<?> type) {
        return generator.generateSchema(type);
    }

    private static String propertyName(FieldScope field) {
        String name = field.getDeclaredName();
        // Java keywords ("finally", "else") are declared with a trailing underscore.
        return name.endsWith("_") ? name.substring(0, name.length() - 1) : null;
    }

    private static CustomPropertyDefinition customDefinition(
            FieldScope field, com.github.victools.jsonschema.generator.SchemaGenerationContext context) {
        ResolvedType type = field.getType();
        if (type == null) {
            return null;
        }
        Class<?> raw = type.getErasedType();
        PluginKind slot = slotOf(raw);
        if (slot != null) {
            return new CustomPropertyDefinition(slotSchema(slot));
        }
        if (List.class.isAssignableFrom(raw) && !type.getTypeParameters().isEmpty()) {
            PluginKind itemSlot = slotOf(type.getTypeParameters().getFirst().getErasedType());
            if (itemSlot != null) {
                ObjectNode array = NODES.objectNode().put("type", "array");
                array.set("items", slotSchema(itemSlot));
                return new CustomPropertyDefinition(array);
            }
        }
        if (raw == Duration.class) {
            return new CustomPropertyDefinition(NODES.objectNode()
                    .put("type", "string")
                    .put("format", "duration")
                    .put("pattern", DURATION_PATTERN)
                    .put(SchemaKeywords.PATTERN_HINT, "an ISO-8601 duration such as `PT30S`, `PT5M` or `PT1H`"));
        }
        if (raw == Object.class) {
            return new CustomPropertyDefinition(NODES.objectNode());
        }
        return null;
    }

    private static PluginKind slotOf(Class<?> raw) {
        for (PluginKind kind : PluginKind.values()) {
            if (kind.marker() == raw) {
                return kind;
            }
        }
        return null;
    }

    /** The schema of a slot: any object with a string {@code type}; the plugin's own schema does the rest. */
    public static ObjectNode slotSchema(PluginKind kind) {
        ObjectNode slot = NODES.objectNode().put("type", "object").put(SchemaKeywords.SLOT, kind.name());
        slot.putArray("required").add("type");
        slot.putObject("properties").putObject("type").put("type", "string");
        // The nested plugin's own schema checks its properties; here anything goes.
        slot.put("additionalProperties", true);
        return slot;
    }

    private static void documentProperty(ObjectNode node, FieldScope field) {
        PluginProperty property = property(field);
        if (property == null || field.isFakeContainerItemScope()) {
            return;
        }
        node.put(SchemaKeywords.MARKDOWN_DESCRIPTION, property.description());
        if (!property.title().isEmpty()) {
            node.put("title", property.title());
        }
        if (property.dynamic()) {
            node.put(SchemaKeywords.DYNAMIC, true);
        }
        if (!property.group().isEmpty()) {
            node.put(SchemaKeywords.GROUP, property.group());
        }
        if (!property.deprecated().isEmpty()) {
            node.put("deprecated", true);
            node.put(SchemaKeywords.REPLACED_BY, property.deprecated());
        }
        if (!property.patternHint().isEmpty()) {
            node.put(SchemaKeywords.PATTERN_HINT, property.patternHint());
        }
        if (property.aliases().length > 0) {
            ArrayNode aliases = node.putArray(SchemaKeywords.ALIASES);
            Arrays.stream(property.aliases()).forEach(aliases::add);
        }
        if (property.examples().length > 0) {
            ArrayNode examples = node.putArray("examples");
            for (String example : property.examples()) {
                examples.add(typedValue(example, node));
            }
        }
    }

    private static Object defaultValue(FieldScope field) {
        PluginProperty property = property(field);
        if (property == null || property.defaultValue().isEmpty()) {
            return null;
        }
        Class<?> raw = field.getType().getErasedType();
        String text = property.defaultValue();
        try {
            if (raw == Boolean.class || raw == boolean.class) {
                return Boolean.parseBoolean(text);
            }
            if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
                return Long.parseLong(text);
            }
            if (raw == Double.class || raw == double.class || raw == Float.class) {
                return Double.parseDouble(text);
            }
            if (List.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
                return JSON.readValue(text, Object.class);
            }
        } catch (RuntimeException notTyped) {
            return text;
        }
        return text;
    }

    private static JsonNode typedValue(String text, ObjectNode schema) {
        JsonNode type = schema.get("type");
        String kind = type == null ? "" : type.asString();
        try {
            return switch (kind) {
                case "integer" -> NODES.numberNode(Long.parseLong(text));
                case "number" -> NODES.numberNode(Double.parseDouble(text));
                case "boolean" -> NODES.booleanNode(Boolean.parseBoolean(text));
                default -> NODES.stringNode(text);
            };
        } catch (NumberFormatException notANumber) {
            return NODES.stringNode(text);
        }
    }

    /**
     * The {@link PluginProperty} of a field: on the record component/field itself or, failing that, on a
     * same-named accessor of an interface the declaring class implements (shared property docs).
     */
    static PluginProperty property(MemberScope<?, ?> member) {
        PluginProperty direct = member.getAnnotationConsideringFieldAndGetter(PluginProperty.class);
        if (direct != null || member.isFakeContainerItemScope()) {
            return direct;
        }
        return inherited(member.getDeclaringType().getErasedType(), member.getDeclaredName());
    }

    private static PluginProperty inherited(Class<?> type, String name) {
        for (Class<?> iface : type.getInterfaces()) {
            try {
                Method accessor = iface.getMethod(name);
                PluginProperty found = accessor.getAnnotation(PluginProperty.class);
                if (found != null) {
                    return found;
                }
            } catch (NoSuchMethodException absent) {
                // not declared by this interface; keep looking
            }
        }
        return null;
    }

    private static String summaryOrNull(PluginProperty property) {
        return property == null ? null : Markdown.firstSentence(property.description());
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
