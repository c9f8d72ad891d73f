package dev.flowbench.schema.defaults;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one merge computed for each item of the flow's top-level lists, so that the next merge of an edited
 * version can take over every item that is the same value object at the same place, under the same defaults.
 */
final class MergeMemo {
    static final MergeMemo EMPTY = new MergeMemo(List.of());

    /**
     * One item merged.
     *
     * @param origins where parts of the merged item came from, by pointer relative to the item
     */
    record Item(String key, int index, Object value, List<Map.Entry<String, Source>> origins) {
        void addOrigins(String itemPointer, Map<String, Source> into) {
            for (Map.Entry<String, Source> origin : origins) {
                into.put(itemPointer + origin.getKey(), origin.getValue());
            }
        }
    }

    private final List<DefaultEntry> entries;
    private final Map<Object, Item> items = new IdentityHashMap<>();

    MergeMemo(List<DefaultEntry> entries) {
        this.entries = entries;
    }

    void remember(Object value, Item item) {
        items.put(value, item);
    }

    /** The item merged from {@code value} at {@code key}/{@code index}, or null. */
    Item find(Object value, String key, int index) {
        Item item = items.get(value);
        return item != null && item.index() == index && item.key().equals(key) ? item : null;
    }

    /** This memo if it was made under the same defaults as {@code current}, else an empty one. */
    MergeMemo ifSameEntries(List<DefaultEntry> current) {
        if (current.size() != entries.size()) {
            return EMPTY;
        }
        for (int i = 0; i < current.size(); i++) {
            if (!sameDefault(entries.get(i), current.get(i))) {
                return EMPTY;
            }
        }
        return this;
    }

    /**
     * Whether two entries apply the same values in the same way. The flow's own entries are compared without
     * their document, which is a new parse after each edit: their values must be the same objects, which an
     * incremental parse keeps when the entry was not touched.
     */
    private static boolean sameDefault(DefaultEntry a, DefaultEntry b) {
        return a.values() == b.values()
                && a.forced() == b.forced()
                && a.level() == b.level()
                && a.index() == b.index()
                && a.type().equals(b.type())
                && a.pointer().equals(b.pointer())
                && Objects.equals(a.scope(), b.scope())
                && Objects.equals(a.file(), b.file())
                && (a.level() == DefaultLevel.FLOW || a.document() == b.document());
    }
}
