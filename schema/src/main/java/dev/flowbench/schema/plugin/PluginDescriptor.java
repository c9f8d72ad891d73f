package dev.flowbench.schema.plugin;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything Flowbench knows about one installed plugin: identity, docs, origin and its JSON schema.
 *
 * <p>The schema is generated on first use and cached; callers must not modify the returned node.
 */
public final class PluginDescriptor {
    private final String id;
    private final List<String> aliases;
    private final PluginKind kind;
    private final Plugin annotation;
    private final Class<?> type;
    private final PluginOrigin origin;
    private final Supplier<ObjectNode> schemaFactory;
    private volatile ObjectNode schema;

    /** A descriptor whose schema {@code schemaFactory} makes on first use. */
    public PluginDescriptor(
            String id,
            PluginKind kind,
            Plugin annotation,
            Class<?> type,
            PluginOrigin origin,
            Supplier<ObjectNode> schemaFactory) {
        this.id = Objects.requireNonNull(id);
        this.kind = Objects.requireNonNull(kind);
        this.annotation = Objects.requireNonNull(annotation);
        this.type = Objects.requireNonNull(type);
        this.origin = Objects.requireNonNull(origin);
        this.schemaFactory = Objects.requireNonNull(schemaFactory);
        this.aliases = List.of(annotation.aliases());
    }

    /** The type id written in flows. */
    public String id() {
        return id;
    }

    /** Older ids that resolve to this plugin; never null. */
    public List<String> aliases() {
        return aliases;
    }

    /** The slot this plugin fills. */
    public PluginKind kind() {
        return kind;
    }

    /** The human title. */
    public String title() {
        return annotation.title();
    }

    /** The markdown description. */
    public String description() {
        return annotation.description();
    }

    /** The class path resource of the SVG icon in the plugin's JAR, or empty. */
    public String icon() {
        return annotation.icon();
    }

    /** The icon's SVG text, or null when it has none or it cannot be read. */
    public String iconSvg() {
        if (annotation.icon().isEmpty()) {
            return null;
        }
        try (var in = type.getClassLoader().getResourceAsStream(annotation.icon())) {
            return in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException unreadable) {
            return null;
        }
    }

    /** The documented examples; never null. */
    public List<Example> examples() {
        return List.of(annotation.examples());
    }

    /** What replaces this plugin when deprecated, or empty. */
    public String deprecated() {
        return annotation.deprecated();
    }

    /** The declaring class. */
    public Class<?> type() {
        return type;
    }

    /** Where it was loaded from. */
    public PluginOrigin origin() {
        return origin;
    }

    /** The plugin's own Draft-7 schema (its {@code type} pinned with {@code const}); never null, do not modify. */
    public ObjectNode schema() {
        ObjectNode current = schema;
        if (current == null) {
            synchronized (this) {
                current = schema;
                if (current == null) {
                    current = schemaFactory.get();
                    schema = current;
                }
            }
        }
        return current;
    }

    @Override
    public String toString() {
        return id + " (" + kind.label() + ", " + origin + ")";
    }
}
