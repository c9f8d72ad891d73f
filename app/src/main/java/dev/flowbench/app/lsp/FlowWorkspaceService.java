package dev.flowbench.app.lsp;

import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Workspace notifications: environment and plugin changes reload the session and revalidate open files. */
final class FlowWorkspaceService implements WorkspaceService {
    private final FlowTextDocumentService documents;

    FlowWorkspaceService(FlowTextDocumentService documents) {
        this.documents = documents;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        // Settings come from the workspace's own files; client settings are not used.
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        boolean relevant = params.getChanges().stream()
                .map(FileEvent::getUri)
                .anyMatch(uri ->
                        uri.contains("/environments/") || uri.contains("/plugins/") || uri.contains("/secrets/"));
        if (relevant) {
            documents.reload();
        }
    }
}
