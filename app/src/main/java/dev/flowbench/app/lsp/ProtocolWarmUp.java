package dev.flowbench.app.lsp;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Reads and writes a few large protocol messages, as a session's full-text changes and diagnostics are, so
 * that the JSON reading and writing of the protocol library is compiled before the first real change arrives.
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
        for (int round = 0; round < 30; round++) {
            handler.parseMessage(change);
            handler.serialize(publish);
        }
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
