package dev.flowbench.runner.docker;

import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.core.NameParser;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the registry credentials for pulling an image from the runner's {@code credentials} or, failing that, the
 * {@code auths} of its {@code config} (a {@code config.json} as a map or a JSON string).
 */
final class RegistryAuth {

    /** The registry address docker-java and the engine use for Docker Hub images. */
    static final String DOCKER_HUB = "https://index.docker.io/v1/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RegistryAuth() {}

    /**
     * The credentials for pulling {@code image}, or null when the runner configures none for its registry.
     *
     * @throws IllegalArgumentException when {@code config} is a string that is not JSON
     */
    static AuthConfig forImage(String image, DockerRunner.Credentials credentials, Object config) {
        String registry = registryOf(image);
        if (credentials != null && hasAny(credentials)) {
            String address =
                    credentials.registry() == null || credentials.registry().isBlank()
                            ? registry
                            : credentials.registry().strip();
            return new AuthConfig()
                    .withRegistryAddress(address)
                    .withUsername(credentials.username())
                    .withPassword(credentials.password())
                    .withRegistrytoken(credentials.registryToken())
                    .withIdentityToken(credentials.identityToken())
                    .withAuth(credentials.auth());
        }
        Map<?, ?> auths = auths(config);
        for (Map.Entry<?, ?> entry : auths.entrySet()) {
            if (sameRegistry(String.valueOf(entry.getKey()), registry) && entry.getValue() instanceof Map<?, ?> auth) {
                return new AuthConfig()
                        .withRegistryAddress(String.valueOf(entry.getKey()))
                        .withAuth(text(auth.get("auth")))
                        .withUsername(text(auth.get("username")))
                        .withPassword(text(auth.get("password")))
                        .withIdentityToken(text(auth.get("identitytoken")))
                        .withRegistrytoken(text(auth.get("registrytoken")));
            }
        }
        return null;
    }

    /** The registry an image reference names, {@link #DOCKER_HUB} when it names none. */
    static String registryOf(String image) {
        String hostname = NameParser.resolveRepositoryName(image).hostname;
        return hostname == null || hostname.isBlank() || hostname.equals("docker.io") ? DOCKER_HUB : hostname;
    }

    private static boolean hasAny(DockerRunner.Credentials c) {
        return c.username() != null
                || c.password() != null
                || c.registryToken() != null
                || c.identityToken() != null
                || c.auth() != null;
    }

    private static Map<?, ?> auths(Object config) {
        Object parsed = config;
        if (config instanceof String text && !text.isBlank()) {
            try {
                parsed = JSON.readValue(text, Map.class);
            } catch (JacksonException e) {
                throw new IllegalArgumentException("config: not a JSON object like the content of config.json", e);
            }
        }
        if (parsed instanceof Map<?, ?> map && map.get("auths") instanceof Map<?, ?> auths) {
            return auths;
        }
        return Map.of();
    }

    private static boolean sameRegistry(String key, String registry) {
        return strip(key).equals(strip(registry))
                || (registry.equals(DOCKER_HUB) && strip(key).matches("(index\\.|registry-1\\.)?docker\\.io"));
    }

    private static String strip(String address) {
        String s = address.replaceFirst("^https?://", "");
        int slash = s.indexOf('/');
        return slash < 0 ? s : s.substring(0, slash);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
