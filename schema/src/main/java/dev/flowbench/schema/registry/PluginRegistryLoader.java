package dev.flowbench.schema.registry;

import dev.flowbench.schema.plugin.PluginDescriptor;
import dev.flowbench.schema.plugin.PluginOrigin;
import dev.flowbench.schema.plugin.PluginProvider;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds plugins: built-ins through {@link ServiceLoader} on Flowbench's class path, then each JAR of the plugin
 * directories in its own {@link PluginClassLoader}. Every failure becomes a {@link PluginProblem}; nothing
 * thrown by a plugin escapes.
 */
final class PluginRegistryLoader {
    static final String SERVICE_ENTRY = "META-INF/services/" + PluginProvider.class.getName();

    private final PluginDescriptorFactory factory = new PluginDescriptorFactory();
    private final Map<String, PluginDescriptor> byId = new LinkedHashMap<>();
    private final List<PluginProblem> problems = new ArrayList<>();

    PluginRegistry load(Collection<Path> directories) {
        ClassLoader own = PluginRegistryLoader.class.getClassLoader();
        loadProviders(ServiceLoader.load(PluginProvider.class, own), PluginOrigin.BUILT_IN, own);
        for (Path directory : directories) {
            for (Path jar : jarsIn(directory)) {
                loadJar(jar, own);
            }
        }
        return new PluginRegistry(byId.values(), problems);
    }

    private List<Path> jarsIn(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException unreadable) {
            problems.add(new PluginProblem(directory, "cannot list the plugins directory: " + unreadable.getMessage()));
            return List.of();
        }
    }

    private void loadJar(Path jar, ClassLoader parent) {
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getEntry(SERVICE_ENTRY) == null) {
                problems.add(new PluginProblem(
                        jar, "no " + SERVICE_ENTRY + " entry: a plugin JAR must name its PluginProvider there"));
                return;
            }
        } catch (IOException | SecurityException corrupt) {
            problems.add(new PluginProblem(jar, "not a readable JAR (" + reason(corrupt) + ")"));
            return;
        }
        PluginClassLoader loader;
        try {
            loader = new PluginClassLoader(jar.toUri().toURL(), parent);
        } catch (MalformedURLException impossible) {
            problems.add(new PluginProblem(jar, "bad path: " + impossible.getMessage()));
            return;
        }
        int before = byId.size();
        int problemsBefore = problems.size();
        loadProviders(ServiceLoader.load(PluginProvider.class, loader), new PluginOrigin(jar), loader);
        if (byId.size() == before && problems.size() == problemsBefore) {
            problems.add(new PluginProblem(jar, "its PluginProvider declares no plugins"));
        }
    }

    private void loadProviders(ServiceLoader<PluginProvider> services, PluginOrigin origin, ClassLoader owner) {
        Iterator<ServiceLoader.Provider<PluginProvider>> providers =
                services.stream().iterator();
        while (true) {
            ServiceLoader.Provider<PluginProvider> provider;
            try {
                if (!providers.hasNext()) {
                    return;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError | LinkageError broken) {
                problems.add(new PluginProblem(origin.jar(), reason(broken)));
                if (broken instanceof ServiceConfigurationError) {
                    continue;
                }
                return;
            }
            if (provider.type().getClassLoader() != owner) {
                continue; // a parent's provider, already loaded as a built-in
            }
            loadProvider(provider, origin);
        }
    }

    private void loadProvider(ServiceLoader.Provider<PluginProvider> provider, PluginOrigin origin) {
        List<Class<?>> classes;
        try {
            classes = List.copyOf(provider.get().plugins());
        } catch (RuntimeException | LinkageError | ServiceConfigurationError broken) {
            problems.add(new PluginProblem(origin.jar(), provider.type().getName() + " failed: " + reason(broken)));
            return;
        }
        for (Class<?> type : classes) {
            try {
                add(factory.describe(type, origin));
            } catch (PluginDeclarationException bad) {
                problems.add(new PluginProblem(origin.jar(), bad.getMessage()));
            } catch (RuntimeException | LinkageError broken) {
                problems.add(new PluginProblem(origin.jar(), type.getName() + ": " + reason(broken)));
            }
        }
    }

    private void add(PluginDescriptor plugin) {
        for (String name : names(plugin)) {
            PluginDescriptor clash = byId.get(name);
            if (clash == null) {
                clash = byId.values().stream()
                        .filter(p -> p.aliases().contains(name))
                        .findFirst()
                        .orElse(null);
            }
            if (clash != null) {
                problems.add(new PluginProblem(
                        plugin.origin().jar(),
                        "duplicate type id " + name + ": already defined by " + clash.origin() + ", so "
                                + plugin.type().getName() + " from " + plugin.origin() + " is ignored"));
                return;
            }
        }
        byId.put(plugin.id(), plugin);
    }

    private static List<String> names(PluginDescriptor plugin) {
        var names = new ArrayList<String>();
        names.add(plugin.id());
        names.addAll(plugin.aliases());
        return names;
    }

    /** One line explaining a loading failure, without a stack trace. */
    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof UnsupportedClassVersionError version) {
            return "compiled for a newer Java than this one (" + javaVersion() + "): " + version.getMessage();
        }
        if (root instanceof NoClassDefFoundError || root instanceof ClassNotFoundException) {
            return "a class it needs is missing: " + root.getMessage().replace('/', '.')
                    + " (package the plugin's dependencies into its JAR)";
        }
        if (failure instanceof ExceptionInInitializerError || root != failure) {
            String message = root.getMessage();
            return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        }
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    private static String javaVersion() {
        return "Java " + Runtime.version().feature();
    }
}
