package dev.flowbench.schema.defaults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Applies pluginDefaults to a value tree: every map with a string {@code type}, at any depth, is a plugin
 * instance and receives the defaults whose type equals or prefixes its own (the rules are on {@link
 * PluginDefaults}).
 *
 * <p>Merging is per node by {@link Rank}: maps merge key by key, lists concatenate (lower-ranked items first,
 * duplicates dropped), and elsewhere the higher-ranked value wins; a {@code null} counts as absent. Below a
 * plugin's top level, two maps with different string {@code type}s are different plugins: the one whose type
 * ranks higher is kept whole. Defaults are applied to a plugin before the plugins inside it are visited, so a
 * {@code taskRunner} supplied by a task's default also receives the defaults of its own type.
 */
final class Merger {
    /** Plugins nested deeper than this receive no defaults: a bound against defaults that supply each other. */
    static final int MAX_PLUGIN_DEPTH = 32;

    private final List<DefaultEntry> entries;

    Merger(List<DefaultEntry> entries) {
        this.entries = entries;
    }

    /**
     * What the enclosing plugins exclude for the plugins inside them.
     *
     * @param applied entries applied to enclosing plugins reached through map properties only: they do not apply
     *     again to a {@code taskRunner} inside a task they applied to
     * @param suppliers entries whose values supplied an enclosing plugin: they never apply inside what they
     *     supplied, which keeps defaults that supply each other's plugins from nesting forever
     */
    record Scope(List<DefaultEntry> applied, List<DefaultEntry> suppliers) {
        static final Scope TOP = new Scope(List.of(), List.of());

        boolean excludes(DefaultEntry entry) {
            return containsSame(applied, entry) || containsSame(suppliers, entry);
        }
    }

    /**
     * Visits a value that is not itself a plugin's top level; returns {@code node} when nothing applied.
     *
     * @param depth how many plugins enclose this value
     */
    Sourced walk(Sourced node, int depth, Scope scope) {
        if (node.isMap()) {
            return node.type() != null ? plugin(node, depth, scope) : children(node, depth, scope);
        }
        if (node.isList()) {
            List<Sourced> items = node.items();
            boolean changed = false;
            List<Sourced> walked = new ArrayList<>(items.size());
            // items of a list (tasks of a flowable task) are plugins of their own: defaults applied above may apply
            Scope itemScope = new Scope(List.of(), scope.suppliers());
            for (Sourced item : items) {
                Sourced after = walk(item, depth, itemScope);
                changed |= after != item;
                walked.add(after);
            }
            return changed || node instanceof Sourced.MergedList ? new Sourced.MergedList(walked, node.source()) : node;
        }
        return node;
    }

    /** Applies the defaults matching a plugin instance, then visits what it contains. */
    private Sourced plugin(Sourced node, int depth, Scope scope) {
        if (depth > MAX_PLUGIN_DEPTH) {
            return node;
        }
        Sourced typeNode = node.type();
        String type = (String) ((Sourced.Whole) typeNode).value();
        List<DefaultEntry> suppliers = scope.suppliers();
        DefaultEntry supplier = typeNode.source().entry;
        if (supplier != null && !containsSame(suppliers, supplier)) {
            suppliers = new ArrayList<>(suppliers);
            suppliers.add(supplier);
        }
        Scope here = new Scope(scope.applied(), suppliers);
        Sourced merged = node;
        List<DefaultEntry> applied = new ArrayList<>(scope.applied());
        for (DefaultEntry entry : entries) {
            if (entry.appliesTo(type) && !here.excludes(entry)) {
                Source source =
                        Source.root(entry, entry.document(), Rank.of(entry, depth), entry.pointer() + "/values");
                merged = merge(merged, new Sourced.Whole(entry.values(), source), true);
                applied.add(entry);
            }
        }
        return children(merged, depth + 1, new Scope(applied, suppliers));
    }

    private Sourced children(Sourced map, int depth, Scope scope) {
        boolean changed = map instanceof Sourced.MergedMap;
        LinkedHashMap<String, Sourced> walked = new LinkedHashMap<>();
        for (String key : map.keys()) {
            Sourced child = map.get(key);
            Sourced after = walk(child, depth, scope);
            changed |= after != child;
            walked.put(key, after);
        }
        return changed ? new Sourced.MergedMap(walked, map.source()) : map;
    }

    private static boolean containsSame(List<DefaultEntry> entries, DefaultEntry entry) {
        for (DefaultEntry candidate : entries) {
            if (candidate == entry) {
                return true;
            }
        }
        return false;
    }

    /** Merges two contributions at one node; {@code top} is a plugin's top level (no type-conflict rule). */
    static Sourced merge(Sourced a, Sourced b, boolean top) {
        if (a == null || a.isNull()) {
            return b == null ? a : b;
        }
        if (b == null || b.isNull()) {
            return a;
        }
        boolean bWins = b.rank().compareTo(a.rank()) > 0;
        Sourced high = bWins ? b : a;
        Sourced low = bWins ? a : b;
        if (a.isMap() && b.isMap()) {
            if (!top) {
                Sourced typeA = a.type();
                Sourced typeB = b.type();
                if (typeA != null
                        && typeB != null
                        && !((Sourced.Whole) typeA).value().equals(((Sourced.Whole) typeB).value())) {
                    // different plugins: keep the one whose type ranks higher, whole
                    return typeB.rank().compareTo(typeA.rank()) > 0 ? b : a;
                }
            }
            // key order: the task's (or the strongest non-forced writer's) keys first
            Sourced first = high.rank().forced() ? low : high;
            Sourced second = first == high ? low : high;
            LinkedHashMap<String, Sourced> entries = new LinkedHashMap<>();
            for (String key : first.keys()) {
                entries.put(key, merge(first.get(key), second.get(key), false));
            }
            for (String key : second.keys()) {
                if (!entries.containsKey(key)) {
                    entries.put(key, second.get(key));
                }
            }
            return new Sourced.MergedMap(entries, high.source());
        }
        if (a.isList() && b.isList()) {
            List<Sourced> items = new ArrayList<>(low.items());
            items.addAll(high.items());
            // lower-ranked contributions first, as Kestra's pairwise merge orders them
            items.sort(Comparator.comparing(Sourced::rank));
            Set<Object> seen = new HashSet<>();
            List<Sourced> distinct = new ArrayList<>(items.size());
            for (Sourced item : items) {
                if (seen.add(item.plain())) {
                    distinct.add(item);
                }
            }
            return new Sourced.MergedList(distinct, high.source());
        }
        return high;
    }
}
