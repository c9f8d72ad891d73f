package dev.flowbench.app.cli;

import dev.flowbench.engine.Engine;
import dev.flowbench.engine.FlowException;
import dev.flowbench.engine.RunnerResolver;
import dev.flowbench.engine.TaskPlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flowbench plan}: what each task would run and on what, in an environment, without running anything. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = "Show, for each script task, the effective runner configuration and what the runner would"
                + " submit (container, pod spec, job definition), secrets masked, without contacting any engine.")
final class PlanCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOptions options;

    @Option(names = "--env", paramLabel = "NAME", description = "The environment (environments/NAME.yaml).")
    String environment;

    @Option(
            names = {"-i", "--input"},
            paramLabel = "KEY=VALUE",
            description = "A flow input (repeatable).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--task", paramLabel = "ID", description = "Only this task.")
    String task;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Parameters(paramLabel = "FLOW", description = "The flow file.")
    java.nio.file.Path flow;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FlowLoader.Loaded loaded =
                FlowLoader.load(flow, environment, options, spec.commandLine().getErr());
        var data = loaded.workspace().resolve(".flowbench");
        Engine engine = Engine.builder(data)
                .workspace(loaded.workspace())
                .runners(RunnerResolver.of(options.registry(loaded.workspace())))
                .build();
        var run = loaded.run()
                .withInputs(FlowLoader.inputs(inputs))
                .withSecrets(SecretPlaceholders.complete(
                        loaded.run().flow(), loaded.run().secrets()));
        if (task != null) {
            run = run.withOnlyTask(task);
        }
        List<TaskPlan> plans;
        try {
            plans = engine.plan(run);
        } catch (FlowException bad) {
            throw new UserError(bad.getMessage());
        }
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (TaskPlan plan : plans) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("task", plan.taskId());
                item.put("type", plan.type());
                item.put("runnerConfig", plan.runnerConfig());
                item.put("runner", plan.plan() == null ? null : plan.plan().runner());
                item.put("summary", plan.plan() == null ? null : plan.plan().summary());
                item.put("spec", plan.plan() == null ? null : plan.plan().spec());
                item.put("error", plan.error());
                list.add(item);
            }
            out.println(Json.write(list));
            return plans.stream().anyMatch(p -> p.error() != null) ? FlowbenchCommand.FAILED : FlowbenchCommand.OK;
        }
        out.println(
                "# plan of " + flow + (environment == null ? " (no environment)" : " in environment " + environment));
        for (TaskPlan plan : plans) {
            out.println();
            out.println("## " + plan.taskId() + " (" + plan.type() + ")");
            if (plan.error() != null) {
                out.println("error: " + plan.error());
                continue;
            }
            out.println("runner configuration: " + Json.compact(plan.runnerConfig()));
            out.println(plan.plan().render());
        }
        return plans.stream().anyMatch(p -> p.error() != null) ? FlowbenchCommand.FAILED : FlowbenchCommand.OK;
    }
}
