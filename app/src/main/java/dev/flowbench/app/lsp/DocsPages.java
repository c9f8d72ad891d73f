package dev.flowbench.app.lsp;

import dev.flowbench.app.workspace.AtomicFiles;
import dev.flowbench.schema.docs.MarkdownDocsRenderer;
import dev.flowbench.schema.docs.PluginDocsFactory;
import dev.flowbench.schema.registry.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Generates plugin documentation pages as markdown files that editors can open, once per type and session,
 * under the user's cache folder.
 */
final class DocsPages {
    private final Path folder;
    private final Supplier<PluginRegistry> registry;
    private final Map<String, Optional<String>> pages = new ConcurrentHashMap<>();

    DocsPages(Path folder, Supplier<PluginRegistry> registry) {
        this.folder = folder;
        this.registry = registry;
    }

    /** The folder of the current user's cache: {@code $XDG_CACHE_HOME/flowbench/docs} or {@code ~/.cache/...}. */
    static Path defaultFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("flowbench").resolve("docs");
    }

    /** The file URI of {@code type}'s page, written on first use; empty when the type is not installed. */
    Optional<String> page(String type) {
        return pages.computeIfAbsent(type, this::write);
    }

    /** Forgets written pages (plugins changed). */
    void clear() {
        pages.clear();
    }

    private Optional<String> write(String type) {
        return registry.get().find(type).flatMap(plugin -> {
            try {
                Files.createDirectories(folder);
                Path file = folder.resolve(plugin.id() + ".md");
                AtomicFiles.write(file, MarkdownDocsRenderer.render(PluginDocsFactory.of(plugin)));
                return Optional.of(file.toUri().toString());
            } catch (IOException | RuntimeException unwritable) {
                System.err.println(
                        "flowbench lsp: cannot write the docs page of " + type + ": " + unwritable.getMessage());
                return Optional.empty();
            }
        });
    }
}
