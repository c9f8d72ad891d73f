package dev.flowbench.engine.process;

import dev.flowbench.schema.plugin.PluginProvider;
import java.util.List;

/** Registers the plugins of the engine module: the Process task runner. */
public final class ProcessPlugins implements PluginProvider {
    @Override
    public List<Class<?>> plugins() {
        return List.of(ProcessRunner.class);
    }
}
