package dev.flowbench.runner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowbench.runner.RunnerException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the runner's {@code config} (or the kubeconfig) becomes the credentials the API server sees. */
class KubernetesConnectionTest {

    static TestCluster cluster;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        cluster = new TestCluster(false);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void oauthTokenIsSentAsBearerToken() {
        var config = new KubernetesRunner.Config(
                cluster.url(),
                null,
                null,
                "token-123",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(lastAuthorization(config)).isEqualTo("Bearer token-123");
    }

    @Test
    void usernameAndPasswordAreSentAsBasicAuth() {
        var config = new KubernetesRunner.Config(
                cluster.url(),
                "alice",
                "wonderland",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        String expected = Base64.getEncoder().encodeToString("alice:wonderland".getBytes(StandardCharsets.UTF_8));
        assertThat(lastAuthorization(config)).isEqualTo("Basic " + expected);
    }

    @Test
    void kubeconfigIsUsedWhenThereIsNoConfig() throws Exception {
        Path kubeconfig = temp.resolve("config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: test
                    cluster:
                      server: %s
                users:
                  - name: me
                    user:
                      token: from-kubeconfig
                contexts:
                  - name: test
                    context: {cluster: test, user: me, namespace: from-kubeconfig}
                current-context: test
                """.formatted(cluster.url()));
        String previous = System.getProperty("kubeconfig");
        System.setProperty("kubeconfig", kubeconfig.toString());
        try {
            assertThat(lastAuthorization(null)).isEqualTo("Bearer from-kubeconfig");
            var runner = new KubernetesRunner(null, null, null, null, null, null, null, null, null, null, null, null);
            assertThat(runner.namespace(KubernetesConnection.config(null).getNamespace()))
                    .isEqualTo("from-kubeconfig");
        } finally {
            if (previous == null) {
                System.clearProperty("kubeconfig");
            } else {
                System.setProperty("kubeconfig", previous);
            }
        }
    }

    @Test
    void certificatesAreAcceptedAsPemTextBase64OrFile() throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
        String base64 = Base64.getEncoder().encodeToString((pem + "\n").getBytes(StandardCharsets.UTF_8));
        Path file = temp.resolve("ca.crt");
        Files.writeString(file, pem + "\n");
        assertThat(KubernetesConnection.pem("caCert", pem, null, null)).isEqualTo(base64);
        assertThat(KubernetesConnection.pem("caCert", null, base64, null)).isEqualTo(base64);
        assertThat(KubernetesConnection.pem("caCert", null, null, file.toString()))
                .isEqualTo(base64);
        assertThat(KubernetesConnection.pem("caCert", null, null, null)).isNull();
    }

    @Test
    void unreadableCertificateFileIsOneClearLine() {
        assertThatThrownBy(() -> KubernetesConnection.pem("clientKey", null, null, "/no/such/key.pem"))
                .isInstanceOf(RunnerException.class)
                .hasMessageStartingWith("clientKeyFile '/no/such/key.pem' cannot be read");
    }

    @Test
    void configWithoutMasterUrlIsOneClearLine() {
        var config = new KubernetesRunner.Config(
                null, null, null, "t", null, null, null, null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> KubernetesConnection.config(config))
                .isInstanceOf(RunnerException.class)
                .hasMessage("the Kubernetes runner's config has no masterUrl");
    }

    private static String lastAuthorization(KubernetesRunner.Config config) {
        try (KubernetesClient client = KubernetesConnection.client(config)) {
            client.pods().inNamespace("default").list();
        }
        var all = cluster.authorizations();
        return all.getLast();
    }
}
