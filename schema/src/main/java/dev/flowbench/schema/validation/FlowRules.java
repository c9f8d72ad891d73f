package dev.flowbench.schema.validation;

import dev.flowbench.schema.diagnostic.DiagnosticData;
import dev.flowbench.schema.diagnostic.Severity;
import dev.flowbench.schema.expression.Expressions;
import dev.flowbench.schema.plugin.PluginKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a schema cannot express: unique task ids, references to outputs, inputs and secrets that exist,
 * and {@code containerImage} on the task rather than its runner.
 */
final class FlowRules {
    private FlowRules() {}

    static void check(
            Map<?, ?> flow,
            List<PluginWalker.PluginInstance> plugins,
            ValidationContext context,
            List<Finding> findings,
            List<RunMemo> earlier,
            RunMemo memo) {
        Map<String, Integer> order = new LinkedHashMap<>();
        Map<String, List<String>> firstUse = new HashMap<>();
        Map<Object, String> taskByValue = new java.util.IdentityHashMap<>();
        List<PluginWalker.PluginInstance> tasks =
                plugins.stream().filter(p -> p.slot() == PluginKind.TASK).toList();
        for (PluginWalker.PluginInstance task : tasks) {
            if (!(task.value().get("id") instanceof String id)) {
                continue;
            }
            taskByValue.putIfAbsent(task.value(), id);
            if (firstUse.containsKey(id)) {
                findings.add(new Finding(
                        PluginWalker.append(task.path(), "id"),
                        Finding.Target.VALUE,
                        Severity.ERROR,
                        "duplicate-id",
                        "duplicate task id `" + id + "`: task ids must be unique in a flow",
                        Map.of()));
            } else {
                firstUse.put(id, task.path());
                order.put(id, order.size());
            }
        }
        for (PluginWalker.PluginInstance runner : plugins) {
            if (runner.slot() == PluginKind.TASK_RUNNER && runner.value().containsKey("containerImage")) {
                List<String> taskPath = runner.path().subList(0, runner.path().size() - 1);
                findings.add(new Finding(
                        PluginWalker.append(runner.path(), "containerImage"),
                        Finding.Target.KEY,
                        Severity.ERROR,
                        "container-image-on-runner",
                        "`containerImage` belongs to the task, not its task runner: move it up to the task",
                        Map.of(DiagnosticData.POINTER, pointer(taskPath))));
            }
        }
        Set<String> inputs = new HashSet<>();
        if (flow.get("inputs") instanceof List<?> list) {
            for (Object input : list) {
                if (input instanceof Map<?, ?> map && map.get("id") instanceof String id) {
                    inputs.add(id);
                }
            }
        }
        // what every expression is checked against: while it stays the same, an unchanged task's scan holds
        List<Object> facts = java.util.Arrays.asList(order, inputs, context.secretNames(), context.environment());
        memo.facts(facts);
        List<RunMemo> comparable = RunMemo.withFacts(earlier, facts);
        var scan = new ReferenceScan(order, taskByValue, inputs, context, findings);
        for (var entry : flow.entrySet()) {
            List<String> path = new ArrayList<>(List.of(String.valueOf(entry.getKey())));
            if (!(entry.getValue() instanceof List<?> items)) {
                scan.scan(entry.getValue(), path, null);
                continue;
            }
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                path.add(String.valueOf(i));
                RunMemo.Scanned known = RunMemo.scanOf(comparable, item, path);
                if (known == null) {
                    int before = findings.size();
                    scan.scan(item, path, null);
                    known = new RunMemo.Scanned(
                            List.copyOf(path), List.copyOf(findings.subList(before, findings.size())));
                } else {
                    findings.addAll(known.findings());
                }
                if (item instanceof Map<?, ?> || item instanceof List<?>) {
                    memo.scanned(item, known);
                }
                path.removeLast();
            }
        }
    }

    static String pointer(List<String> path) {
        var out = new StringBuilder();
        for (String segment : path) {
            out.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    /** Finds every expression in string values and checks what it refers to. */
    private record ReferenceScan(
            Map<String, Integer> order,
            Map<Object, String> taskByValue,
            Set<String> inputs,
            ValidationContext context,
            List<Finding> findings) {

        /** Scans {@code value} at {@code path}; {@code task} is the id of the innermost enclosing task. */
        void scan(Object value, List<String> path, String task) {
            if (value instanceof Map<?, ?> map) {
                String inner = taskByValue.getOrDefault(map, task);
                for (var entry : map.entrySet()) {
                    path.add(String.valueOf(entry.getKey()));
                    scan(entry.getValue(), path, inner);
                    path.removeLast();
                }
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    path.add(String.valueOf(i));
                    scan(list.get(i), path, task);
                    path.removeLast();
                }
            } else if (value instanceof String text && Expressions.contains(text)) {
                for (Expressions.Reference reference : Expressions.references(text)) {
                    check(reference, List.copyOf(path), task);
                }
            }
        }

        private void check(Expressions.Reference reference, List<String> path, String task) {
            String name = reference.name();
            switch (reference.kind()) {
                case OUTPUTS -> {
                    if (!order.containsKey(name)) {
                        add(
                                path,
                                reference,
                                Severity.ERROR,
                                "unknown-output",
                                "`outputs." + name + "` refers to no task of this flow",
                                order.keySet());
                    } else if (runsLater(path, task, name)) {
                        add(
                                path,
                                reference,
                                Severity.ERROR,
                                "output-not-yet",
                                "`outputs." + name + "` refers to a task that has not run yet at this point",
                                Set.of());
                    }
                }
                case INPUTS -> {
                    if (!inputs.contains(name)) {
                        add(
                                path,
                                reference,
                                Severity.ERROR,
                                "unknown-input",
                                "`inputs." + name + "` is not an input of this flow",
                                inputs);
                    }
                }
                case SECRET -> {
                    if (context.secretNames() != null && !context.secretNames().contains(name)) {
                        add(
                                path,
                                reference,
                                Severity.WARNING,
                                "unknown-secret",
                                "secret `" + name + "` is not defined in environment `" + context.environment()
                                        + "` (its secrets file or a SECRET_" + name + " variable)",
                                context.secretNames());
                    }
                }
                case VARS -> {}
            }
        }

        /** Whether {@code user}, in the main task list, comes before {@code target} (or is it). */
        private boolean runsLater(List<String> path, String user, String target) {
            if (user == null || path.isEmpty() || !path.getFirst().equals("tasks")) {
                return false; // errors, finally and outputs run after the tasks
            }
            return order.get(target) >= order.get(user);
        }

        private void add(
                List<String> path,
                Expressions.Reference reference,
                Severity severity,
                String code,
                String message,
                Set<String> candidates) {
            String suggestion = Suggestions.closest(reference.name(), candidates);
            var data = new LinkedHashMap<String, Object>();
            data.put("referenceStart", reference.start());
            data.put("referenceEnd", reference.end());
            if (suggestion != null) {
                data.put(DiagnosticData.SUGGESTION, suggestion);
            }
            findings.add(new Finding(
                    path,
                    Finding.Target.VALUE,
                    severity,
                    code,
                    message + (suggestion == null ? "" : "; did you mean `" + suggestion + "`?"),
                    data));
        }
    }
}
