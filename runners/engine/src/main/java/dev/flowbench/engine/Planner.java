package dev.flowbench.engine;

import dev.flowbench.runner.RunnerException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Walks every task list of a flow and asks each script task's runner what it would submit. */
final class Planner {
    private static final List<String> CHILD_LISTS = List.of("tasks", "then", "else", "errors", "finally");

    private final ExecutionContext context;
    private final List<TaskPlan> plans = new ArrayList<>();

    Planner(ExecutionContext context) {
        this.context = context;
        context.planning();
    }

    List<TaskPlan> plan(Map<String, Object> flow, String onlyTask) {
        for (String list : List.of("tasks", "errors", "finally")) {
            List<Map<String, Object>> tasks = Walker.list(flow, list);
            for (int i = 0; i < tasks.size(); i++) {
                if (onlyTask == null || onlyTask.equals(ExecutionContext.taskId(tasks.get(i)))) {
                    visit(tasks.get(i), list + "[" + i + "]", Scope.ROOT);
                }
            }
        }
        return List.copyOf(plans);
    }

    private void visit(Map<String, Object> task, String path, Scope scope) {
        String type = String.valueOf(task.get("type"));
        if (ScriptAttempt.handles(type)) {
            plans.add(planOne(task, type, path, scope));
            return;
        }
        Scope inner = type.equals(Walker.FOR_EACH) ? scope.withValue("<taskrun.value>") : scope;
        for (String list : CHILD_LISTS) {
            List<Map<String, Object>> children = Walker.list(task, list);
            for (int i = 0; i < children.size(); i++) {
                visit(children.get(i), path + "." + list + "[" + i + "]", inner);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private TaskPlan planOne(Map<String, Object> task, String type, String path, Scope scope) {
        String id = ExecutionContext.taskId(task);
        TaskRun run = new TaskRun(
                "planned-" + id,
                context.id,
                id,
                type,
                null,
                scope.value(),
                1,
                State.CREATED,
                null,
                null,
                Map.of(),
                null);
        try {
            ScriptAttempt.Prepared prepared = ScriptAttempt.prepare(context, run, task, scope, 1, false);
            Map<String, Object> config = prepared.runnerConfig() == null
                    ? Map.of()
                    : (Map<String, Object>) context.masker.maskTree(prepared.runnerConfig());
            return new TaskPlan(id, type, path, config, prepared.runner().plan(prepared.request()), null);
        } catch (FlowException | TemplateException | RunnerException e) {
            return new TaskPlan(id, type, path, Map.of(), null, context.masker.mask(e.getMessage()));
        }
    }
}
