package dev.flowbench.runner.kubernetes;

import dev.flowbench.schema.plugin.PluginProvider;
import java.util.List;

/** Registers the Kubernetes task runner. */
public final class KubernetesPlugins implements PluginProvider {
    @Override
    public List<Class<?>> plugins() {
        return List.of(KubernetesRunner.class);
    }
}
