package dev.flowbench.app.cli;

import dev.flowbench.app.lsp.LspServer;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowbench lsp}: the language server over standard input and output. */
@Command(
        name = "lsp",
        mixinStandardHelpOptions = true,
        description = {
            "Run the Flowbench language server (LSP over stdio) for VS Code, Neovim, Helix, IntelliJ…",
            "Logs go to standard error; standard output carries protocol messages only."
        })
public final class LspCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOptions options;

    @Option(names = "--env", paramLabel = "NAME", description = "Validate and complete as in environments/NAME.yaml.")
    String environment;

    @Override
    public Integer call() throws Exception {
        InputStream in = System.in;
        PrintStream protocolOut = System.out;
        // Anything printed by a library from now on goes to stderr, never into the protocol stream.
        System.setOut(System.err);
        return LspServer.serve(
                in,
                protocolOut,
                options.hasWorkspace() ? options.workspace() : null,
                options.extraPlugins(),
                environment);
    }
}
