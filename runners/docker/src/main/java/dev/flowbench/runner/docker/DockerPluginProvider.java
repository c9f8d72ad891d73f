package dev.flowbench.runner.docker;

import dev.flowbench.schema.plugin.PluginProvider;
import java.util.List;

/** Names the plugins of the Docker runner JAR: the Docker task runner. */
public final class DockerPluginProvider implements PluginProvider {

    @Override
    public List<Class<?>> plugins() {
        return List.of(DockerRunner.class);
    }
}
