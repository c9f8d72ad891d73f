package dev.flowbench.editor.api;

import java.util.Objects;

/**
 * Everything an editor asks about one kind of document (a flow, an environment file): one provider per
 * feature, each defaulting to "nothing".
 */
public record LanguageSupport(
        CompletionProvider completion,
        HoverProvider hover,
        DocLinkProvider docLinks,
        QuickFixProvider quickFixes,
        DiagnosticProvider diagnostics) {

    /** Plain YAML: highlighting only. */
    public static final LanguageSupport NONE = new LanguageSupport(
            CompletionProvider.NONE,
            HoverProvider.NONE,
            DocLinkProvider.NONE,
            QuickFixProvider.NONE,
            DiagnosticProvider.NONE);

    public LanguageSupport {
        Objects.requireNonNull(completion, "completion");
        Objects.requireNonNull(hover, "hover");
        Objects.requireNonNull(docLinks, "docLinks");
        Objects.requireNonNull(quickFixes, "quickFixes");
        Objects.requireNonNull(diagnostics, "diagnostics");
    }

    public LanguageSupport withCompletion(CompletionProvider provider) {
        return new LanguageSupport(provider, hover, docLinks, quickFixes, diagnostics);
    }

    public LanguageSupport withHover(HoverProvider provider) {
        return new LanguageSupport(completion, provider, docLinks, quickFixes, diagnostics);
    }

    public LanguageSupport withDocLinks(DocLinkProvider provider) {
        return new LanguageSupport(completion, hover, provider, quickFixes, diagnostics);
    }

    public LanguageSupport withQuickFixes(QuickFixProvider provider) {
        return new LanguageSupport(completion, hover, docLinks, provider, diagnostics);
    }

    public LanguageSupport withDiagnostics(DiagnosticProvider provider) {
        return new LanguageSupport(completion, hover, docLinks, quickFixes, provider);
    }
}
