package dev.flowbench.runner.batch;

import dev.flowbench.schema.plugin.PluginProvider;
import java.util.List;

/** Registers the AWS Batch task runner. */
public final class BatchPlugins implements PluginProvider {
    @Override
    public List<Class<?>> plugins() {
        return List.of(BatchRunner.class);
    }
}
