package dev.flowbench.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceInstanceTest {
    @TempDir
    Path workspace;

    @Test
    void aSecondClaimOnAWorkspaceIsRefusedUntilTheFirstGivesItUp() throws IOException {
        var first = WorkspaceInstance.claim(workspace).orElseThrow();

        assertThat(WorkspaceInstance.claim(workspace)).isEmpty();

        first.close();
        assertClaimable();
    }

    @Test
    void filesForwardedByALaterLaunchReachTheInstanceHoldingTheWorkspace() throws Exception {
        BlockingQueue<List<Path>> opened = new LinkedBlockingQueue<>();
        try (var instance = WorkspaceInstance.claim(workspace).orElseThrow()) {
            instance.listen(opened::add);
            Path a = workspace.resolve("flows/a.yaml");
            Path b = workspace.resolve("flows/b yaml with spaces.yaml");

            assertThat(WorkspaceInstance.forward(workspace, List.of(a, b), Duration.ofSeconds(5)))
                    .isTrue();
            assertThat(WorkspaceInstance.forward(workspace, List.of(), Duration.ofSeconds(5)))
                    .isTrue();

            assertThat(opened.poll(5, TimeUnit.SECONDS)).containsExactly(a, b);
            assertThat(opened.poll(5, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void aRequestWithoutTheTokenOpensNothingAndGetsNoAnswer() throws Exception {
        BlockingQueue<List<Path>> opened = new LinkedBlockingQueue<>();
        try (var instance = WorkspaceInstance.claim(workspace).orElseThrow()) {
            instance.listen(opened::add);
            int port = Integer.parseInt(
                    Files.readString(workspace.resolve(".flowbench/instance")).split(" ")[0]);

            try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(5_000);
                Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
                out.write("not-the-token\n/etc/passwd.yaml\n\n");
                out.flush();
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String answer;
                try {
                    answer = in.readLine();
                } catch (SocketException reset) {
                    answer = null; // closed with the request unread: a reset, which is no answer either
                }
                assertThat(answer).isNull();
            }

            assertThat(opened.poll(500, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void theAddressFileIsReadableByItsOwnerOnly() throws IOException {
        try (var instance = WorkspaceInstance.claim(workspace).orElseThrow()) {
            Path address = workspace.resolve(".flowbench/instance");
            if (Files.getFileStore(address).supportsFileAttributeView("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(address)))
                        .isEqualTo("rw-------");
            }
            assertThat(Files.readString(address)).matches("\\d+ [0-9a-f]{64}\n");
        }
    }

    @Test
    void forwardingToAWorkspaceNobodyHoldsGivesUpAtItsLimit() {
        long began = System.nanoTime();

        assertThat(WorkspaceInstance.forward(workspace, List.of(), Duration.ofMillis(300)))
                .isFalse();

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anotherProcessHoldsTheWorkspaceUntilItIsKilled() throws Exception {
        Process holder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HoldWorkspace.class.getName(),
                        workspace.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            var out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("held");

            assertThat(WorkspaceInstance.claim(workspace)).isEmpty();
            Path flow = workspace.resolve("flows/hello.yaml");
            assertThat(WorkspaceInstance.forward(workspace, List.of(flow), Duration.ofSeconds(10)))
                    .isTrue();
            assertThat(out.readLine()).isEqualTo("opened: [" + flow + "]");

            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            assertClaimable();
        } finally {
            holder.destroyForcibly();
        }
    }

    /** Asserts that this process can claim the workspace now, and gives it up again. */
    private void assertClaimable() throws IOException {
        Optional<WorkspaceInstance> claimed = WorkspaceInstance.claim(workspace);
        assertThat(claimed).as("the workspace could be claimed").isPresent();
        claimed.get().close();
    }
}
