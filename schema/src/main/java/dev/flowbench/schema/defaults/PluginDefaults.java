package dev.flowbench.schema.defaults;

import dev.flowbench.schema.yaml.JsonPointers;
import dev.flowbench.schema.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Applies pluginDefaults to a flow with Kestra's semantics, keeping the origin of every value.
 *
 * <p><b>Which defaults apply.</b> A default applies to every plugin instance, at any depth (tasks, tasks of
 * flowable tasks, {@code errors}, {@code finally}, triggers, and nested plugins such as {@code taskRunner}: any
 * map with a string {@code type}), whose type equals the default's {@code type} or starts with it as a plain
 * string prefix. The flow's own {@code pluginDefaults} list is not itself defaulted.
 *
 * <p><b>How values merge.</b> Maps merge deeply; lists are concatenated without duplicates, the lower-ranked
 * contribution's items first; anywhere else one value wins. A {@code null} (a key written without a value)
 * counts as absent, as in Kestra, which drops nulls before merging.
 *
 * <p><b>Who wins.</b> From weakest to strongest: non-forced defaults (instance, tenant, parent namespace, child
 * namespace, flow — {@code company.team} inherits {@code company}'s), then the task's own values, then forced
 * defaults (flow, child namespace, parent namespace, tenant, instance). Where Kestra leaves the order open (two
 * defaults of one level setting the same value) the exact type beats a longer prefix, which beats a shorter
 * prefix, and then the entry written first wins. Within one level, a default aimed at a nested plugin's own type
 * (say {@code ...runner.docker.Docker}) beats one reaching it through the task's values.
 *
 * <p><b>Three deliberate differences from Kestra.</b>
 *
 * <ul>
 *   <li>When a default supplies a nested plugin (a Docker {@code taskRunner}) and the task writes a nested
 *       plugin of another type there (a Batch {@code taskRunner}), the higher-ranked object replaces the other
 *       whole, instead of Docker-only properties being merged into a Batch runner.
 *   <li>A nested plugin supplied by a default also receives the defaults of its own type (Kestra visits
 *       nested plugins before applying the task's defaults, so they miss them).
 *   <li>A default that applied to a plugin does not apply again to the plugins in that plugin's map
 *       properties, nor to plugins inside its own values. Otherwise {@code io.kestra.plugin.scripts}, meant for
 *       script tasks, would also hit the {@code io.kestra.plugin.scripts.runner.docker.Docker} runner inside each
 *       of them and nest a {@code taskRunner} in the runner (Kestra does the former and ignores the unknown
 *       property). Tasks in a flowable task's lists are tasks of their own and do receive it.
 * </ul>
 */
public final class PluginDefaults {
    private PluginDefaults() {}

    /** The flow's own pluginDefaults ({@code /pluginDefaults} of {@code flow}), in order. */
    public static List<DefaultEntry> ofFlow(YamlDocument flow) {
        return DefaultEntry.read(flow, "/pluginDefaults", DefaultLevel.FLOW, null, null);
    }

    /**
     * Applies the flow's own pluginDefaults and {@code outer} (the environment's instance, tenant and namespace
     * entries that concern this flow) to the first document of {@code flow}. A flow that is not a mapping comes
     * back as an empty flow. Never throws on bad input.
     */
    public static MergedFlow apply(YamlDocument flow, List<DefaultEntry> outer) {
        return apply(flow, outer, null);
    }

    /**
     * As {@link #apply(YamlDocument, List)}, reusing from {@code previous} (the merge of an earlier version of
     * the same flow, or null) the result for every item of a top-level list (a task, a trigger…) that is the
     * very same value object at the same place, when the same defaults apply: an edit re-merges only what it
     * touched (see {@link YamlDocument#parse(String, YamlDocument)}, which keeps untouched values).
     */
    public static MergedFlow apply(YamlDocument flow, List<DefaultEntry> outer, MergedFlow previous) {
        List<DefaultEntry> entries = new ArrayList<>(ofFlow(flow));
        entries.addAll(outer);
        Map<String, Object> root = flow.root() instanceof Map<?, ?> map ? asStringMap(map) : Map.of();
        Source rootSource = Source.root(null, flow, Rank.TASK, "");
        NavigableMap<String, Source> origins = new TreeMap<>();
        origins.put("", rootSource);
        if (entries.isEmpty()) {
            return new MergedFlow(flow, root, origins, MergeMemo.EMPTY);
        }
        Merger merger = new Merger(entries);
        MergeMemo earlier = previous == null ? MergeMemo.EMPTY : previous.memo().ifSameEntries(entries);
        MergeMemo memo = new MergeMemo(entries);
        LinkedHashMap<String, Object> merged = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : root.entrySet()) {
            String key = entry.getKey();
            Source source = rootSource.child(key);
            String pointer = JsonPointers.child("", key);
            if (key.equals("pluginDefaults")) {
                // Kestra takes pluginDefaults out of the flow while applying them
                merged.put(key, entry.getValue());
            } else if (entry.getValue() instanceof List<?> items) {
                List<Object> values = new ArrayList<>(items.size());
                for (int i = 0; i < items.size(); i++) {
                    Object item = items.get(i);
                    MergeMemo.Item done = earlier.find(item, key, i);
                    if (done == null) {
                        done = mergeItem(merger, item, key, i, source.child(i));
                    }
                    memo.remember(item, done);
                    done.addOrigins(JsonPointers.child(pointer, i), origins);
                    values.add(done.value());
                }
                merged.put(key, Collections.unmodifiableList(values));
            } else {
                Sourced after = merger.walk(new Sourced.Whole(entry.getValue(), source), 0, Merger.Scope.TOP);
                merged.put(key, flatten(after, pointer, source, origins));
            }
        }
        return new MergedFlow(flow, Collections.unmodifiableMap(merged), origins, memo);
    }

    /** One item of a top-level list merged on its own, its origins kept relative to the item. */
    private static MergeMemo.Item mergeItem(Merger merger, Object item, String key, int index, Source source) {
        // items of a top-level list are plugins of their own, with nothing applied above them
        Sourced after = merger.walk(new Sourced.Whole(item, source), 0, Merger.Scope.TOP);
        NavigableMap<String, Source> found = new TreeMap<>();
        Object value = flatten(after, "", source, found);
        return new MergeMemo.Item(key, index, value, List.copyOf(found.entrySet()));
    }

    /** The plain value of {@code node}, recording the origin of each part whose source is not the expected one. */
    private static Object flatten(Sourced node, String pointer, Source expected, NavigableMap<String, Source> origins) {
        if (!node.source().samePlace(expected)) {
            origins.put(pointer, node.source());
        }
        return switch (node) {
            case Sourced.Whole whole -> whole.value();
            case Sourced.MergedMap map -> {
                Map<String, Object> values = new LinkedHashMap<>();
                map.entries()
                        .forEach((key, child) -> values.put(
                                key,
                                flatten(
                                        child,
                                        JsonPointers.child(pointer, key),
                                        node.source().child(key),
                                        origins)));
                yield Collections.unmodifiableMap(values);
            }
            case Sourced.MergedList list -> {
                List<Object> values = new ArrayList<>(list.items().size());
                for (int i = 0; i < list.items().size(); i++) {
                    values.add(flatten(
                            list.items().get(i),
                            JsonPointers.child(pointer, i),
                            node.source().child(i),
                            origins));
                }
                yield Collections.unmodifiableList(values);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asStringMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
