package dev.flowbench.schema.registry;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * Loads one plugin JAR child-first, so a plugin's own libraries (another Jackson, Guava or SLF4J) never clash
 * with Flowbench's or another plugin's; the JDK and Flowbench's plugin SPI always come from the parent.
 */
final class PluginClassLoader extends URLClassLoader {
    private static final List<String> PARENT_FIRST = List.of(
            "java.",
            "javax.",
            "jdk.",
            "sun.",
            "com.sun.",
            "org.w3c.",
            "org.xml.",
            "dev.flowbench.schema.plugin.",
            "dev.flowbench.schema.diagnostic.",
            "dev.flowbench.runner.");

    static {
        registerAsParallelCapable();
    }

    PluginClassLoader(URL jar, ClassLoader parent) {
        super("plugin:" + jar.getPath(), new URL[] {jar}, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (parentFirst(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInJar) {
                    loaded = getParent().loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    private static boolean parentFirst(String className) {
        for (String prefix : PARENT_FIRST) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
