package dev.flowbench.schema.registry;

import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.plugin.PluginKind;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The installed plugins, by type id and alias, and the problems met while loading them; immutable.
 *
 * <p>Load one with {@link #load(Collection)}; a "restart" is simply a new registry.
 */
public final class PluginRegistry {
    private final List<PluginDescriptor> plugins;
    private final Map<String, PluginDescriptor> byId;
    private final Map<PluginKind, List<PluginDescriptor>> byKind;
    private final List<PluginProblem> problems;

    PluginRegistry(Collection<PluginDescriptor> plugins, List<PluginProblem> problems) {
        this.plugins = plugins.stream()
                .sorted(Comparator.comparing(PluginDescriptor::id))
                .toList();
        var ids = new LinkedHashMap<String, PluginDescriptor>();
        for (PluginDescriptor plugin : this.plugins) {
            ids.put(plugin.id(), plugin);
        }
        for (PluginDescriptor plugin : this.plugins) {
            plugin.aliases().forEach(alias -> ids.putIfAbsent(alias, plugin));
        }
        this.byId = Map.copyOf(ids);
        var kinds = new EnumMap<PluginKind, List<PluginDescriptor>>(PluginKind.class);
        for (PluginKind kind : PluginKind.values()) {
            kinds.put(kind, this.plugins.stream().filter(p -> p.kind() == kind).toList());
        }
        this.byKind = kinds;
        this.problems = List.copyOf(problems);
    }

    /**
     * Loads the built-in plugins (class path) and every JAR of {@code pluginDirectories} (missing directories
     * are skipped); never throws for a bad plugin, which becomes a {@link #problems() problem} instead.
     */
    public static PluginRegistry load(Collection<Path> pluginDirectories) {
        return new PluginRegistryLoader().load(pluginDirectories);
    }

    /** Only the built-in plugins. */
    public static PluginRegistry builtIn() {
        return load(List.of());
    }

    /** The plugin with this type id or alias. */
    public Optional<PluginDescriptor> find(String typeOrAlias) {
        return Optional.ofNullable(typeOrAlias == null ? null : byId.get(typeOrAlias));
    }

    /** All plugins, sorted by id; never null. */
    public List<PluginDescriptor> plugins() {
        return plugins;
    }

    /** The plugins that may fill {@code kind}'s slot, sorted by id. */
    public List<PluginDescriptor> ofKind(PluginKind kind) {
        return byKind.get(kind);
    }

    /**
     * The plugins a pluginDefaults {@code type} applies to: equal to it or starting with it (Kestra's string
     * prefix rule), sorted by id.
     */
    public List<PluginDescriptor> matching(String typePrefix) {
        if (typePrefix == null || typePrefix.isEmpty()) {
            return List.of();
        }
        return plugins.stream().filter(p -> p.id().startsWith(typePrefix)).toList();
    }

    /** What went wrong while loading, one entry per JAR or provider at fault; never null. */
    public List<PluginProblem> problems() {
        return problems;
    }
}
