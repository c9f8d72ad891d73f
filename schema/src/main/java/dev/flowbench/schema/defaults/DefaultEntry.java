package dev.flowbench.schema.defaults;

import dev.flowbench.schema.yaml.JsonPointers;
import dev.flowbench.schema.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One pluginDefaults entry as written in a file, with its level and location: the values apply to every
 * plugin instance whose {@code type} equals or starts with {@link #type()}.
 *
 * @param values the values to apply; unmodifiable
 * @param scope the namespace for {@link DefaultLevel#NAMESPACE}, the tenant id for {@link DefaultLevel#TENANT},
 *     null otherwise
 * @param index 0-based position in its pluginDefaults list (shown as {@code #index+1})
 * @param file the file it is written in, relative to the workspace (e.g. {@code environments/prod.yaml}); null
 *     for the flow being read
 * @param document the parsed file, for ranges; null when the entry was not read from a file
 * @param pointer the entry's JSON pointer in {@code document}, e.g. {@code /pluginDefaults/0}
 */
public record DefaultEntry(
        String type,
        boolean forced,
        Map<String, Object> values,
        DefaultLevel level,
        String scope,
        int index,
        String file,
        YamlDocument document,
        String pointer) {
    public DefaultEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(pointer, "pointer");
    }

    /**
     * Reads the entries of the pluginDefaults list at {@code listPointer} in {@code document}. Entries without
     * a non-blank string {@code type} or without a mapping of {@code values} are skipped: they apply to
     * nothing, and validation reports them.
     */
    public static List<DefaultEntry> read(
            YamlDocument document, String listPointer, DefaultLevel level, String scope, String file) {
        List<DefaultEntry> entries = new ArrayList<>();
        Object list = document.node(listPointer).map(n -> n.value()).orElse(null);
        if (!(list instanceof List<?> items)) {
            return entries;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> entry
                    && entry.get("type") instanceof String type
                    && !type.isBlank()
                    && entry.get("values") instanceof Map<?, ?> values) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) values;
                entries.add(new DefaultEntry(
                        type,
                        Boolean.TRUE.equals(entry.get("forced")),
                        typed,
                        level,
                        scope,
                        i,
                        file,
                        document,
                        JsonPointers.child(listPointer, i)));
            }
        }
        return entries;
    }

    /** Whether this entry applies to a plugin of type {@code pluginType}: equal, or a string prefix of it. */
    public boolean appliesTo(String pluginType) {
        return pluginType.startsWith(type);
    }

    /**
     * A label a person recognises, e.g. {@code namespace company.team default #1 in environments/prod.yaml};
     * forced entries say so.
     */
    public String describe() {
        String where = switch (level) {
            case FLOW -> "flow default #" + (index + 1);
            case NAMESPACE -> "namespace " + scope + " default #" + (index + 1);
            case TENANT -> "tenant " + scope + " default #" + (index + 1);
            case INSTANCE -> "instance default #" + (index + 1);
        };
        return (forced ? "forced " : "") + where + (file == null ? "" : " in " + file);
    }

    @Override
    public String toString() {
        return "DefaultEntry[" + describe() + ", type=" + type + "]";
    }
}
