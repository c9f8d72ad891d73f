package dev.flowbench.schema.defaults;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The effective configuration of one task: its values after pluginDefaults, and the origin of each of them.
 * Pointers here are relative to the task ({@code /taskRunner/pullPolicy}).
 */
public final class EffectiveTask {
    private final MergedFlow flow;
    private final String id;
    private final String pointer;

    EffectiveTask(MergedFlow flow, String id, String pointer) {
        this.flow = flow;
        this.id = id;
        this.pointer = pointer;
    }

    /** The task's {@code id}. */
    public String id() {
        return id;
    }

    /** The task's pointer in the merged flow, e.g. {@code /tasks/0}. */
    public String pointer() {
        return pointer;
    }

    /** The merged configuration; unmodifiable. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> values() {
        return (Map<String, Object>) Values.at(flow.flow(), pointer);
    }

    /** Where the value at {@code relativePointer} ({@code ""} for the task itself) was written. */
    public Optional<ValueOrigin> origin(String relativePointer) {
        return flow.origin(pointer + relativePointer);
    }

    /**
     * The origin of every leaf value (scalars, and empty maps and lists) by relative pointer, in the order
     * of {@link #values()}.
     */
    public Map<String, ValueOrigin> origins() {
        Map<String, ValueOrigin> origins = new LinkedHashMap<>();
        for (String leaf : Values.leaves(values(), "")) {
            origin(leaf).ifPresent(origin -> origins.put(leaf, origin));
        }
        return origins;
    }

    @Override
    public String toString() {
        return "EffectiveTask[" + id + " at " + pointer + "]";
    }
}
