package dev.flowbench.schema.registry;

import java.nio.file.Path;

/**
 * A plugin that could not be loaded, and why, in one line for people.
 *
 * @param jar the JAR at fault, or null for a built-in provider
 */
public record PluginProblem(Path jar, String reason) {
    @Override
    public String toString() {
        return (jar == null ? "built-in" : jar.toString()) + ": " + reason;
    }
}
