package dev.flowbench.runner.kubernetes;

import dev.flowbench.runner.RunnerException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Builds the fabric8 client configuration from the runner's {@code config}, or from the user's kubeconfig (or
 * the in-cluster service account) when there is none. Inline PEM text, base64 {@code *Data} and {@code *File}
 * paths are accepted for each certificate and key; a file that does not exist is one clear error.
 */
final class KubernetesConnection {

    private KubernetesConnection() {}

    /** A client for {@code config} (null: kubeconfig / in-cluster); the caller closes it. */
    static KubernetesClient client(KubernetesRunner.Config config) {
        return new KubernetesClientBuilder().withConfig(config(config)).build();
    }

    /** The fabric8 configuration for {@code config}; never null. */
    static Config config(KubernetesRunner.Config config) {
        if (config == null) {
            return Config.autoConfigure(null);
        }
        // Config.empty(): an explicit config must not be mixed with whatever kubeconfig the machine has.
        ConfigBuilder builder = new ConfigBuilder(Config.empty());
        if (blank(config.masterUrl())) {
            throw new RunnerException("the Kubernetes runner's config has no masterUrl");
        }
        builder.withMasterUrl(config.masterUrl().strip());
        if (!blank(config.username())) {
            builder.withUsername(config.username());
        }
        if (!blank(config.password())) {
            builder.withPassword(config.password());
        }
        if (!blank(config.oauthToken())) {
            builder.withOauthToken(config.oauthToken().strip());
        }
        String ca = pem("caCert", config.caCert(), config.caCertData(), config.caCertFile());
        if (ca != null) {
            builder.withCaCertData(ca);
        }
        String cert = pem("clientCert", config.clientCert(), config.clientCertData(), config.clientCertFile());
        if (cert != null) {
            builder.withClientCertData(cert);
        }
        String key = pem("clientKey", config.clientKey(), config.clientKeyData(), config.clientKeyFile());
        if (key != null) {
            builder.withClientKeyData(key);
            builder.withClientKeyAlgo(blank(config.clientKeyAlgo()) ? keyAlgorithm(key) : config.clientKeyAlgo());
        }
        if (Boolean.TRUE.equals(config.trustCerts())) {
            builder.withTrustCerts(true);
        }
        if (!blank(config.namespace())) {
            builder.withNamespace(config.namespace());
        }
        // The JDK client's HTTP/2 upgrade is of no use for the few calls a run makes, and some proxies mind it.
        builder.withHttp2Disable(true);
        return builder.build();
    }

    /**
     * One certificate or key as fabric8 wants it (base64 of the PEM text) from whichever of the three forms is
     * set, or null when none is.
     */
    static String pem(String name, String inline, String data, String file) {
        if (!blank(inline)) {
            String text = inline.strip();
            if (!text.startsWith("-----BEGIN")) {
                // A base64 value in the inline property is what kubeconfig users paste most often.
                return base64(name, text);
            }
            return Base64.getEncoder().encodeToString((text + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!blank(data)) {
            return base64(name + "Data", data.strip());
        }
        if (!blank(file)) {
            Path path = Path.of(file.strip());
            try {
                return Base64.getEncoder().encodeToString(Files.readAllBytes(path));
            } catch (java.io.IOException e) {
                throw new RunnerException(name + "File '" + file + "' cannot be read: " + e.getMessage(), e);
            }
        }
        return null;
    }

    private static String base64(String property, String value) {
        String compact = value.replaceAll("\\s", "");
        try {
            Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new RunnerException(property + " is neither PEM text nor base64", e);
        }
        return compact;
    }

    private static String keyAlgorithm(String base64Pem) {
        String pem = new String(Base64.getDecoder().decode(base64Pem), StandardCharsets.UTF_8);
        return pem.contains("BEGIN EC PRIVATE KEY") ? "EC" : "RSA";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
