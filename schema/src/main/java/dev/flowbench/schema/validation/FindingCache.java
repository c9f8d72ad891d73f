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
    /** Per document schema, the last document checked against it and its findings. */
    private final Map<ObjectNode, Checked> lastDocuments = new ConcurrentHashMap<>();

    private record Checked(Object document, List<Finding> findings) {}

    /**
     * The findings of a whole document against its schema, kept for the last document only: an edit inside a
     * task leaves the document's outline (its plugin slots reduced to their types) equal to the last one's,
     * while keeping every outline would hold a copy of the document per edit of its top level.
     */
    List<Finding> documentFindings(ObjectNode schema, Object document, Supplier<List<Finding>> compute) {
        Checked last = lastDocuments.get(schema);
        if (last != null && java.util.Objects.equals(last.document(), document)) {
            return last.findings();
        }
        List<Finding> found = List.copyOf(compute.get());
        lastDocuments.put(schema, new Checked(document, found));
        return found;
    }

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
