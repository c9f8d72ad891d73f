package dev.flowbench.schema.defaults;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value during merging, knowing where each part came from: a whole subtree from one {@link Source}
 * (shared, never copied), or a merged map or list whose parts carry their own sources.
 */
sealed interface Sourced {
    Source source();

    /** An unchanged subtree; every node in it comes from {@code source} at the same relative path. */
    record Whole(Object value, Source source) implements Sourced {}

    /** A map assembled from several contributions; {@code source} is the highest-ranked one with a map here. */
    record MergedMap(LinkedHashMap<String, Sourced> entries, Source source) implements Sourced {}

    /** A list concatenated from several contributions; {@code source} is the highest-ranked one. */
    record MergedList(List<Sourced> items, Source source) implements Sourced {}

    default Rank rank() {
        return source().rank;
    }

    default boolean isMap() {
        return this instanceof MergedMap || this instanceof Whole whole && whole.value() instanceof Map<?, ?>;
    }

    default boolean isList() {
        return this instanceof MergedList || this instanceof Whole whole && whole.value() instanceof List<?>;
    }

    default boolean isNull() {
        return this instanceof Whole whole && whole.value() == null;
    }

    /** The keys of a map, in order. */
    default List<String> keys() {
        if (this instanceof MergedMap map) {
            return new ArrayList<>(map.entries().keySet());
        }
        List<String> keys = new ArrayList<>();
        for (Object key : ((Map<?, ?>) ((Whole) this).value()).keySet()) {
            keys.add(String.valueOf(key));
        }
        return keys;
    }

    /** The entry {@code key} of a map; null when absent. */
    default Sourced get(String key) {
        if (this instanceof MergedMap map) {
            return map.entries().get(key);
        }
        Map<?, ?> map = (Map<?, ?>) ((Whole) this).value();
        Object value = map.get(key);
        if (value == null && !map.containsKey(key)) {
            return null;
        }
        return new Whole(value, source().child(key));
    }

    /** The items of a list, each with its own source. */
    default List<Sourced> items() {
        if (this instanceof MergedList list) {
            return list.items();
        }
        List<?> values = (List<?>) ((Whole) this).value();
        List<Sourced> items = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            items.add(new Whole(values.get(i), source().child(i)));
        }
        return items;
    }

    /** The string {@code type} entry of a map, or null: what makes a map a plugin instance. */
    default Sourced type() {
        if (!isMap()) {
            return null;
        }
        Sourced type = get("type");
        return type instanceof Whole whole && whole.value() instanceof String ? type : null;
    }

    /** The plain value, for comparing list items. */
    default Object plain() {
        return switch (this) {
            case Whole whole -> whole.value();
            case MergedMap map -> {
                Map<String, Object> values = new LinkedHashMap<>();
                map.entries().forEach((key, value) -> values.put(key, value.plain()));
                yield Collections.unmodifiableMap(values);
            }
            case MergedList list -> list.items().stream().map(Sourced::plain).toList();
        };
    }
}
