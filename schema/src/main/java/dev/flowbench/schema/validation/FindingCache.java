package dev.flowbench.schema.validation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * Remembers the schema findings of plugin instances by value, so that after an edit only the instances that
 * changed are validated again. Values are immutable trees from the YAML parser, compared by equality.
 */
final class FindingCache {
    private static final int MAX_ENTRIES = 50_000;

    private record Key(ObjectNode schema, Object instance, boolean partial) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && key.schema == schema
                    && key.partial == partial
                    && key.instance.equals(instance);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(schema) * 31 + instance.hashCode() + (partial ? 1 : 0);
        }
    }

    private final Map<Key, List<Finding>> entries = new ConcurrentHashMap<>();

    /** The findings of {@code instance} against {@code schema} (paths relative to the instance). */
    List<Finding> findings(ObjectNode schema, Object instance, boolean partial, Supplier<List<Finding>> compute) {
        Key key = new Key(schema, instance, partial);
        List<Finding> known = entries.get(key);
        if (known != null) {
            return known;
        }
        List<Finding> found = List.copyOf(compute.get());
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // documents changed wholesale; start over rather than track recency
        }
        entries.put(key, found);
        return found;
    }
}
