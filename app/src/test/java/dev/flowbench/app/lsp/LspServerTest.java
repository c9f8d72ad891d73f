package dev.flowbench.app.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Speaks LSP to a real {@code flowbench lsp} process. */
class LspServerTest {
    private static final String FLOW = """
            id: docker_flow
            namespace: company.team
            tasks:
              - id: script
                type: io.kestra.plugin.scripts.shell.Commands
                containerImage: local/busybox:1
                taskRunner:
                  type: io.kestra.plugin.scripts.runner.docker.Docker
                  pullPolicy: SOMETIMES
                commands:
                  - echo hello
            """;

    @TempDir
    static Path workspace;

    static LspProcess lsp;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(workspace.resolve("flows"));
        lsp = LspProcess.start(workspace);
    }

    @AfterAll
    static void stop() throws Exception {
        lsp.close();
    }

    private static String open(String name, String text) {
        String uri = workspace.resolve("flows").resolve(name).toUri().toString();
        lsp.server
                .getTextDocumentService()
                .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, text)));
        return uri;
    }

    @Test
    void aBadEnumValueIsPublishedWithItsExactRangeMessageAndFixData() throws Exception {
        String uri = open("enum.yaml", FLOW);

        var published = lsp.nextDiagnostics(uri);

        assertThat(published.getVersion()).isEqualTo(1);
        assertThat(published.getDiagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getRange()).isEqualTo(new Range(new Position(8, 18), new Position(8, 27)));
            assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
            assertThat(d.getCode().getLeft()).isEqualTo("invalid-enum");
            assertThat(d.getMessage()).contains("`SOMETIMES` is not a valid pullPolicy");
            assertThat(String.valueOf(d.getData())).contains("IF_NOT_PRESENT", "ALWAYS", "NEVER");
        });
    }

    @Test
    void anIncrementalEditThatFixesTheValueClearsTheDiagnostic() throws Exception {
        String uri = open("fix.yaml", FLOW);
        lsp.nextDiagnostics(uri);

        var change = new TextDocumentContentChangeEvent(new Range(new Position(8, 18), new Position(8, 27)), "ALWAYS");
        lsp.server
                .getTextDocumentService()
                .didChange(
                        new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2), List.of(change)));

        var published = lsp.nextDiagnostics(uri);
        assertThat(published.getVersion()).isEqualTo(2);
        assertThat(published.getDiagnostics()).isEmpty();
    }

    @Test
    void aBurstOfEditsEndsWithTheDiagnosticsOfTheLastVersion() throws Exception {
        String uri = open("burst.yaml", FLOW);
        lsp.nextDiagnostics(uri);

        for (int version = 2; version <= 30; version++) {
            String text = version == 30 ? FLOW.replace("SOMETIMES", "NEVER") : FLOW.replace("SOMETIMES", "X" + version);
            lsp.server
                    .getTextDocumentService()
                    .didChange(new DidChangeTextDocumentParams(
                            new VersionedTextDocumentIdentifier(uri, version),
                            List.of(new TextDocumentContentChangeEvent(text))));
        }

        int lastVersion = 0;
        List<?> lastDiagnostics = null;
        while (lastVersion < 30) {
            var published = lsp.nextDiagnostics(uri);
            assertThat(published.getVersion()).as("versions only grow").isGreaterThan(lastVersion);
            lastVersion = published.getVersion();
            lastDiagnostics = published.getDiagnostics();
        }
        assertThat(lastDiagnostics).isEmpty();
    }

    @Test
    void anAliasBombIsADiagnosticNotAHang() throws Exception {
        var bomb =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p);
            bomb.append(", *").append(p).repeat(", *" + p, 7).append("]\n");
        }
        String uri = open("bomb.yaml", bomb.toString());

        var published = lsp.nextDiagnostics(uri);

        assertThat(published.getDiagnostics())
                .anySatisfy(d -> assertThat(d.getCode().getLeft()).startsWith("yaml-"));
    }

    @Test
    void anUnknownRequestGetsAnLspErrorAndTheServerKeepsServing() throws Exception {
        var answer = lsp.endpoint.request("flowbench/noSuchMethod", java.util.Map.of("x", 1));

        assertThat(answer)
                .failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableThat()
                .withMessageContaining("Unsupported request method: flowbench/noSuchMethod");
        String uri = open("after.yaml", FLOW);
        assertThat(lsp.nextDiagnostics(uri).getDiagnostics()).hasSize(1);
    }
}
