package dev.flowbench.app.lsp;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Reads and writes the protocol messages a session is made of (large full-text changes and their diagnostics,
 * hover and completion requests and answers), so that the protocol library's JSON reading and writing, and
 * its per-type adapters, are ready before the first real message of each kind arrives.
 */
final class ProtocolWarmUp {
    private ProtocolWarmUp() {}

    static void run(String text) {
        var handler = new MessageJsonHandler(ServiceEndpoints.getSupportedMethods(LanguageServer.class));
        String change = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":"
                + "{\"uri\":\"file:///warm-up.yaml\",\"version\":2},\"contentChanges\":[{\"text\":"
                + quoted(text) + "}]}}";
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            diagnostics.add(new Diagnostic(
                    new Range(new Position(i, 2), new Position(i, 9)),
                    "warm-up",
                    DiagnosticSeverity.Error,
                    "flowbench"));
        }
        var publish = new NotificationMessage();
        publish.setMethod("textDocument/publishDiagnostics");
        publish.setParams(new PublishDiagnosticsParams("file:///warm-up.yaml", diagnostics, 2));
        String hoverRequest = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/hover\",\"params\":"
                + "{\"textDocument\":{\"uri\":\"file:///warm-up.yaml\"},\"position\":{\"line\":4,\"character\":6}}}";
        String completionRequest = "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"textDocument/completion\","
                + "\"params\":{\"textDocument\":{\"uri\":\"file:///warm-up.yaml\"},\"position\":{\"line\":4,"
                + "\"character\":6},\"context\":{\"triggerKind\":1}}}";
        ResponseMessage hover = response(new Hover(
                new MarkupContent(MarkupKind.MARKDOWN, "**Warm-up** `type`\n\nA property."),
                new Range(new Position(4, 4), new Position(4, 8))));
        ResponseMessage completion = response(completionList());
        for (int round = 0; round < 30; round++) {
            handler.parseMessage(change);
            handler.serialize(publish);
            handler.parseMessage(hoverRequest);
            handler.serialize(hover);
            handler.parseMessage(completionRequest);
            handler.serialize(completion);
        }
    }

    private static ResponseMessage response(Object result) {
        var response = new ResponseMessage();
        response.setId(7);
        response.setResult(result);
        return response;
    }

    /** A completion answer shaped as the server's: snippet items with a text edit and resolve data. */
    private static CompletionList completionList() {
        var items = new ArrayList<CompletionItem>();
        for (int i = 0; i < 20; i++) {
            var item = new CompletionItem("warm-up-" + i);
            item.setKind(CompletionItemKind.Property);
            item.setDetail("string");
            item.setSortText(String.format("%05d", i));
            item.setInsertTextFormat(InsertTextFormat.Snippet);
            item.setTextEdit(Either.forLeft(
                    new TextEdit(new Range(new Position(4, 4), new Position(4, 6)), "warm-up-" + i + ": $1")));
            item.setData(java.util.Map.of("uri", "file:///warm-up.yaml", "offset", 40, "index", i));
            items.add(item);
        }
        return new CompletionList(false, items);
    }

    private static String quoted(String text) {
        var out = new StringBuilder(text.length() + 64).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
