package dev.flowbench.schema.defaults;

import dev.flowbench.schema.yaml.JsonPointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Navigation in JSON-like value trees by pointer, and the search for tasks by id. */
final class Values {
    /** Top-level flow keys that hold no tasks, though their maps may have {@code id} and {@code type}. */
    private static final Set<String> NOT_TASKS = Set.of("pluginDefaults", "inputs", "outputs", "variables", "labels");

    private static final Object MISSING = new Object();

    private Values() {}

    static boolean exists(Object root, String pointer) {
        return find(root, pointer) != MISSING;
    }

    /** The value at {@code pointer}, or null when there is none. */
    static Object at(Object root, String pointer) {
        Object value = find(root, pointer);
        return value == MISSING ? null : value;
    }

    private static Object find(Object root, String pointer) {
        Object value = root;
        for (String segment : JsonPointers.segments(pointer)) {
            if (value instanceof Map<?, ?> map && map.containsKey(segment)) {
                value = map.get(segment);
            } else if (value instanceof List<?> list && isIndex(segment) && Integer.parseInt(segment) < list.size()) {
                value = list.get(Integer.parseInt(segment));
            } else {
                return MISSING;
            }
        }
        return value;
    }

    private static boolean isIndex(String segment) {
        if (segment.isEmpty() || segment.length() > 9 || segment.length() > 1 && segment.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The pointer of the first map (in document order) with this {@code id} and a string {@code type}. */
    static Optional<String> findPlugin(Map<String, Object> flow, String id) {
        List<String> found = new ArrayList<>();
        visitPlugins(flow, "", true, (pointer, pluginId) -> {
            if (found.isEmpty() && id.equals(pluginId)) {
                found.add(pointer);
            }
        });
        return found.stream().findFirst();
    }

    static List<String> pluginIds(Map<String, Object> flow) {
        List<String> ids = new ArrayList<>();
        visitPlugins(flow, "", true, (pointer, id) -> ids.add(id));
        return ids;
    }

    private interface PluginVisitor {
        void visit(String pointer, String id);
    }

    private static void visitPlugins(Object value, String pointer, boolean root, PluginVisitor visitor) {
        if (value instanceof Map<?, ?> map) {
            if (map.get("id") instanceof String id && map.get("type") instanceof String) {
                visitor.visit(pointer, id);
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (!(root && NOT_TASKS.contains(key))) {
                    visitPlugins(entry.getValue(), JsonPointers.child(pointer, key), false, visitor);
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                visitPlugins(list.get(i), JsonPointers.child(pointer, i), false, visitor);
            }
        }
    }

    /** The pointers of every leaf under {@code value}: scalars, empty maps and empty lists, in order. */
    static List<String> leaves(Object value, String pointer) {
        List<String> leaves = new ArrayList<>();
        collectLeaves(value, pointer, leaves);
        return leaves;
    }

    private static void collectLeaves(Object value, String pointer, List<String> leaves) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((key, child) -> collectLeaves(child, JsonPointers.child(pointer, String.valueOf(key)), leaves));
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                collectLeaves(list.get(i), JsonPointers.child(pointer, i), leaves);
            }
        } else {
            leaves.add(pointer);
        }
    }
}
