package dev.flowbench.schema.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.schema.environment.EffectiveConfiguration;
import dev.flowbench.schema.environment.Environment;
import dev.flowbench.schema.yaml.YamlDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginDefaultsTest {
    private static MergedFlow merge(String flow, String environment) {
        return EffectiveConfiguration.merge(
                YamlDocument.parse(flow),
                environment == null ? null : Environment.of("test", YamlDocument.parse(environment)));
    }

    private static Object at(MergedFlow flow, String pointer) {
        return Values.at(flow.flow(), pointer);
    }

    private static final String SCRIPT_TASK = """
            id: f
            namespace: company.team
            tasks:
              - id: t
                type: io.kestra.plugin.scripts.shell.Commands
                commands: [echo]
            """;

    @Test
    void prefixDefaultReachesScriptTasksAtEveryDepthAndNothingElse() {
        var merged = merge("""
                id: f
                namespace: company.team
                pluginDefaults:
                  - type: io.kestra.plugin.scripts
                    values: {containerImage: alpine}
                  - type: io.kestra.plugin.core.trigger.Schedule
                    values: {timezone: Europe/Paris}
                tasks:
                  - id: top
                    type: io.kestra.plugin.scripts.shell.Commands
                  - id: parallel
                    type: io.kestra.plugin.core.flow.Parallel
                    tasks:
                      - id: child
                        type: io.kestra.plugin.scripts.python.Script
                  - id: log
                    type: io.kestra.plugin.core.log.Log
                errors:
                  - id: onError
                    type: io.kestra.plugin.scripts.shell.Commands
                finally:
                  - id: always
                    type: io.kestra.plugin.scripts.shell.Script
                triggers:
                  - id: nightly
                    type: io.kestra.plugin.core.trigger.Schedule
                """, null);

        for (String task : List.of("top", "child", "onError", "always")) {
            assertThat(merged.task(task).orElseThrow().values()).as(task).containsEntry("containerImage", "alpine");
        }
        assertThat(merged.task("parallel").orElseThrow().values()).doesNotContainKey("containerImage");
        assertThat(merged.task("log").orElseThrow().values()).doesNotContainKey("containerImage");
        assertThat(merged.task("nightly").orElseThrow().values()).containsEntry("timezone", "Europe/Paris");
        assertThat(at(merged, "/pluginDefaults/0/values"))
                .as("the defaults list itself is left alone")
                .isEqualTo(Map.of("containerImage", "alpine"));
    }

    @Test
    void typeMatchesAsAPlainStringPrefixAsInKestra() {
        var merged = merge("""
                id: f
                pluginDefaults:
                  - type: io.kestra.plugin.scripts.sh
                    values: {containerImage: alpine}
                tasks:
                  - id: shell
                    type: io.kestra.plugin.scripts.shell.Commands
                  - id: python
                    type: io.kestra.plugin.scripts.python.Script
                """, null);

        assertThat(merged.task("shell").orElseThrow().values()).containsKey("containerImage");
        assertThat(merged.task("python").orElseThrow().values()).doesNotContainKey("containerImage");
    }

    @Test
    void taskValuesWinOverDefaultsAndForcedDefaultsWinOverTheTask() {
        var merged = merge("""
                id: f
                pluginDefaults:
                  - type: io.kestra.plugin.scripts
                    values: {containerImage: default-image, timeout: PT1H}
                  - type: io.kestra.plugin.scripts
                    forced: true
                    values: {allowFailure: false}
                tasks:
                  - id: t
                    type: io.kestra.plugin.scripts.shell.Commands
                    containerImage: task-image
                    allowFailure: true
                """, null);

        assertThat(merged.task("t").orElseThrow().values())
                .containsEntry("containerImage", "task-image")
                .containsEntry("timeout", "PT1H")
                .containsEntry("allowFailure", false);
    }

    @Test
    void mapsMergeDeeplyAndListsConcatenateWithoutDuplicatesDefaultItemsFirst() {
        var merged = merge("""
                id: f
                pluginDefaults:
                  - type: io.kestra.plugin.scripts
                    values:
                      beforeCommands: [apk add curl, apk add jq]
                      taskRunner:
                        type: io.kestra.plugin.scripts.runner.docker.Docker
                        cpu: {cpus: 1}
                        memory: {memory: 512Mi}
                tasks:
                  - id: t
                    type: io.kestra.plugin.scripts.shell.Commands
                    beforeCommands: [apk add jq, pip install x]
                    taskRunner:
                      cpu: {cpus: 4}
                """, null);

        var task = merged.task("t").orElseThrow();
        assertThat(task.values().get("beforeCommands"))
                .isEqualTo(List.of("apk add curl", "apk add jq", "pip install x"));
        assertThat(task.values().get("taskRunner"))
                .isEqualTo(Map.of(
                        "type", "io.kestra.plugin.scripts.runner.docker.Docker",
                        "cpu", Map.of("cpus", 4L),
                        "memory", Map.of("memory", "512Mi")));
        assertThat(task.origin("/beforeCommands/0").orElseThrow().pointer())
                .isEqualTo("/pluginDefaults/0/values/beforeCommands/0");
        assertThat(task.origin("/beforeCommands/2").orElseThrow().pointer()).isEqualTo("/tasks/0/beforeCommands/1");
        assertThat(task.origin("/taskRunner/cpu/cpus").orElseThrow().fromFlow()).isTrue();
    }

    private static final String EVERY_LEVEL = """
            pluginDefaults:
              - type: io.kestra.plugin.scripts
                %1$s
                values: {level: instance, instanceOnly: yes}
            tenants:
              main:
                pluginDefaults:
                  - type: io.kestra.plugin.scripts
                    %1$s
                    values: {level: tenant, tenantOnly: yes}
            namespaces:
              company:
                pluginDefaults:
                  - type: io.kestra.plugin.scripts
                    %1$s
                    values: {level: parent namespace, parentOnly: yes}
              company.team:
                pluginDefaults:
                  - type: io.kestra.plugin.scripts
                    %1$s
                    values: {level: child namespace, childOnly: yes}
              company.teamwork:
                pluginDefaults:
                  - type: io.kestra.plugin.scripts
                    values: {level: not a parent, unrelated: yes}
            tenant: main
            """;

    private static final String FLOW_WITH_DEFAULT = """
            id: f
            namespace: company.team
            pluginDefaults:
              - type: io.kestra.plugin.scripts
                %s
                values: {level: flow}
            tasks:
              - id: t
                type: io.kestra.plugin.scripts.shell.Commands
            """;

    @Test
    void nonForcedDefaultsRankFlowOverNamespaceOverTenantOverInstance() {
        String environment = EVERY_LEVEL.formatted("forced: false");
        var withFlowDefault = merge(FLOW_WITH_DEFAULT.formatted("forced: false"), environment);
        var withoutFlowDefault = merge(SCRIPT_TASK, environment);

        assertThat(withFlowDefault.task("t").orElseThrow().values())
                .containsEntry("level", "flow")
                .containsKeys("instanceOnly", "tenantOnly", "parentOnly", "childOnly")
                .doesNotContainKey("unrelated");
        assertThat(withoutFlowDefault.task("t").orElseThrow().values()).containsEntry("level", "child namespace");
        var withoutNamespaces =
                merge(SCRIPT_TASK, EVERY_LEVEL.formatted("forced: false").replace("namespaces:", "other:"));
        assertThat(withoutNamespaces.task("t").orElseThrow().values()).containsEntry("level", "tenant");
        assertThat(merge(SCRIPT_TASK.replace("company.team", "elsewhere"), environment.replace("tenant: main", ""))
                        .task("t")
                        .orElseThrow()
                        .values())
                .containsEntry("level", "instance");
    }

    @Test
    void forcedDefaultsRankInstanceOverTenantOverNamespaceOverFlow() {
        var merged = merge(FLOW_WITH_DEFAULT.formatted("forced: true"), EVERY_LEVEL.formatted("forced: true"));
        assertThat(merged.task("t").orElseThrow().values()).containsEntry("level", "instance");

        var noInstance = EVERY_LEVEL
                .formatted("forced: true")
                .replaceFirst(
                        "pluginDefaults:\n  - type: io.kestra.plugin.scripts\n    forced: true\n    values: \\{level: instance, instanceOnly: yes}\n",
                        "");
        assertThat(merge(FLOW_WITH_DEFAULT.formatted("forced: true"), noInstance)
                        .task("t")
                        .orElseThrow()
                        .values())
                .containsEntry("level", "tenant");
        var noTenant = noInstance.replace("tenant: main", "");
        assertThat(merge(FLOW_WITH_DEFAULT.formatted("forced: true"), noTenant)
                        .task("t")
                        .orElseThrow()
                        .values())
                .as("the parent namespace is further out than the child")
                .containsEntry("level", "parent namespace");
    }

    @Test
    void atOneLevelTheExactTypeBeatsALongerPrefixWhichBeatsAShorterOneThenTheFirstWritten() {
        var merged = merge("""
                id: f
                pluginDefaults:
                  - type: io.kestra
                    values: {a: shortest, b: shortest, c: shortest, d: shortest}
                  - type: io.kestra.plugin.scripts
                    values: {a: longer, b: longer, c: longer}
                  - type: io.kestra.plugin.scripts.shell.Commands
                    values: {a: exact}
                  - type: io.kestra.plugin.scripts
                    values: {b: longer written later}
                tasks:
                  - id: t
                    type: io.kestra.plugin.scripts.shell.Commands
                """, null);

        assertThat(merged.task("t").orElseThrow().values())
                .containsEntry("a", "exact")
                .containsEntry("b", "longer")
                .containsEntry("c", "longer")
                .containsEntry("d", "shortest");
    }

    @Test
    void aTaskRunnerOfAnotherTypeReplacesTheDefaultRunnerWhole() {
        var merged = merge("""
                id: f
                namespace: company.team
                tasks:
                  - id: t
                    type: io.kestra.plugin.scripts.shell.Commands
                    taskRunner:
                      type: io.kestra.plugin.ee.aws.runner.Batch
                      computeEnvironmentArn: arn:aws:batch:env
                """, """
                pluginDefaults:
                  - type: io.kestra.plugin.scripts
                    values:
                      taskRunner:
                        type: io.kestra.plugin.scripts.runner.docker.Docker
                        pullPolicy: IF_NOT_PRESENT
                        cpu: {cpus: 1}
                """);

        assertThat(merged.task("t").orElseThrow().values().get("taskRunner"))
                .isEqualTo(Map.of(
                        "type", "io.kestra.plugin.ee.aws.runner.Batch", "computeEnvironmentArn", "arn:aws:batch:env"));
    }

    @Test
    void aRunnerSuppliedByADefaultReceivesTheDefaultsOfItsOwnType() {
        var merged = merge(SCRIPT_TASK + """
                pluginDefaults:
                  - type: io.kestra.plugin.ee.kubernetes.runner.Kubernetes
                    values: {namespace: flow-namespace}
                """, """
                pluginDefaults:
                  - type: io.kestra.plugin.scripts
                    values:
                      taskRunner:
                        type: io.kestra.plugin.ee.kubernetes.runner.Kubernetes
                        namespace: instance-namespace
                namespaces:
                  company:
                    pluginDefaults:
                      - type: io.kestra.plugin.ee.kubernetes.runner.Kubernetes
                        values: {config: {masterUrl: "{{ secret('K8S_MASTER_URL') }}"}}
                """);

        var task = merged.task("t").orElseThrow();
        assertThat(task.values().get("taskRunner"))
                .isEqualTo(Map.of(
                        "type", "io.kestra.plugin.ee.kubernetes.runner.Kubernetes",
                        "namespace", "flow-namespace",
                        "config", Map.of("masterUrl", "{{ secret('K8S_MASTER_URL') }}")));
        assertThat(task.origin("/taskRunner/namespace").orElseThrow().describe())
                .startsWith("flow default #1");
        assertThat(task.origin("/taskRunner/config/masterUrl").orElseThrow().describe())
                .startsWith("namespace company default #1 in environments/test.yaml");
    }

    @Test
    void aDefaultDoesNotApplyAgainToTheRunnerInsideATaskItApplied() {
        var merged = merge("""
                id: f
                pluginDefaults:
                  - type: io.kestra.plugin.scripts
                    values:
                      taskRunner: {type: io.kestra.plugin.scripts.runner.docker.Docker, pullPolicy: ALWAYS}
                tasks:
                  - id: own
                    type: io.kestra.plugin.scripts.shell.Commands
                    taskRunner: {type: io.kestra.plugin.scripts.runner.docker.Docker, pullPolicy: NEVER}
                  - id: runnerOnly
                    type: io.kestra.plugin.core.flow.WorkingDirectory
                    taskRunner: {type: io.kestra.plugin.scripts.runner.docker.Docker}
                """, null);

        assertThat(merged.task("own").orElseThrow().values().get("taskRunner"))
                .isEqualTo(Map.of("type", "io.kestra.plugin.scripts.runner.docker.Docker", "pullPolicy", "NEVER"));
        assertThat(merged.task("runnerOnly").orElseThrow().values().get("taskRunner"))
                .as("a runner no enclosing plugin took the default from still matches it")
                .isEqualTo(Map.of(
                        "type",
                        "io.kestra.plugin.scripts.runner.docker.Docker",
                        "taskRunner",
                        Map.of("type", "io.kestra.plugin.scripts.runner.docker.Docker", "pullPolicy", "ALWAYS")));
    }

    @Test
    void defaultsSupplyingPluginsOfTheirOwnTypeStopInsteadOfNestingForever() {
        var merged = merge("""
                id: f
                pluginDefaults:
                  - type: io.a
                    values: {tasks: [{id: inner, type: io.a.b}]}
                  - type: io.a.b
                    values: {next: {type: io.a.c}}
                tasks:
                  - id: t
                    type: io.a
                """, null);

        // io.a supplies an io.a.b task, which gets io.a.b's io.a.c plugin; neither applies inside what it supplied
        assertThat(at(merged, "/tasks/0/tasks/0"))
                .isEqualTo(Map.of("id", "inner", "type", "io.a.b", "next", Map.of("type", "io.a.c")));
    }

    @Test
    void aKeyWrittenWithoutValueCountsAsAbsent() {
        var merged = merge("""
                id: f
                pluginDefaults:
                  - type: io.kestra.plugin.scripts
                    values: {containerImage: alpine}
                tasks:
                  - id: t
                    type: io.kestra.plugin.scripts.shell.Commands
                    containerImage:
                """, null);

        assertThat(merged.task("t").orElseThrow().values()).containsEntry("containerImage", "alpine");
    }

    @Test
    void originsNameTheDefaultAndPointAtTheValueInItsFile() {
        var merged = merge(SCRIPT_TASK, """
                # comment
                namespaces:
                  company.team:
                    pluginDefaults:
                      - type: io.kestra.plugin.scripts
                        forced: true
                        values:
                          containerImage: python:3.12
                """);

        var origin = merged.origin("/tasks/0/containerImage").orElseThrow();
        assertThat(origin.describe())
                .isEqualTo("forced namespace company.team default #1 in environments/test.yaml, line 8");
        assertThat(origin.file()).isEqualTo("environments/test.yaml");
        assertThat(origin.entry().level()).isEqualTo(DefaultLevel.NAMESPACE);
        assertThat(YamlDocTestSupport.span(origin.valueRange().orElseThrow())).isEqualTo("8:27-8:38");
        assertThat(YamlDocTestSupport.span(origin.keyOrValueRange().orElseThrow()))
                .isEqualTo("8:11-8:25");
        assertThat(merged.origin("/tasks/0/commands/0").orElseThrow().fromFlow())
                .isTrue();
        assertThat(merged.origin("/tasks/0/nothing")).isEmpty();
    }

    @Test
    void aFlowThatNoDefaultConcernsIsSharedNotCopied() {
        var document = YamlDocument.parse(SCRIPT_TASK);
        var merged = PluginDefaults.apply(document, List.of());

        @SuppressWarnings("unchecked")
        var root = (Map<String, Object>) document.root();
        assertThat(merged.flow().get("tasks")).isSameAs(root.get("tasks"));
        assertThat(merged.origin("/tasks/0/id").orElseThrow().pointer()).isEqualTo("/tasks/0/id");
    }

    @Test
    void tasksAreFoundByIdAtAnyDepthButNotAmongInputs() {
        var merged = merge("""
                id: f
                inputs:
                  - id: name
                    type: STRING
                tasks:
                  - id: outer
                    type: io.kestra.plugin.core.flow.Sequential
                    tasks:
                      - id: name
                        type: io.kestra.plugin.core.log.Log
                """, null);

        assertThat(merged.task("name").orElseThrow().pointer()).isEqualTo("/tasks/0/tasks/0");
        assertThat(merged.taskIds()).containsExactly("outer", "name");
        assertThat(merged.task("missing")).isEmpty();
    }

    @Test
    void effectiveTaskListsTheOriginOfEveryLeaf() {
        var task = merge(SCRIPT_TASK, """
                pluginDefaults:
                  - type: io.kestra.plugin.scripts
                    values: {taskRunner: {type: io.kestra.plugin.core.runner.Process}}
                """).task("t").orElseThrow();

        assertThat(task.origins().keySet()).containsExactly("/id", "/type", "/commands/0", "/taskRunner/type");
        assertThat(task.origins().get("/taskRunner/type").describe())
                .isEqualTo("instance default #1 in environments/test.yaml, line 3");
        assertThat(task.origins().get("/commands/0").describe()).isEqualTo("task itself, line 6");
    }
}
