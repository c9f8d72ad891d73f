package dev.flowbench.app.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Starts the language server on a pair of streams and runs it until the client goes away. */
public final class LspServer {
    private LspServer() {}

    /**
     * Serves LSP for {@code workspace} (null: the client's workspace folder) on {@code in}/{@code out} until {@code exit} or the end of {@code in}; returns the exit code
     * (0 after a clean shutdown, 1 when the client disappeared without one).
     */
    public static int serve(
            InputStream in, OutputStream out, Path workspace, List<Path> extraPlugins, String environment)
            throws InterruptedException {
        var server = new FlowbenchLanguageServer(workspace, extraPlugins, environment);
        var launcher = LSPLauncher.createServerLauncher(server, in, out);
        LanguageClient client = launcher.getRemoteProxy();
        server.connect(client);
        Future<Void> listening = launcher.startListening();
        try {
            listening.get();
        } catch (ExecutionException broken) {
            System.err.println(
                    "flowbench lsp: connection lost: " + broken.getCause().getMessage());
        }
        server.close();
        return server.shutdownRequested() ? 0 : 1;
    }
}
