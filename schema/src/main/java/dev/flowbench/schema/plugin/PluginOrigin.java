package dev.flowbench.schema.plugin;

import java.nio.file.Path;

/**
 * Where a plugin came from: built into Flowbench (on its class path) or a JAR of a plugins directory.
 *
 * @param jar the JAR's path, or null for a built-in
 */
public record PluginOrigin(Path jar) {
    /** The origin of plugins found on Flowbench's own class path. */
    public static final PluginOrigin BUILT_IN = new PluginOrigin(null);

    /** Whether the plugin ships with Flowbench. */
    public boolean builtIn() {
        return jar == null;
    }

    /** "built-in" or the JAR's path, for people. */
    @Override
    public String toString() {
        return jar == null ? "built-in" : jar.toString();
    }
}
