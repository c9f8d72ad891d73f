package dev.flowbench.app.lsp;

import dev.flowbench.editor.api.CompletionItem;
import dev.flowbench.editor.api.CompletionResult;
import dev.flowbench.editor.api.DocLink;
import dev.flowbench.editor.api.QuickFix;
import dev.flowbench.editor.language.FlowLanguage;
import dev.flowbench.editor.language.OutlineNode;
import dev.flowbench.schema.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Translates between the editor's language services (offsets, plain records) and LSP (line/character
 * positions, protocol types). Pure functions of a document state and the services; no I/O but docs pages.
 */
final class LanguageFeatures {
    private final DocsPages docs;

    LanguageFeatures(DocsPages docs) {
        this.docs = docs;
    }

    CompletionList completion(FlowLanguage language, TextDocumentState state, int offset, boolean withDocs) {
        CompletionResult result = language.complete(state.text(), offset);
        var items =
                new ArrayList<org.eclipse.lsp4j.CompletionItem>(result.items().size());
        org.eclipse.lsp4j.Range replace = state.range(Math.min(result.replaceStart(), offset), offset);
        for (int i = 0; i < result.items().size(); i++) {
            CompletionItem item = result.items().get(i);
            var lsp = new org.eclipse.lsp4j.CompletionItem(item.label());
            lsp.setKind(kind(item.kind()));
            lsp.setDetail(item.detail());
            lsp.setFilterText(item.filterText());
            lsp.setSortText(String.format("%05d", i));
            lsp.setInsertTextFormat(InsertTextFormat.Snippet);
            lsp.setTextEdit(Either.forLeft(new TextEdit(replace, item.insertText())));
            if (withDocs && !item.documentation().isEmpty()) {
                lsp.setDocumentation(markdown(item.documentation()));
            } else if (!item.documentation().isEmpty()) {
                lsp.setData(Map.of("uri", state.uri(), "offset", offset, "index", i));
            }
            items.add(lsp);
        }
        return new CompletionList(false, items);
    }

    /** Fills in the documentation of an item completed at {@code offset} (kept out of the list to keep it small). */
    org.eclipse.lsp4j.CompletionItem resolve(
            FlowLanguage language,
            TextDocumentState state,
            int offset,
            int index,
            org.eclipse.lsp4j.CompletionItem item) {
        List<CompletionItem> items = language.complete(state.text(), offset).items();
        if (index >= 0 && index < items.size() && items.get(index).label().equals(item.getLabel())) {
            item.setDocumentation(markdown(items.get(index).documentation()));
        }
        return item;
    }

    Optional<Hover> hover(FlowLanguage language, TextDocumentState state, int offset) {
        return language.hover(state.text(), offset)
                .map(h -> new Hover(markdown(h.markdown()), state.range(h.start(), h.end())));
    }

    List<DocumentLink> links(FlowLanguage language, TextDocumentState state) {
        var links = new ArrayList<DocumentLink>();
        for (DocLink link : language.docLinks(state.text())) {
            docs.page(link.typeId())
                    .ifPresent(uri -> links.add(new DocumentLink(state.range(link.start(), link.end()), uri)));
        }
        return links;
    }

    List<Location> definition(FlowLanguage language, TextDocumentState state, int offset) {
        for (DocLink link : language.docLinks(state.text())) {
            if (link.contains(offset)) {
                return docs.page(link.typeId())
                        .map(uri -> List.of(new Location(
                                uri,
                                new org.eclipse.lsp4j.Range(
                                        new org.eclipse.lsp4j.Position(0, 0), new org.eclipse.lsp4j.Position(0, 0)))))
                        .orElse(List.of());
            }
        }
        return List.of();
    }

    List<CodeAction> codeActions(
            FlowLanguage language,
            TextDocumentState state,
            List<Diagnostic> diagnostics,
            List<org.eclipse.lsp4j.Diagnostic> asked) {
        var actions = new ArrayList<CodeAction>();
        for (Diagnostic diagnostic : diagnostics) {
            org.eclipse.lsp4j.Diagnostic lsp = Conversions.diagnostic(diagnostic);
            if (asked.stream().noneMatch(a -> sameProblem(a, lsp))) {
                continue;
            }
            for (QuickFix fix : language.quickFixes(state.text(), diagnostic)) {
                var edits = fix.edits().stream()
                        .map(e -> new TextEdit(state.range(e.start(), e.end()), e.newText()))
                        .toList();
                var action = new CodeAction(fix.title());
                action.setKind(CodeActionKind.QuickFix);
                action.setDiagnostics(List.of(lsp));
                action.setEdit(new WorkspaceEdit(Map.of(state.uri(), edits)));
                actions.add(action);
            }
        }
        return actions;
    }

    private static boolean sameProblem(org.eclipse.lsp4j.Diagnostic a, org.eclipse.lsp4j.Diagnostic b) {
        return a.getRange().equals(b.getRange())
                && a.getCode() != null
                && b.getCode() != null
                && String.valueOf(a.getCode().get())
                        .equals(String.valueOf(b.getCode().get()));
    }

    List<DocumentSymbol> symbols(FlowLanguage language, TextDocumentState state) {
        OutlineNode root = language.outline(state.text());
        return root.children().isEmpty() && root.name().isEmpty() ? List.of() : List.of(symbol(root));
    }

    private static DocumentSymbol symbol(OutlineNode node) {
        var symbol = new DocumentSymbol(
                node.name().isEmpty() ? "(unnamed)" : node.name(),
                symbolKind(node.kind()),
                Conversions.range(node.range()),
                Conversions.range(node.selectionRange()),
                node.detail());
        symbol.setChildren(
                node.children().stream().map(LanguageFeatures::symbol).toList());
        return symbol;
    }

    private static SymbolKind symbolKind(OutlineNode.Kind kind) {
        return switch (kind) {
            case FLOW, ENVIRONMENT -> SymbolKind.Module;
            case SECTION -> SymbolKind.Namespace;
            case TASK -> SymbolKind.Function;
            case TRIGGER -> SymbolKind.Event;
            case DEFAULTS -> SymbolKind.Property;
        };
    }

    private static CompletionItemKind kind(CompletionItem.Kind kind) {
        return switch (kind) {
            case PROPERTY -> CompletionItemKind.Property;
            case VALUE -> CompletionItemKind.Value;
            case ENUM_VALUE -> CompletionItemKind.EnumMember;
            case TYPE -> CompletionItemKind.Class;
            case VARIABLE -> CompletionItemKind.Variable;
            case FUNCTION -> CompletionItemKind.Function;
            case SECRET -> CompletionItemKind.Constant;
            case SNIPPET -> CompletionItemKind.Snippet;
            case KEYWORD -> CompletionItemKind.Keyword;
        };
    }

    private static MarkupContent markdown(String text) {
        return new MarkupContent(MarkupKind.MARKDOWN, text);
    }
}
