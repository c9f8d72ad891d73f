package dev.flowbench.schema.defaults;

import dev.flowbench.schema.yaml.JsonPointers;
import dev.flowbench.schema.yaml.YamlDocument;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * A flow with its pluginDefaults applied, remembering where every value came from. Immutable and thread-safe.
 *
 * <p>Pointers into {@link #flow()} address the merged values; {@link #origin(String)} maps one back to the
 * file and place it was written, which is where validation reports a problem with it.
 */
public final class MergedFlow {
    private final YamlDocument document;
    private final Map<String, Object> flow;
    private final NavigableMap<String, Source> origins;
    private final MergeMemo memo;

    MergedFlow(YamlDocument document, Map<String, Object> flow, NavigableMap<String, Source> origins, MergeMemo memo) {
        this.document = document;
        this.flow = flow;
        this.origins = origins;
        this.memo = memo;
    }

    MergeMemo memo() {
        return memo;
    }

    /** The merged flow: the same JSON-like shape as {@link YamlDocument#root()}; unmodifiable. */
    public Map<String, Object> flow() {
        return flow;
    }

    /**
     * Where the value at {@code pointer} of the merged flow was written; empty when the pointer lies outside
     * the flow's values. Only nodes whose origin differs from their parent's are stored, so this is a walk up
     * the pointer plus one look-up.
     */
    public Optional<ValueOrigin> origin(String pointer) {
        if (!Values.exists(flow, pointer)) {
            return Optional.empty();
        }
        String at = pointer;
        while (at != null && !origins.containsKey(at)) {
            at = JsonPointers.parent(at);
        }
        if (at == null) {
            return Optional.empty();
        }
        Source source = origins.get(at);
        // what the flow file wrote is found in this parse of it, even when the part came from an earlier merge
        boolean inFlow = source.entry == null || source.entry.level() == DefaultLevel.FLOW;
        return Optional.of(new ValueOrigin(
                source.entry, inFlow ? document : source.document, source.pointer() + pointer.substring(at.length())));
    }

    /**
     * The task (or trigger) whose {@code id} is {@code taskId}, searched at any depth in document order, with
     * its merged configuration.
     */
    public Optional<EffectiveTask> task(String taskId) {
        return Values.findPlugin(flow, taskId).map(pointer -> new EffectiveTask(this, taskId, pointer));
    }

    /** The ids of every task and trigger, at any depth, in document order. */
    public List<String> taskIds() {
        return Values.pluginIds(flow);
    }
}
