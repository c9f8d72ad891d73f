package dev.flowbench.schema.builtin;

import dev.flowbench.schema.plugin.PluginProvider;
import java.util.List;

/** Names the tasks that are part of the flow language itself; registered as a {@link PluginProvider} service. */
public final class BuiltinPlugins implements PluginProvider {
    @Override
    public List<Class<?>> plugins() {
        return List.of(
                ShellCommands.class,
                ShellScript.class,
                PythonCommands.class,
                PythonScript.class,
                Log.class,
                Sequential.class,
                Parallel.class,
                ForEach.class,
                If.class,
                WorkingDirectory.class);
    }
}
