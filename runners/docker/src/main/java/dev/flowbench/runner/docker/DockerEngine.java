package dev.flowbench.runner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Docker engine reached through docker-java, and the translation of its failures into one-line messages.
 *
 * <p>Clients are shared per address: docker-java clients are thread-safe and keep a connection pool, and
 * creating one per task would cost a TLS or socket handshake each time. The engine is also remembered per
 * {@code host} as written, so that a task does not read the client configuration (environment, properties
 * files) again.
 *
 * @param address where the engine is, e.g. {@code unix:///var/run/docker.sock}
 * @param client the client talking to it
 * @param http the transport under {@code client}, for the few requests docker-java has no command for
 */
record DockerEngine(String address, DockerClient client, DockerHttpClient http) {

    private static final Map<String, DockerEngine> ENGINES = new ConcurrentHashMap<>();
    private static final Map<String, DockerEngine> BY_HOST = new ConcurrentHashMap<>();
    private static final Pattern ENGINE_MESSAGE = Pattern.compile("\\{\\s*\"message\"\\s*:\\s*\"(.*)\"\\s*}\\s*$");

    /**
     * The engine at {@code host}, or where {@code DOCKER_HOST} (or else the platform's default socket) points when
     * {@code host} is null; never null. Nothing is contacted yet.
     */
    static DockerEngine at(String host) {
        return BY_HOST.computeIfAbsent(host == null ? "" : host, h -> connect(host));
    }

    private static DockerEngine connect(String host) {
        DockerClientConfig config = config(host);
        String address = config.getDockerHost().toString();
        return ENGINES.computeIfAbsent(address, a -> {
            ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                    .dockerHost(config.getDockerHost())
                    .sslConfig(config.getSSLConfig())
                    .maxConnections(64)
                    .connectionTimeout(Duration.ofSeconds(10))
                    .build();
            return new DockerEngine(a, DockerClientImpl.getInstance(config, http), http);
        });
    }

    /** The address {@code host} resolves to, as {@link #at} would use it; contacts nothing. */
    static String addressOf(String host) {
        return config(host).getDockerHost().toString();
    }

    private static DockerClientConfig config(String host) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (host != null) {
            builder.withDockerHost(host);
        }
        return builder.build();
    }

    /**
     * A one-line message for {@code failure} of {@code action} (e.g. "cannot create the container"): an engine that
     * cannot be reached reads "cannot reach Docker at ADDRESS: reason", an engine's refusal gives the engine's own
     * message.
     */
    String explain(String action, Throwable failure) {
        if (isUnreachable(failure)) {
            return "cannot reach Docker at " + address + ": " + rootMessage(failure);
        }
        return action + ": " + engineMessage(failure);
    }

    /** Whether {@code failure} means the engine could not be contacted at all. */
    static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DockerException) {
                return false;
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The engine's own message in a docker-java exception ({@code Status 404: {"message":"…"}}), or the text. */
    static String engineMessage(Throwable failure) {
        String text = failure instanceof DockerException ? failure.getMessage() : rootMessage(failure);
        if (text == null) {
            return failure.getClass().getSimpleName();
        }
        Matcher matcher = ENGINE_MESSAGE.matcher(text.strip());
        String message = matcher.find() ? matcher.group(1).replace("\\\"", "\"").replace("\\n", " ") : text;
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }
}
