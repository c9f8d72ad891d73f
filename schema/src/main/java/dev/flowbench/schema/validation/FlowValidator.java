package dev.flowbench.schema.validation;

import dev.flowbench.schema.defaults.MergedFlow;
import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.diagnostic.Severity;
import dev.flowbench.schema.json.DocumentSchemas;
import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates flow and environment files: YAML syntax, the document's own schema, each plugin instance against
 * its plugin's schema (selected by {@code type}), and the flow rules. Thread-safe; never throws on bad input.
 *
 * <p>Diagnostics come sorted by position, each with a precise range, a stable code and quick-fix data.
 */
public final class FlowValidator {
    private final PluginRegistry registry;
    private final FindingCache cache = new FindingCache();
    private final RunMemo.Recent recent = new RunMemo.Recent();

    /** A validator for the plugins of {@code registry}. */
    public FlowValidator(PluginRegistry registry) {
        this.registry = registry;
    }

    /** Validates a flow file; {@code context} says which environment's defaults and secrets apply. */
    public List<Diagnostic> validateFlow(YamlDocument document, ValidationContext context) {
        return validateFlow(document, context, null);
    }

    /**
     * As {@link #validateFlow(YamlDocument, ValidationContext)}, with {@code merged} the result of {@code
     * context.merge(document)} when the caller keeps it for other uses (the editor's hovers), so that it is not
     * computed twice; null to merge here.
     */
    public List<Diagnostic> validateFlow(YamlDocument document, ValidationContext context, MergedFlow merged) {
        var diagnostics = new ArrayList<>(document.diagnostics());
        Object root = document.root();
        if (!(root instanceof Map<?, ?> flow)) {
            diagnostics.addAll(notAMapping(document, root, "a flow is a mapping with `id`, `namespace` and `tasks`"));
            return sorted(diagnostics);
        }
        var findings = new ArrayList<Finding>();
        List<RunMemo> earlier = recent.snapshot();
        RunMemo memo = new RunMemo();
        var walker = new PluginWalker(registry, findings, cache, earlier, memo);
        MergedFlow effective = merged != null ? merged : context.merge(document);
        walker.checkDocument(DocumentSchemas.flow(), effective.flow());
        FlowRules.check(effective.flow(), walker.plugins(), context, findings, earlier, memo);
        diagnostics.addAll(Locator.locate(document, effective, findings));
        recent.add(memo);
        return sorted(diagnostics);
    }

    /** Validates an environment file: its schema and each pluginDefaults entry against the type it targets. */
    public List<Diagnostic> validateEnvironment(YamlDocument document) {
        var diagnostics = new ArrayList<>(document.diagnostics());
        Object root = document.root();
        if (root == null) {
            return sorted(diagnostics);
        }
        if (!(root instanceof Map<?, ?>)) {
            diagnostics.addAll(notAMapping(document, root, "an environment is a mapping with `pluginDefaults`"));
            return sorted(diagnostics);
        }
        var findings = new ArrayList<Finding>();
        new PluginWalker(registry, findings, cache, List.of(), new RunMemo())
                .checkDocument(DocumentSchemas.environment(), root);
        diagnostics.addAll(Locator.locate(document, null, findings));
        return sorted(diagnostics);
    }

    private static List<Diagnostic> notAMapping(YamlDocument document, Object root, String message) {
        if (root == null && document.hasErrors()) {
            return List.of();
        }
        var range = document.node("").map(n -> n.valueRange()).orElse(document.range(0, 0));
        return List.of(Diagnostic.of(range, Severity.ERROR, "not-a-mapping", message));
    }

    private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        var unique = new ArrayList<Diagnostic>(new java.util.LinkedHashSet<>(diagnostics));
        unique.sort(java.util.Comparator.comparing((Diagnostic d) -> d.source() == null ? "" : d.source())
                .thenComparingInt(d -> d.range().start().offset())
                .thenComparing(Diagnostic::code));
        return List.copyOf(unique);
    }

    /** Codes of findings that name a plugin type which is not installed. */
    static final Set<String> UNKNOWN_TYPE_CODES = Set.of("unknown-type");
}
