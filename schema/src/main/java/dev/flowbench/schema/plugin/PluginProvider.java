package dev.flowbench.schema.plugin;

import java.util.List;

/**
 * The service a plugin JAR registers in {@code META-INF/services/dev.flowbench.schema.plugin.PluginProvider}:
 * it names the annotated plugin classes the JAR contributes.
 *
 * <p>Implementations must have a public no-argument constructor, be cheap to create and never throw.
 */
public interface PluginProvider {
    /** The {@link Plugin}-annotated classes of this JAR; never null. */
    List<Class<?>> plugins();
}
