package dev.flowbench.app.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    private static Position at(String text, String marker) {
        int offset = text.indexOf(marker);
        String before = text.substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count();
        return new Position(line, offset - (before.lastIndexOf('\n') + 1));
    }

    @Test
    void completionAfterTypeUnderTaskRunnerOffersOnlyRunnerTypes() throws Exception {
        String text = FLOW.replace("type: io.kestra.plugin.scripts.runner.docker.Docker", "type: ");
        String uri = open("complete.yaml", text);
        lsp.nextDiagnostics(uri);

        var params = new org.eclipse.lsp4j.CompletionParams(
                new org.eclipse.lsp4j.TextDocumentIdentifier(uri), at(text, "type: \n      pullPolicy"));
        params.getPosition().setCharacter(params.getPosition().getCharacter() + "type: ".length());
        var answer = lsp.server.getTextDocumentService().completion(params).get(30, TimeUnit.SECONDS);

        var labels = answer.getRight().getItems().stream()
                .map(org.eclipse.lsp4j.CompletionItem::getLabel)
                .toList();
        assertThat(labels)
                .contains(
                        "io.kestra.plugin.scripts.runner.docker.Docker",
                        "io.kestra.plugin.ee.kubernetes.runner.Kubernetes")
                .doesNotContain("io.kestra.plugin.core.log.Log");
        var docker = answer.getRight().getItems().stream()
                .filter(i -> i.getLabel().equals("io.kestra.plugin.scripts.runner.docker.Docker"))
                .findFirst()
                .orElseThrow();
        var resolved = lsp.server
                .getTextDocumentService()
                .resolveCompletionItem(docker)
                .get(30, TimeUnit.SECONDS);
        assertThat(resolved.getDocumentation().getRight().getValue()).containsIgnoringCase("docker");
    }

    @Test
    void hoverOnAPropertyExplainsItInMarkdown() throws Exception {
        String uri = open("hover.yaml", FLOW);
        lsp.nextDiagnostics(uri);

        var hover = lsp.server
                .getTextDocumentService()
                .hover(new org.eclipse.lsp4j.HoverParams(
                        new org.eclipse.lsp4j.TextDocumentIdentifier(uri), at(FLOW, "pullPolicy")))
                .get(30, TimeUnit.SECONDS);

        assertThat(hover.getContents().getRight().getKind()).isEqualTo("markdown");
        assertThat(hover.getContents().getRight().getValue()).contains("IF_NOT_PRESENT", "ALWAYS", "NEVER");
    }

    @Test
    void aCodeActionReplacesTheBadEnumValue() throws Exception {
        String uri = open("action.yaml", FLOW);
        var diagnostic = lsp.nextDiagnostics(uri).getDiagnostics().getFirst();

        var context = new org.eclipse.lsp4j.CodeActionContext(List.of(diagnostic));
        var actions = lsp.server
                .getTextDocumentService()
                .codeAction(new org.eclipse.lsp4j.CodeActionParams(
                        new org.eclipse.lsp4j.TextDocumentIdentifier(uri), diagnostic.getRange(), context))
                .get(30, TimeUnit.SECONDS);

        assertThat(actions).isNotEmpty();
        var edits = actions.stream()
                .map(a -> a.getRight().getEdit().getChanges().get(uri))
                .flatMap(List::stream)
                .map(org.eclipse.lsp4j.TextEdit::getNewText)
                .toList();
        assertThat(edits).contains("ALWAYS", "IF_NOT_PRESENT", "NEVER");
    }

    @Test
    void theOutlineListsTheTasksWithTheirTypes() throws Exception {
        String uri = open("outline.yaml", FLOW);
        lsp.nextDiagnostics(uri);

        var symbols = lsp.server
                .getTextDocumentService()
                .documentSymbol(
                        new org.eclipse.lsp4j.DocumentSymbolParams(new org.eclipse.lsp4j.TextDocumentIdentifier(uri)))
                .get(30, TimeUnit.SECONDS);

        assertThat(symbols.toString()).contains("script", "io.kestra.plugin.scripts.shell.Commands");
    }

    @Test
    void aTypeValueLinksToAGeneratedDocsPage() throws Exception {
        String uri = open("links.yaml", FLOW);
        lsp.nextDiagnostics(uri);

        var links = lsp.server
                .getTextDocumentService()
                .documentLink(
                        new org.eclipse.lsp4j.DocumentLinkParams(new org.eclipse.lsp4j.TextDocumentIdentifier(uri)))
                .get(30, TimeUnit.SECONDS);

        assertThat(links).anySatisfy(link -> {
            assertThat(link.getRange().getStart().getLine()).isEqualTo(7);
            assertThat(link.getTarget()).endsWith("io.kestra.plugin.scripts.runner.docker.Docker.md");
            assertThat(Files.readString(Path.of(java.net.URI.create(link.getTarget()))))
                    .contains("pullPolicy");
        });
    }

    @Test
    void aCancelledRequestIsAbandonedAndTheServerGoesOn() throws Exception {
        String uri = open("cancel.yaml", FLOW);
        lsp.nextDiagnostics(uri);
        var params = new org.eclipse.lsp4j.CompletionParams(
                new org.eclipse.lsp4j.TextDocumentIdentifier(uri), at(FLOW, "pullPolicy"));

        // The server may answer one request before its cancellation arrives; out of a hundred, cancelled as soon
        // as each is sent, some are abandoned, and the server has to take the $/cancelRequest and go on.
        int cancelled = 0;
        for (int i = 0; i < 100; i++) {
            var pending = lsp.server.getTextDocumentService().completion(params);
            if (pending.cancel(true)) {
                cancelled++;
            }
        }

        assertThat(cancelled).as("requests cancelled before their answer came").isPositive();
        var next = lsp.server.getTextDocumentService().completion(params).get(30, TimeUnit.SECONDS);
        assertThat(next.getRight().getItems()).isNotNull();
        assertThat(lsp.process.isAlive()).isTrue();
    }

    @Test
    void aRequestAboutADocumentNeverOpenedIsAnLspError() {
        var params = new org.eclipse.lsp4j.HoverParams(
                new org.eclipse.lsp4j.TextDocumentIdentifier("file:///nowhere.yaml"), new Position(0, 0));

        assertThat(lsp.server.getTextDocumentService().hover(params))
                .failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableThat()
                .withMessageContaining("document not open");
    }
}
