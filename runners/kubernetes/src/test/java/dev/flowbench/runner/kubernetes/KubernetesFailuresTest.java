package dev.flowbench.runner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbench.runner.RecordingListener;
import dev.flowbench.runner.RunCommand;
import dev.flowbench.runner.RunHandle;
import dev.flowbench.runner.RunListener;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.RunnerException;
import dev.flowbench.runner.TaskIdentity;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What users see when a pod cannot run or is stopped by its node, and what the pod really gets. */
@Timeout(120)
class KubernetesFailuresTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NS = "flowbench-tests";

    static TestCluster cluster;

    @TempDir
    Path temp;

    @BeforeAll
    static void startCluster() {
        TestDocker.require();
        cluster = new TestCluster(true);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void imageMissingOnTheNodeIsExplainedAsAnImagePullFailure() throws Exception {
        RunRequest request = request("echo never").withContainerImage("local/not-there:1");
        var listener = new RecordingListener();
        RunHandle handle = runner(KubernetesRunner.PullPolicy.IF_NOT_PRESENT, null, null, null)
                .run(request, listener);
        assertThatThrownBy(() -> handle.await(WAIT))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining("cannot pull image 'local/not-there:1'")
                .hasMessageContaining("ImagePullBackOff");
        assertThat(listener.events()).containsExactly("started", "failed");
        KubernetesRunnerTest.assertNoLeftovers(cluster, request);
    }

    @Test
    void unschedulablePodIsExplainedWithTheSchedulersMessage() throws Exception {
        RunRequest request = request("echo never");
        KubernetesRunner runner =
                runner(KubernetesRunner.PullPolicy.NEVER, Map.of("disk", "hdd"), null, Duration.ofMillis(1500));
        assertThatThrownBy(() -> runner.run(request, RunListener.NONE).await(WAIT))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining("was not running within PT1.5S")
                .hasMessageContaining("could not be scheduled (Unschedulable): 0/1 nodes are available: 1 node(s)"
                        + " didn't match Pod's node affinity/selector");
        KubernetesRunnerTest.assertNoLeftovers(cluster, request);
    }

    @Test
    void containerOverItsMemoryLimitIsReportedOutOfMemoryWithTheLimit() throws Exception {
        var listener = new RecordingListener();
        RunRequest request = request("head -c 200000000 /dev/zero | tail -c 100000000 > /dev/null");
        KubernetesRunner runner = runner(
                KubernetesRunner.PullPolicy.NEVER,
                null,
                new KubernetesRunner.Resources(null, new KubernetesRunner.Quantities(null, "16Mi")),
                null);
        RunResult result = runner.run(request, listener).await(WAIT);
        assertThat(result.exitCode()).isEqualTo(137);
        assertThat(result.details()).containsEntry("reason", "OOMKilled");
        assertThat(listener.stderr()).contains("killed: out of memory (limit 16Mi)");
    }

    @Test
    void evictedPodIsExplainedWithTheNodesMessage() throws Exception {
        assertStoppedByNode(
                "Evicted",
                "The node was low on resource: memory.",
                "the pod was evicted from its node: The node was low on resource: memory.");
    }

    @Test
    void podPastItsDeadlineIsExplained() throws Exception {
        assertStoppedByNode(
                "DeadlineExceeded",
                "Pod was active on the node longer than the specified deadline",
                "the pod exceeded its deadline of 4200s (activeDeadlineSeconds) and was stopped");
    }

    private void assertStoppedByNode(String reason, String message, String expected) throws Exception {
        var listener = new RecordingListener();
        RunRequest request = request("echo started", "sleep 300");
        RunHandle handle =
                runner(KubernetesRunner.PullPolicy.NEVER, null, null, null).run(request, listener);
        assertThat(listener.awaitLine("started"::equals, WAIT)).isTrue();
        cluster.kubelet().stopPod(NS, PodSpecFactory.podName(request), reason, message);
        assertThatThrownBy(() -> handle.await(WAIT))
                .isInstanceOf(RunnerException.class)
                .hasMessageContaining(expected);
        assertThat(listener.events()).containsExactly("started", "failed");
        KubernetesRunnerTest.assertNoLeftovers(cluster, request);
    }

    @Test
    void cancelDeletesThePodAtOnceWithoutGracePeriod() throws Exception {
        var listener = new RecordingListener();
        RunRequest request = request("trap '' TERM", "echo started", "sleep 300");
        String pod = PodSpecFactory.podName(request);
        RunHandle handle =
                runner(KubernetesRunner.PullPolicy.NEVER, null, null, null).run(request, listener);
        assertThat(listener.awaitLine("started"::equals, WAIT)).isTrue();
        assertThat(cluster.admin().pods().inNamespace(NS).withName(pod).get()).isNotNull();
        handle.cancel();
        RunResult result = handle.await(WAIT);
        assertThat(result.killed()).isTrue();
        assertThat(cluster.admin().pods().inNamespace(NS).withName(pod).get()).isNull();
        assertThat(cluster.requests()).contains("DELETE /api/v1/namespaces/" + NS + "/pods/" + pod);
        KubernetesRunnerTest.assertNoLeftovers(cluster, request);
    }

    @Test
    void limitsLabelsAndSelectorReachThePodAndItsContainer() throws Exception {
        RunRequest request = request("echo ran");
        KubernetesRunner runner = new KubernetesRunner(
                KubernetesRunnerTest.config(cluster.url()),
                NS,
                KubernetesRunner.PullPolicy.Never,
                null,
                Map.of("team", "data"),
                Map.of("disk", "ssd"),
                new KubernetesRunner.Resources(
                        new KubernetesRunner.Quantities("250m", "32Mi"),
                        new KubernetesRunner.Quantities("500m", "64m")),
                null,
                null,
                Duration.ofSeconds(10),
                false,
                null);
        String name = PodSpecFactory.podName(request);
        RunResult result = runner.run(request, RunListener.NONE).await(WAIT);
        assertThat(result.exitCode()).isZero();
        Pod pod = cluster.admin().pods().inNamespace(NS).withName(name).get();
        assertThat(pod).as("delete: false keeps the pod").isNotNull();
        assertThat(pod.getMetadata().getLabels())
                .containsEntry("team", "data")
                .containsEntry("flowbench.dev/flow", "flow")
                .containsEntry("flowbench.dev/execution", request.identity().executionId())
                .containsEntry("flowbench.dev/taskrun", request.identity().taskRunId())
                .containsEntry("app.kubernetes.io/managed-by", "flowbench");
        assertThat(pod.getSpec().getNodeSelector()).containsEntry("disk", "ssd");
        var main = pod.getSpec().getContainers().getFirst();
        assertThat(main.getImagePullPolicy()).isEqualTo("Never");
        assertThat(main.getResources().getLimits().get("memory").toString()).isEqualTo("64Mi");
        String docker = cluster.kubelet().dockerId(NS, name, "main");
        assertThat(TestDocker.check(
                        List.of("inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.NanoCpus}}", docker)))
                .isEqualTo(64L * 1024 * 1024 + " 500000000");
        cluster.admin().pods().inNamespace(NS).withName(name).delete();
        KubernetesRunnerTest.assertNoLeftovers(cluster, request);
    }

    private KubernetesRunner runner(
            KubernetesRunner.PullPolicy pullPolicy,
            Map<String, String> nodeSelector,
            KubernetesRunner.Resources resources,
            Duration waitUntilRunning) {
        return new KubernetesRunner(
                KubernetesRunnerTest.config(cluster.url()),
                NS,
                pullPolicy,
                null,
                null,
                nodeSelector,
                resources,
                waitUntilRunning,
                null,
                Duration.ofSeconds(10),
                true,
                null);
    }

    private RunRequest request(String... lines) throws Exception {
        String unique = UUID.randomUUID().toString();
        Path work = Files.createDirectories(temp.resolve(unique).resolve("work"));
        Path out = Files.createDirectories(temp.resolve(unique).resolve("out"));
        return RunRequest.of(
                        new TaskIdentity("company.team", "flow", "exec-" + unique, "task", unique, 1),
                        RunCommand.shell(lines),
                        work,
                        out)
                .withContainerImage(TestDocker.IMAGE);
    }
}
