package dev.flowbench.editor.language;

import dev.flowbench.editor.api.CompletionProvider;
import dev.flowbench.editor.api.CompletionResult;
import dev.flowbench.editor.api.DiagnosticProvider;
import dev.flowbench.editor.api.DocLink;
import dev.flowbench.editor.api.DocLinkProvider;
import dev.flowbench.editor.api.Hover;
import dev.flowbench.editor.api.HoverProvider;
import dev.flowbench.editor.api.LanguageSupport;
import dev.flowbench.editor.api.QuickFix;
import dev.flowbench.editor.api.QuickFixProvider;
import dev.flowbench.schema.diagnostic.Diagnostic;
import dev.flowbench.schema.json.DocumentSchemas;
import dev.flowbench.schema.registry.PluginRegistry;
import dev.flowbench.schema.validation.FlowValidator;
import dev.flowbench.schema.validation.ValidationContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The language services of one kind of document — flow files or environment files — behind one object:
 * completion, hover, doc links, quick fixes, diagnostics and the outline. The desktop editor takes
 * {@link #support()}; the language server calls the methods directly.
 *
 * <p>Every method is a function of the text (and the registry and current environment): thread-safe, never
 * blocking on other calls. The last few texts' structure, parse and validation are cached, so asking several
 * questions about the same text costs one analysis. The methods of this class let exceptions through (tests
 * want to see them); the providers of {@link #support()} turn one into "no answer" and log it.
 */
public final class FlowLanguage {

    private final boolean flows;
    private final Supplier<ValidationContext> environment;
    private final AnalysisCache cache = new AnalysisCache();
    private final SchemaResolver resolver;
    private final FlowValidator validator;
    private final FlowCompletion completion;
    private final FlowHover hover;
    private final TypeLinks links;
    private final FlowQuickFixes fixes;
    private final DocumentOutline outline;

    private FlowLanguage(PluginRegistry registry, Supplier<ValidationContext> environment, boolean flows) {
        this.flows = flows;
        this.environment = Objects.requireNonNull(environment, "environment");
        this.resolver = new SchemaResolver(
                Objects.requireNonNull(registry, "registry"),
                flows ? DocumentSchemas.flow() : DocumentSchemas.environment());
        this.validator = new FlowValidator(registry);
        var expressions = new ExpressionCompletion(resolver, () -> {
            ValidationContext context = environment.get();
            return context == null ? null : context.secretNames();
        });
        this.completion = new FlowCompletion(cache, resolver, expressions);
        this.hover = new FlowHover(cache, resolver, environment, flows);
        this.links = new TypeLinks(cache, registry);
        this.fixes = new FlowQuickFixes(cache, resolver);
        this.outline = new DocumentOutline(cache, resolver);
    }

    /**
     * The services for flow files.
     *
     * @param environment the current environment (its name, secret names and file, whose pluginDefaults give
     *     the effective values hovers show), asked on every call so that switching environments needs no new
     *     object; {@link ValidationContext#none()} for none
     */
    public static FlowLanguage forFlows(PluginRegistry registry, Supplier<ValidationContext> environment) {
        return new FlowLanguage(registry, environment, true);
    }

    /**
     * The services for environment files ({@code environments/<name>.yaml}): pluginDefaults values are
     * completed and checked against the types they target.
     *
     * @param environment supplies the secret names of the environment being edited, for {@code secret('…')}
     */
    public static FlowLanguage forEnvironments(PluginRegistry registry, Supplier<ValidationContext> environment) {
        return new FlowLanguage(registry, environment, false);
    }

    /** The providers for an editor view, each guarded: an exception becomes "no answer" and a log entry. */
    public LanguageSupport support() {
        CompletionProvider complete = (text, caret) ->
                guard("completion", () -> complete(text, caret), CompletionResult.empty(Math.max(0, caret)));
        HoverProvider hovers = (text, offset) -> guard("hover", () -> hover(text, offset), Optional.empty());
        DocLinkProvider docLinks = text -> guard("doc links", () -> docLinks(text), List.of());
        QuickFixProvider quickFixes =
                (text, diagnostic) -> guard("quick fixes", () -> quickFixes(text, diagnostic), List.of());
        DiagnosticProvider diagnostics = text -> guard("validation", () -> diagnose(text), List.of());
        return new LanguageSupport(complete, hovers, docLinks, quickFixes, diagnostics);
    }

    /** What may be typed at {@code caret}; never null. */
    public CompletionResult complete(String text, int caret) {
        return completion.complete(text, caret);
    }

    /** The explanation of what lies at {@code offset}, if any. */
    public Optional<Hover> hover(String text, int offset) {
        return hover.hover(text, offset);
    }

    /** Every {@code type:} value naming an installed plugin, linked to its docs; in offset order. */
    public List<DocLink> docLinks(String text) {
        return links.docLinks(text);
    }

    /** The repairs of {@code diagnostic}, reported on {@code text}; best first, never null. */
    public List<QuickFix> quickFixes(String text, Diagnostic diagnostic) {
        return fixes.quickFixes(text, diagnostic);
    }

    /**
     * The diagnostics of {@code text} in the current environment, sorted by position; never null. Hovers on a
     * validated text also show the effective values pluginDefaults give.
     */
    public List<Diagnostic> diagnose(String text) {
        Analysis analysis = cache.of(text);
        if (!flows) {
            return analysis.diagnostics(null, (document, ignored) -> validator.validateEnvironment(document));
        }
        ValidationContext context = Objects.requireNonNullElse(environment.get(), ValidationContext.none());
        // the merge is kept: validation needs it and hovers show its effective values
        return analysis.diagnostics(
                context, (document, in) -> validator.validateFlow(document, in, analysis.merged(in)));
    }

    /**
     * Computes now what completion, hover and the outline will need for {@code text} (its line structure and
     * flow facts), so that the first of them after an edit does not pay for it; a background thread calls this
     * after validating, when the user is most likely still looking at the text.
     */
    public void prepare(String text) {
        cache.of(text).facts(resolver);
    }

    /** The outline of {@code text}: the flow and its tasks, or the environment and its pluginDefaults entries. */
    public OutlineNode outline(String text) {
        if (flows) {
            return outline.flow(text);
        }
        ValidationContext context = environment.get();
        String name = context == null || context.environment() == null ? "environment" : context.environment();
        return outline.environment(text, name);
    }

    private static <T> T guard(String feature, Supplier<T> call, T fallback) {
        try {
            return call.get();
        } catch (RuntimeException | StackOverflowError e) {
            log().log(System.Logger.Level.WARNING, feature + " failed; answering nothing", e);
            return fallback;
        }
    }

    /**
     * This class's logger, looked up only when there is something to report: the first lookup scans the class
     * path for logging providers, which would otherwise slow every start.
     */
    private static System.Logger log() {
        return System.getLogger(FlowLanguage.class.getName());
    }
}
