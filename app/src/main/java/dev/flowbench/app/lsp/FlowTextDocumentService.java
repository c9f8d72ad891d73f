package dev.flowbench.app.lsp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/** Open documents, their diagnostics, and the language features on them. */
final class FlowTextDocumentService implements TextDocumentService, AutoCloseable {
    private final Map<String, TextDocumentState> open = new ConcurrentHashMap<>();
    private final DiagnosticsPublisher publisher = new DiagnosticsPublisher(this::validateAndPublish);
    private volatile LanguageSession session;
    private volatile LanguageClient client;

    void open(LanguageSession loaded) {
        this.session = loaded;
    }

    void connect(LanguageClient languageClient) {
        this.client = languageClient;
    }

    void declare(ServerCapabilities capabilities) {
        // Language features beyond diagnostics are declared here as they are wired.
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
            current.publishDiagnostics(new PublishDiagnosticsParams(uri, java.util.List.of()));
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
