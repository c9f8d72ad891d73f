package dev.flowbench.schema.defaults;

import dev.flowbench.schema.yaml.JsonPointers;
import dev.flowbench.schema.yaml.YamlDocument;
import java.util.Objects;

/**
 * Where one node of a merged value was written: the default entry (null for the flow itself), the document and
 * the pointer there, and the contribution's rank. The pointer is built only when asked, because merging visits
 * far more nodes than anyone asks about.
 */
final class Source {
    final DefaultEntry entry;
    final YamlDocument document;
    final Rank rank;
    private final Source parent;
    private final String key;
    private final int index;
    private String pointer;

    private Source(
            DefaultEntry entry,
            YamlDocument document,
            Rank rank,
            Source parent,
            String key,
            int index,
            String pointer) {
        this.entry = entry;
        this.document = document;
        this.rank = rank;
        this.parent = parent;
        this.key = key;
        this.index = index;
        this.pointer = pointer;
    }

    static Source root(DefaultEntry entry, YamlDocument document, Rank rank, String pointer) {
        return new Source(entry, document, rank, null, null, -1, pointer);
    }

    Source child(String name) {
        return new Source(entry, document, rank, this, name, -1, null);
    }

    Source child(int position) {
        return new Source(entry, document, rank, this, null, position, null);
    }

    String pointer() {
        if (pointer == null) {
            String base = parent.pointer();
            pointer = key != null ? JsonPointers.child(base, key) : JsonPointers.child(base, index);
        }
        return pointer;
    }

    /** Same file, same entry, same place: a node there needs no origin record of its own. */
    boolean samePlace(Source other) {
        return other != null
                && entry == other.entry
                && document == other.document
                && Objects.equals(pointer(), other.pointer());
    }
}
