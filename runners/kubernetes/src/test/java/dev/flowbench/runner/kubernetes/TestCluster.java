package dev.flowbench.runner.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes API for tests: fabric8's mock API server in CRUD mode (pods, ConfigMaps, watches and status as a
 * real API server stores them) whose pod log endpoint is answered from the {@link TestKubelet}'s container logs,
 * honouring {@code container}, {@code timestamps} and {@code sinceTime}. It records the {@code Authorization}
 * header of every request, so tests can see which credentials a client used.
 */
final class TestCluster implements AutoCloseable {

    private static final Pattern LOG_PATH = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/?]+)/log(?:\\?(.*))?");

    /** Kept so that the level sticks: the mock server logs every request at INFO. */
    private static final java.util.logging.Logger MOCK_LOG =
            java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final KubernetesMockServer server;
    private final KubernetesClient admin;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private volatile TestKubelet kubelet;

    /** A started API server; with {@code runPods}, a kubelet runs its pods on Docker (which must be there). */
    TestCluster(boolean runPods) {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        Dispatcher crud = new KubernetesMixedDispatcher(responses);
        Dispatcher dispatcher = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String auth = request.getHeader("Authorization");
                authorizations.add(auth == null ? "" : auth);
                paths.add(request.getMethod() + " " + request.getPath());
                Matcher log = LOG_PATH.matcher(request.getPath());
                if (log.matches() && "GET".equals(request.getMethod())) {
                    return log(log.group(1), log.group(2), query(log.group(3)));
                }
                return crud.dispatch(request);
            }
        };
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
        server.init();
        admin = server.createClient();
        if (runPods) {
            kubelet = new TestKubelet(admin);
        }
    }

    /** The API server's URL, e.g. {@code http://localhost:40123/}. */
    String url() {
        return server.url("/");
    }

    /** The API server's port on the loopback interface. */
    int port() {
        return server.getPort();
    }

    /** A client with full access, as the test's own view of the cluster. */
    KubernetesClient admin() {
        return admin;
    }

    /** The kubelet, or null without one. */
    TestKubelet kubelet() {
        return kubelet;
    }

    /** The {@code Authorization} header of every request so far ("" when there was none). */
    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** "METHOD path" of every request so far. */
    List<String> requests() {
        return List.copyOf(paths);
    }

    private MockResponse log(String namespace, String pod, Map<String, String> query) {
        TestKubelet node = kubelet;
        String container = query.getOrDefault("container", "");
        TestKubelet.ContainerLog log = node == null ? null : node.log(namespace, pod, container);
        if (log == null) {
            return new MockResponse()
                    .setResponseCode(400)
                    .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":"
                            + "\"container \\\"" + container + "\\\" in pod \\\"" + pod
                            + "\\\" is waiting to start\",\"reason\":\"BadRequest\",\"code\":400}");
        }
        Instant since = query.containsKey("sinceTime") ? Instant.parse(query.get("sinceTime")) : null;
        // No long-poll: the mock server answers on its event loop, so a follow request gets what there is now
        // and the client resumes, as it must when a real node closes a follow stream.
        return new MockResponse()
                .setResponseCode(200)
                .setHeader("Content-Type", "text/plain")
                .setBody(log.text(since, "true".equals(query.get("timestamps"))));
    }

    private static Map<String, String> query(String query) {
        Map<String, String> params = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(key, value);
            }
        }
        return params;
    }

    @Override
    public void close() {
        if (kubelet != null) {
            kubelet.close();
        }
        admin.close();
        server.destroy();
    }
}
