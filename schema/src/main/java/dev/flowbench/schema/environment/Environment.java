package dev.flowbench.schema.environment;

import dev.flowbench.schema.defaults.DefaultEntry;
import dev.flowbench.schema.defaults.DefaultLevel;
import dev.flowbench.schema.yaml.JsonPointers;
import dev.flowbench.schema.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * An environment file ({@code environments/<name>.yaml} of a workspace): instance-level {@code pluginDefaults},
 * {@code tenants.<id>.pluginDefaults}, {@code namespaces.<ns>.pluginDefaults}, the tenant flows run as
 * ({@code tenant}), and where secrets come from ({@code secrets: {file: secrets/<name>.env, env: true}}).
 *
 * <p>Read leniently: parts with the wrong shape are ignored here and reported by validation. Immutable.
 */
public final class Environment {
    private static final String FOLDER = "environments";

    private final String name;
    private final String file;
    private final YamlDocument document;

    private Environment(String name, String file, YamlDocument document) {
        this.name = name;
        this.file = file;
        this.document = document;
    }

    /**
     * The environment {@code name} of the workspace at {@code workspace}.
     *
     * @throws IOException with a one-line message naming the known environments when there is no such file
     */
    public static Environment load(Path workspace, String name) throws IOException {
        Path path = workspace.resolve(FOLDER).resolve(name + ".yaml");
        if (!isPlainName(name) || !Files.isRegularFile(path)) {
            throw new IOException("no environment '" + name + "': there is no " + FOLDER + "/" + name + ".yaml"
                    + " (known: " + String.join(", ", names(workspace)) + ")");
        }
        return of(name, YamlDocument.parse(Files.readAllBytes(path)));
    }

    /** An environment named {@code name} read from an already parsed file. */
    public static Environment of(String name, YamlDocument document) {
        return new Environment(Objects.requireNonNull(name, "name"), FOLDER + "/" + name + ".yaml", document);
    }

    /** The names of the workspace's environments, sorted; empty when it has none. */
    public static List<String> names(Path workspace) {
        try (Stream<Path> files = Files.list(workspace.resolve(FOLDER))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The environment's name: its file name without {@code .yaml}. */
    public String name() {
        return name;
    }

    /** The file, relative to the workspace: {@code environments/<name>.yaml}. */
    public String file() {
        return file;
    }

    /** The parsed file, with its syntax diagnostics and positions. */
    public YamlDocument document() {
        return document;
    }

    /** The tenant flows run as ({@code tenant:}), or null when the file names none. */
    public String tenant() {
        return root().get("tenant") instanceof String tenant && !tenant.isBlank() ? tenant : null;
    }

    /** The instance, tenant (of {@link #tenant()}) and namespace defaults that concern a flow of {@code namespace}. */
    public List<DefaultEntry> defaultsFor(String namespace) {
        return defaultsFor(namespace, tenant());
    }

    /**
     * The defaults that concern a flow of {@code namespace} run as {@code tenant}: the instance level, that
     * tenant's, and those of the namespace and each of its parents ({@code company.team} and {@code company}
     * for {@code company.team.batch}). Order does not matter: precedence comes from each entry's level.
     *
     * @param namespace the flow's namespace; null for none
     * @param tenant the tenant id; null for none
     */
    public List<DefaultEntry> defaultsFor(String namespace, String tenant) {
        List<DefaultEntry> entries =
                new ArrayList<>(DefaultEntry.read(document, "/pluginDefaults", DefaultLevel.INSTANCE, null, file));
        if (tenant != null && root().get("tenants") instanceof Map<?, ?> tenants && tenants.containsKey(tenant)) {
            String pointer = JsonPointers.of("tenants", tenant, "pluginDefaults");
            entries.addAll(DefaultEntry.read(document, pointer, DefaultLevel.TENANT, tenant, file));
        }
        if (namespace != null && root().get("namespaces") instanceof Map<?, ?> namespaces) {
            for (Object key : namespaces.keySet()) {
                String scope = String.valueOf(key);
                if (namespace.equals(scope) || namespace.startsWith(scope + ".")) {
                    String pointer = JsonPointers.of("namespaces", scope, "pluginDefaults");
                    entries.addAll(DefaultEntry.read(document, pointer, DefaultLevel.NAMESPACE, scope, file));
                }
            }
        }
        return entries;
    }

    /** The secrets file named by {@code secrets.file}, relative to the workspace, or null. */
    public String secretsFile() {
        return secretsConfig().get("file") instanceof String path && !path.isBlank() ? path : null;
    }

    /** Whether {@code SECRET_<NAME>} environment variables are read: unless {@code secrets.env} is false. */
    public boolean secretsFromEnvironment() {
        return !Boolean.FALSE.equals(secretsConfig().get("env"));
    }

    /** This environment's secrets, read from the workspace and the process environment. */
    public Secrets secrets(Path workspace) {
        return secrets(workspace, System.getenv());
    }

    /** This environment's secrets, with {@code environmentVariables} standing for the process environment. */
    public Secrets secrets(Path workspace, Map<String, String> environmentVariables) {
        return Secrets.load(workspace, secretsFile(), secretsFromEnvironment() ? environmentVariables : Map.of());
    }

    @Override
    public String toString() {
        return "Environment[" + name + "]";
    }

    private Map<?, ?> root() {
        return document.root() instanceof Map<?, ?> map ? map : Map.of();
    }

    private Map<?, ?> secretsConfig() {
        return root().get("secrets") instanceof Map<?, ?> map ? map : Map.of();
    }

    private static boolean isPlainName(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
