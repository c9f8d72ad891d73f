package dev.flowbench.app.lsp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/** Open documents, their diagnostics, and the language features on them. */
final class FlowTextDocumentService implements TextDocumentService, AutoCloseable {
    private final Map<String, TextDocumentState> open = new ConcurrentHashMap<>();
    private final DiagnosticsPublisher publisher = new DiagnosticsPublisher(this::validateAndPublish);
    private volatile LanguageSession session;
    private final LanguageFeatures features =
            new LanguageFeatures(new DocsPages(DocsPages.defaultFolder(), () -> this.session.registry()));
    private volatile LanguageClient client;

    void open(LanguageSession loaded) {
        this.session = loaded;
    }

    void connect(LanguageClient languageClient) {
        this.client = languageClient;
    }

    void declare(ServerCapabilities capabilities) {
        capabilities.setCompletionProvider(new CompletionOptions(true, List.of(":", " ", ".", "'", "\"", "{", "(")));
        capabilities.setHoverProvider(true);
        capabilities.setDocumentLinkProvider(new DocumentLinkOptions(false));
        capabilities.setDefinitionProvider(true);
        capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        capabilities.setDocumentSymbolProvider(true);
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return onDocument(
                params.getTextDocument().getUri(),
                (state, cancel) -> Either.forRight(features.completion(
                        session.language(state.uri()), state, state.offset(params.getPosition()), false)));
    }

    @Override
    public CompletableFuture<CompletionItem> resolveCompletionItem(CompletionItem item) {
        if (!(item.getData() instanceof com.google.gson.JsonObject data) || !data.has("uri")) {
            return CompletableFuture.completedFuture(item);
        }
        return onDocument(
                data.get("uri").getAsString(),
                (state, cancel) -> features.resolve(
                        session.language(state.uri()),
                        state,
                        data.get("offset").getAsInt(),
                        data.get("index").getAsInt(),
                        item));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return onDocument(
                params.getTextDocument().getUri(),
                (state, cancel) -> features.hover(
                                session.language(state.uri()), state, state.offset(params.getPosition()))
                        .orElse(null));
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        return onDocument(
                params.getTextDocument().getUri(),
                (state, cancel) -> features.links(session.language(state.uri()), state));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return onDocument(
                params.getTextDocument().getUri(),
                (state, cancel) -> Either.forLeft(
                        features.definition(session.language(state.uri()), state, state.offset(params.getPosition()))));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return onDocument(params.getTextDocument().getUri(), (state, cancel) -> {
            var language = session.language(state.uri());
            var diagnostics = language.diagnose(state.text());
            cancel.checkCanceled();
            return features
                    .codeActions(
                            language, state, diagnostics, params.getContext().getDiagnostics())
                    .stream()
                    .map(Either::<Command, CodeAction>forRight)
                    .toList();
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        return onDocument(
                params.getTextDocument().getUri(),
                (state, cancel) -> features.symbols(session.language(state.uri()), state).stream()
                        .map(Either::<SymbolInformation, DocumentSymbol>forRight)
                        .toList());
    }

    /**
     * Answers a request about an open document on the request pool; a {@code $/cancelRequest} cancels it, and
     * a request about an unknown document is an LSP error rather than a crash.
     */
    private <T> CompletableFuture<T> onDocument(
            String uri, java.util.function.BiFunction<TextDocumentState, CancelChecker, T> answer) {
        return CompletableFutures.computeAsync(cancel -> {
            TextDocumentState state = open.get(uri);
            if (state == null) {
                throw new ResponseErrorException(
                        new ResponseError(ResponseErrorCode.InvalidParams, "document not open: " + uri, null));
            }
            cancel.checkCanceled();
            return answer.apply(state, cancel);
        });
    }

    /** Reloads plugins and the environment, then revalidates every open document. */
    void reload() {
        LanguageSession current = session;
        if (current != null) {
            session = current.reload();
            open.values().forEach(publisher::changed);
        }
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var item = params.getTextDocument();
        var state = new TextDocumentState(item.getUri(), item.getText(), item.getVersion());
        open.put(state.uri(), state);
        publisher.changed(state);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        TextDocumentState previous = open.get(uri);
        if (previous == null) {
            return; // a change to a document that was never opened: nothing to apply it to
        }
        var state = previous.apply(
                params.getContentChanges(), params.getTextDocument().getVersion());
        open.put(uri, state);
        publisher.changed(state);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        open.remove(uri);
        publisher.closed(uri);
        LanguageClient current = client;
        if (current != null) {
            current.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // Diagnostics follow every change already.
    }

    /** The newest text of an open document, or null. */
    TextDocumentState state(String uri) {
        return open.get(uri);
    }

    LanguageSession session() {
        return session;
    }

    private void validateAndPublish(TextDocumentState state) {
        LanguageSession current = session;
        LanguageClient target = client;
        if (current == null || target == null) {
            return;
        }
        // for the completion or hover that often follows an edit
        publisher.prepare(state, () -> {
            state.indexLines();
            current.language(state.uri()).prepare(state.text());
        });
        var diagnostics = current.validate(state.uri(), state.text());
        if (!publisher.isLatest(state)) {
            return; // superseded while validating: the newer version is queued
        }
        var params = new PublishDiagnosticsParams(
                state.uri(), diagnostics.stream().map(Conversions::diagnostic).toList(), state.version());
        target.publishDiagnostics(params);
    }

    @Override
    public void close() {
        publisher.close();
    }
}
