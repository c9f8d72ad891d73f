package dev.flowbench.schema.validation;

import dev.flowbench.schema.plugin.PluginKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one validation found inside each item of the flow's top-level lists (each task, trigger…), by the
 * identity of the item's merged value. An edit keeps the value objects of the items it did not touch (the
 * incremental parse and merge see to that), so the next validation takes those items' findings over instead
 * of walking them again. Written by one validation, then only read.
 */
final class RunMemo {
    /** The schema walk of one item: its findings and the plugin instances met, with their full paths. */
    record Walked(
            List<String> path,
            PluginKind slot,
            boolean partial,
            List<Finding> findings,
            List<PluginWalker.PluginInstance> plugins) {}

    /** The expression scan of one item, valid while the flow-wide facts it checked against are the same. */
    record Scanned(List<String> path, List<Finding> findings) {}

    private final Map<Object, Walked> walked = new IdentityHashMap<>();
    private final Map<Object, Scanned> scanned = new IdentityHashMap<>();
    /** The flow-wide facts (task order, inputs, secrets) this run's scans checked expressions against. */
    private volatile Object facts;

    void facts(Object facts) {
        this.facts = facts;
    }

    /** Of {@code runs}, those whose scans checked against the same {@code facts}: compared once per run. */
    static List<RunMemo> withFacts(List<RunMemo> runs, Object facts) {
        return runs.stream().filter(run -> facts.equals(run.facts)).toList();
    }

    void walked(Object item, Walked result) {
        walked.put(item, result);
    }

    void scanned(Object item, Scanned result) {
        scanned.put(item, result);
    }

    /** The earlier runs' walk of {@code item} at {@code path}, or null. */
    static Walked walkOf(List<RunMemo> runs, Object item, List<String> path, PluginKind slot, boolean partial) {
        for (RunMemo run : runs) {
            Walked found = run.walked.get(item);
            if (found != null
                    && found.slot() == slot
                    && found.partial() == partial
                    && found.path().equals(path)) {
                return found;
            }
        }
        return null;
    }

    /** The scan of {@code item} at {@code path} by one of {@code runs} (see {@link #withFacts}), or null. */
    static Scanned scanOf(List<RunMemo> runs, Object item, List<String> path) {
        for (RunMemo run : runs) {
            Scanned found = run.scanned.get(item);
            if (found != null && found.path().equals(path)) {
                return found;
            }
        }
        return null;
    }

    /** The last few runs, newest first: enough for a few documents validated in turn. Thread-safe. */
    static final class Recent {
        private static final int SIZE = 4;
        private final List<RunMemo> runs = new ArrayList<>();

        synchronized List<RunMemo> snapshot() {
            return List.copyOf(runs);
        }

        synchronized void add(RunMemo run) {
            runs.addFirst(run);
            if (runs.size() > SIZE) {
                runs.removeLast();
            }
        }
    }
}
