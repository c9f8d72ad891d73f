package dev.flowbench.app.lsp;

import dev.flowbench.app.workspace.EnvironmentContexts;
import dev.flowbench.app.workspace.PluginDirectories;
import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.validation.FlowValidator;
import dev.flowbench.schema.validation.ValidationContext;
import dev.flowbench.schema.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the server knows about its workspace: plugins, the environment, a validator. Immutable; reloaded as a
 * whole when environment or plugin files change.
 */
record LanguageSession(
        Path workspace,
        String environment,
        List<Path> extraPlugins,
        PluginRegistry registry,
        FlowValidator validator,
        ValidationContext context) {

    static LanguageSession load(Path workspace, String environment, List<Path> extraPlugins) {
        PluginRegistry registry = PluginRegistry.load(PluginDirectories.of(workspace, extraPlugins));
        ValidationContext context = environment != null
                        && Files.isRegularFile(workspace.resolve("environments").resolve(environment + ".yaml"))
                ? EnvironmentContexts.of(workspace, environment)
                : ValidationContext.none();
        return new LanguageSession(
                workspace, environment, extraPlugins, registry, new FlowValidator(registry), context);
    }

    /** A fresh session of the same workspace, reading plugins and environment files again. */
    LanguageSession reload() {
        return load(workspace, environment, extraPlugins);
    }

    /** Diagnostics of a document's text; environment files are recognised by their folder. */
    List<Diagnostic> validate(String uri, String text) {
        YamlDocument document = YamlDocument.parse(text);
        return isEnvironment(uri) ? validator.validateEnvironment(document) : validator.validateFlow(document, context);
    }

    static boolean isEnvironment(String uri) {
        return uri.contains("/environments/");
    }
}
