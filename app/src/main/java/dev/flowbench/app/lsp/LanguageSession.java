package dev.flowbench.app.lsp;

import dev.flowbench.app.workspace.EnvironmentContexts;
import dev.flowbench.app.workspace.PluginDirectories;
import dev.flowbench.editor.language.FlowLanguage;
import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.validation.ValidationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the server knows about its workspace: plugins, the environment, and the language services for flows
 * and environment files. Immutable; reloaded as a whole when environment or plugin files change.
 */
record LanguageSession(
        Path workspace,
        String environment,
        List<Path> extraPlugins,
        PluginRegistry registry,
        FlowLanguage flows,
        FlowLanguage environments) {

    static LanguageSession load(Path workspace, String environment, List<Path> extraPlugins) {
        PluginRegistry registry = PluginRegistry.load(PluginDirectories.of(workspace, extraPlugins));
        ValidationContext context = environment != null
                        && Files.isRegularFile(workspace.resolve("environments").resolve(environment + ".yaml"))
                ? EnvironmentContexts.of(workspace, environment)
                : ValidationContext.none();
        return new LanguageSession(
                workspace,
                environment,
                extraPlugins,
                registry,
                FlowLanguage.forFlows(registry, () -> context),
                FlowLanguage.forEnvironments(registry, () -> context));
    }

    /** A fresh session of the same workspace, reading plugins and environment files again. */
    LanguageSession reload() {
        return load(workspace, environment, extraPlugins);
    }

    /** The services for the document at {@code uri}: environment files are recognised by their folder. */
    FlowLanguage language(String uri) {
        return uri.contains("/environments/") ? environments : flows;
    }

    /** Diagnostics of a document's text. */
    List<Diagnostic> validate(String uri, String text) {
        return language(uri).diagnose(text);
    }
}
