package dev.flowbench.app.lsp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/** A real {@code flowbench lsp} process and an LSP4J client talking to it over its stdio. */
final class LspProcess implements AutoCloseable {
    final Process process;
    final LanguageServer server;
    org.eclipse.lsp4j.jsonrpc.RemoteEndpoint endpoint;
    final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    final StringBuilder stderr = new StringBuilder();

    private LspProcess(Process process, LanguageServer server) {
        this.process = process;
        this.server = server;
    }

    /** Starts the server with {@code args} after {@code lsp} and initializes it on {@code workspace}. */
    static LspProcess start(Path workspace, String... args) throws Exception {
        var command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.flowbench.app.Main",
                "lsp"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        var client = new RecordingClient();
        var launcher = LSPLauncher.createClientLauncher(client, process.getInputStream(), process.getOutputStream());
        launcher.startListening();
        var lsp = new LspProcess(process, launcher.getRemoteProxy());
        client.owner = lsp;
        lsp.endpoint = launcher.getRemoteEndpoint();
        Thread.ofVirtual().start(() -> {
            try {
                lsp.stderr.append(new String(process.getErrorStream().readAllBytes()));
            } catch (IOException ignored) {
                // the process ended
            }
        });
        var init = new InitializeParams();
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "ws")));
        lsp.server.initialize(init).get(60, TimeUnit.SECONDS);
        lsp.server.initialized(new org.eclipse.lsp4j.InitializedParams());
        return lsp;
    }

    /** The next diagnostics published for {@code uri}, waiting up to 30 seconds. */
    PublishDiagnosticsParams nextDiagnostics(String uri) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams params = diagnostics.poll(100, TimeUnit.MILLISECONDS);
            if (params != null && params.getUri().equals(uri)) {
                return params;
            }
        }
        throw new AssertionError("no diagnostics for " + uri + "; server stderr: " + stderr);
    }

    @Override
    public void close() throws Exception {
        try {
            server.shutdown().get(10, TimeUnit.SECONDS);
            server.exit();
            process.waitFor(10, TimeUnit.SECONDS);
        } finally {
            process.destroyForcibly();
        }
    }

    private static final class RecordingClient implements LanguageClient {
        LspProcess owner;

        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            owner.diagnostics.add(params);
        }

        @Override
        public void showMessage(MessageParams params) {}

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams params) {}
    }
}
