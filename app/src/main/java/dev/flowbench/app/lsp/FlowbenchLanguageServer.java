package dev.flowbench.app.lsp;

import dev.flowbench.app.workspace.ExampleWorkspace;
import dev.flowbench.editor.language.WarmUp;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The Flowbench language server: lifecycle and capabilities; documents and workspace have their own services. */
final class FlowbenchLanguageServer implements LanguageServer, LanguageClientAware, AutoCloseable {
    private static final Duration WARM_UP_BUDGET = Duration.ofMillis(2500);

    private final Path workspace;
    private final java.util.List<Path> extraPlugins;
    private final String environment;
    private final FlowTextDocumentService documents;
    private final FlowWorkspaceService workspaceService;
    private volatile boolean shutdown;

    FlowbenchLanguageServer(Path workspace, java.util.List<Path> extraPlugins, String environment) {
        this.workspace = workspace;
        this.extraPlugins = extraPlugins;
        this.environment = environment;
        this.documents = new FlowTextDocumentService();
        this.workspaceService = new FlowWorkspaceService(documents);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        Path root = workspaceRoot(params);
        LanguageSession session = LanguageSession.load(root, environment, extraPlugins);
        warmUp(session);
        documents.open(session);
        var capabilities = new ServerCapabilities();
        capabilities.setTextDocumentSync(TextDocumentSyncKind.Incremental);
        documents.declare(capabilities);
        return CompletableFuture.completedFuture(
                new InitializeResult(capabilities, new ServerInfo("flowbench", version())));
    }

    /**
     * Compiles the hot paths before the first request, within {@link #WARM_UP_BUDGET}: a server answers for
     * hours, and without this its first edits and completions are the slow ones a user notices.
     */
    private static void warmUp(LanguageSession session) {
        if (Boolean.getBoolean("flowbench.lsp.noWarmUp")) {
            return;
        }
        long start = System.nanoTime();
        int rounds = WarmUp.run(session.flows(), WARM_UP_BUDGET);
        ProtocolWarmUp.run(WarmUp.sampleFlow());
        System.err.printf(
                "flowbench lsp: warmed up in %d ms (%d rounds)%n", (System.nanoTime() - start) / 1_000_000, rounds);
    }

    private Path workspaceRoot(InitializeParams params) {
        if (workspace != null) {
            return workspace;
        }
        if (params.getWorkspaceFolders() != null
                && !params.getWorkspaceFolders().isEmpty()) {
            return Path.of(URI.create(params.getWorkspaceFolders().getFirst().getUri()));
        }
        @SuppressWarnings("deprecation")
        String rootUri = params.getRootUri();
        return rootUri != null ? Path.of(URI.create(rootUri)) : ExampleWorkspace.path();
    }

    private static String version() {
        String version = FlowbenchLanguageServer.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        close();
        System.exit(shutdown ? 0 : 1);
    }

    boolean shutdownRequested() {
        return shutdown;
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspaceService;
    }

    @Override
    public void connect(LanguageClient client) {
        documents.connect(client);
    }

    @Override
    public void close() {
        documents.close();
    }
}
