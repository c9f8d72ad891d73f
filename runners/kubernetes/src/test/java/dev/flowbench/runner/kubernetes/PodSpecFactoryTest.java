package dev.flowbench.runner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbench.runner.RecordingListener;
import dev.flowbench.runner.RunCommand;
import dev.flowbench.runner.RunPlan;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunnerException;
import dev.flowbench.runner.SecretMasker;
import dev.flowbench.runner.TaskIdentity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pod a run creates, and the plan showing it, without any cluster. */
class PodSpecFactoryTest {

    private static final KubernetesRunner.Config CONFIG = KubernetesRunnerTest.config("https://k8s.example.com:6443");

    @Test
    void podHasMainContainerWithTheTasksImageCommandEnvAndResources() {
        KubernetesRunner runner = runner(KubernetesRunner.PullPolicy.ALWAYS);
        Pod pod = PodSpecFactory.build(runner, request(), "company.team").pod();
        assertThat(pod.getMetadata().getNamespace()).isEqualTo("company.team");
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("runner");
        assertThat(pod.getSpec().getActiveDeadlineSeconds()).isEqualTo(660L);
        assertThat(pod.getSpec().getContainers()).extracting(Container::getName).containsExactly("main", "files");
        Container main = pod.getSpec().getContainers().getFirst();
        assertThat(main.getImage()).isEqualTo("python:3.12");
        assertThat(main.getImagePullPolicy()).isEqualTo("Always");
        assertThat(main.getWorkingDir()).isEqualTo("/flowbench/work");
        assertThat(main.getCommand()).endsWith("/bin/sh", "-c", "echo hi");
        assertThat(main.getEnv()).singleElement().satisfies(e -> {
            assertThat(e.getName()).isEqualTo("TOKEN");
            assertThat(e.getValue()).isEqualTo("s3cret");
        });
        assertThat(main.getResources().getRequests().get("cpu").toString()).isEqualTo("500m");
        assertThat(main.getResources().getLimits().get("memory").toString()).isEqualTo("1Gi");
        assertThat(pod.getMetadata().getLabels())
                .containsEntry("flowbench.dev/flow", "hello")
                .containsEntry("flowbench.dev/execution", "exec-1")
                .containsEntry("flowbench.dev/taskrun", "run-1")
                .containsEntry("tier", "batch");
        assertThat(pod.getSpec().getInitContainers())
                .extracting(Container::getName)
                .containsExactly("init-files");
    }

    @Test
    void pullPolicyAcceptsBothSpellings() {
        assertThat(PodSpecFactory.pullPolicy(runner(KubernetesRunner.PullPolicy.IF_NOT_PRESENT)))
                .isEqualTo("IfNotPresent");
        assertThat(PodSpecFactory.pullPolicy(runner(KubernetesRunner.PullPolicy.IfNotPresent)))
                .isEqualTo("IfNotPresent");
        assertThat(PodSpecFactory.pullPolicy(runner(KubernetesRunner.PullPolicy.NEVER)))
                .isEqualTo("Never");
        assertThat(PodSpecFactory.pullPolicy(runner(KubernetesRunner.PullPolicy.Always)))
                .isEqualTo("Always");
        assertThat(PodSpecFactory.pullPolicy(runner(null))).isEqualTo("IfNotPresent");
    }

    @Test
    void inputFilesTravelInAConfigMapCopiedByTheInitContainer() {
        RunRequest request = request().withInputFiles(Map.of("data/in.txt", "abc", "it's.txt", "x"));
        var specs = PodSpecFactory.build(runner(null), request, "ns");
        assertThat(specs.configMap().getData()).containsEntry("f0", "abc").containsEntry("f1", "x");
        String init = specs.pod()
                .getSpec()
                .getInitContainers()
                .getFirst()
                .getCommand()
                .get(2);
        assertThat(init)
                .contains("cat /flowbench-inputs/f0 > '/flowbench/work/data/in.txt'")
                .contains("> '/flowbench/work/it'\\''s.txt'")
                .contains("mkfifo /flowbench/io/stderr");
    }

    @Test
    void taskWithoutContainerImageGetsOneClearLine() {
        var listener = new RecordingListener();
        RunRequest request = request().withContainerImage(null);
        assertThatThrownBy(() -> runner(null).run(request, listener))
                .isInstanceOf(RunnerException.class)
                .hasMessage("the Kubernetes runner needs containerImage on the task");
        assertThat(listener.events()).containsExactly("failed");
    }

    @Test
    void planShowsThePodAndMasksSecrets() {
        RunRequest request = request().withMasker(SecretMasker.of("s3cret"));
        RunPlan plan = runner(KubernetesRunner.PullPolicy.ALWAYS).plan(request);
        String text = plan.render();
        assertThat(plan.summary()).contains("in namespace company.team from python:3.12");
        assertThat(text)
                .contains("server: https://k8s.example.com:6443/")
                .contains("imagePullPolicy: Always")
                .contains("name: main")
                .contains("cpu: 500m")
                .contains("value: \"" + SecretMasker.MASK + "\"")
                .doesNotContain("s3cret");
    }

    @Test
    void podNameIsDnsSafeStableAndUniquePerAttempt() {
        RunRequest request = request();
        String name = PodSpecFactory.podName(request);
        assertThat(name).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThanOrEqualTo(63);
        assertThat(name).startsWith("flowbench-say-hello-").isEqualTo(PodSpecFactory.podName(request));
        var retry = new TaskIdentity("company.team", "hello", "exec-1", "Say_Hello!", "run-1", 2);
        assertThat(PodSpecFactory.podName(RunRequest.of(retry, request.command(), Path.of("w"), Path.of("o"))))
                .isNotEqualTo(name);
    }

    @Test
    void globsBecomeFindPatternsWithBracesExpanded() {
        assertThat(PodSpecFactory.findPatterns("out/**/*.{csv,json}")).containsExactly("out/*/*.csv", "out/*/*.json");
        assertThat(PodSpecFactory.labelValue("exec:1/2 ")).isEqualTo("exec-1-2");
    }

    @Test
    void inputFilesTooLargeForAConfigMapAreRefused() {
        RunRequest request = request().withInputFiles(Map.of("big.txt", "x".repeat(1_000_000)));
        assertThatThrownBy(() -> PodSpecFactory.build(runner(null), request, "ns"))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining("which holds at most 1 MiB");
    }

    private static KubernetesRunner runner(KubernetesRunner.PullPolicy pullPolicy) {
        return new KubernetesRunner(
                CONFIG,
                "company.team",
                pullPolicy,
                "runner",
                Map.of("tier", "batch"),
                null,
                new KubernetesRunner.Resources(
                        new KubernetesRunner.Quantities("500m", "256Mi"), new KubernetesRunner.Quantities(null, "1g")),
                Duration.ofMinutes(1),
                Duration.ofMinutes(10),
                null,
                null,
                null);
    }

    private static RunRequest request() {
        return RunRequest.of(
                        new TaskIdentity("company.team", "hello", "exec-1", "Say_Hello!", "run-1", 1),
                        RunCommand.shell("echo hi"),
                        Path.of("work"),
                        Path.of("out"))
                .withEnv(Map.of("TOKEN", "s3cret"))
                .withContainerImage("python:3.12")
                .withOutputFiles(List.of("*.csv"));
    }
}
