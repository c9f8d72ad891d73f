package dev.flowbench.plugin.runner.ssh;

import dev.flowbench.schema.plugin.PluginProvider;
import java.util.List;

/** Names the plugins of this JAR for Flowbench's registry: the SSH task runner. */
public final class SshPlugins implements PluginProvider {
    @Override
    public List<Class<?>> plugins() {
        return List.of(SshRunner.class);
    }
}
