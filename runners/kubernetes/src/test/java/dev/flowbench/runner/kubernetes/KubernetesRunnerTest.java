package dev.flowbench.runner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.TaskRunner;
import dev.flowbench.runner.TaskRunnerContract;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The shared runner contract, with pods run by the test kubelet on the real Docker engine. */
class KubernetesRunnerTest extends TaskRunnerContract {

    static TestCluster cluster;

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

    @Override
    protected TaskRunner runner() {
        return runner(cluster);
    }

    @Override
    protected String containerImage() {
        return TestDocker.IMAGE;
    }

    @Override
    protected void assertNoLeftovers(RunRequest request, RunResult result) throws Exception {
        assertNoLeftovers(cluster, request);
    }

    /** A runner for the test cluster with a bearer token and quick log grace. */
    static KubernetesRunner runner(TestCluster cluster) {
        return new KubernetesRunner(
                config(cluster.url()),
                "flowbench-tests",
                KubernetesRunner.PullPolicy.NEVER,
                null,
                null,
                null,
                null,
                Duration.ofSeconds(60),
                null,
                Duration.ofSeconds(10),
                true,
                null);
    }

    static KubernetesRunner.Config config(String url) {
        return new KubernetesRunner.Config(
                url, null, null, "test-token", null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Neither the pod, its ConfigMap nor any Docker container or volume of it remains (waits a little). */
    static void assertNoLeftovers(TestCluster cluster, RunRequest request) throws InterruptedException {
        String pod = PodSpecFactory.podName(request);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline
                && (cluster.admin()
                                        .pods()
                                        .inNamespace("flowbench-tests")
                                        .withName(pod)
                                        .get()
                                != null
                        || !TestKubelet.leftovers("flowbench-tests", pod).isEmpty())) {
            Thread.sleep(100);
        }
        assertThat(cluster.admin()
                        .pods()
                        .inNamespace("flowbench-tests")
                        .withName(pod)
                        .get())
                .as("pod " + pod)
                .isNull();
        assertThat(cluster.admin()
                        .configMaps()
                        .inNamespace("flowbench-tests")
                        .withName(pod + "-files")
                        .get())
                .isNull();
        assertThat(TestKubelet.leftovers("flowbench-tests", pod))
                .as("containers and volumes of the pod")
                .isEmpty();
    }
}
