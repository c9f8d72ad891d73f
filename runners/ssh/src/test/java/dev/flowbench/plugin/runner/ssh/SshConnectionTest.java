package dev.flowbench.plugin.runner.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.flowbench.runner.RecordingListener;
import dev.flowbench.runner.RunCommand;
import dev.flowbench.runner.RunRequest;
import dev.flowbench.runner.RunResult;
import dev.flowbench.runner.RunnerException;
import dev.flowbench.runner.TaskIdentity;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logging in: host key checks, their explicit opt-out, authentication and unreachable hosts. */
class SshConnectionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ED25519_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPmQy1VwVmrcgOMSx0Aro7a5FkPC8STKqOWSvZleRx0a";

    private static TestSshServer server;

    @TempDir
    Path temp;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestSshServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aChangedHostKeyStopsTheRunBeforeAnythingRunsAndNamesTheKeyPresented() throws Exception {
        KeyPair other = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        var runner = runner(TestSshServer.PASSWORD, null, PublicKeyEntry.toString(other.getPublic(), null), true);
        RunRequest request = request("touch ran.txt");
        var listener = new RecordingListener();

        RunnerException error = failure(runner, request, listener);

        assertThat(error.getMessage())
                .startsWith("host key mismatch for 127.0.0.1:" + server.port())
                .contains(KeyUtils.getFingerPrint(serverKey()))
                .doesNotContain("\n");
        assertThat(listener.events()).containsExactly("failed");
        assertThat(request.workingDirectory().resolve("ran.txt")).doesNotExist();
    }

    @Test
    void aHostMissingFromKnownHostsIsRefusedWithItsFingerprintAndTheWaysOut() throws Exception {
        Path knownHosts = Files.writeString(temp.resolve("known_hosts"), "other.example.com " + server.hostKeyLine());

        RunnerException error = failure(runner(TestSshServer.PASSWORD, knownHosts, null, true), request("true"));

        assertThat(error.getMessage())
                .contains("host key of 127.0.0.1:" + server.port() + " is unknown")
                .contains(KeyUtils.getFingerPrint(serverKey()))
                .contains("strictHostKeyChecking: false");
    }

    @Test
    void aKnownHostsEntryForTheHostAndItsPortIsAccepted() throws Exception {
        Path knownHosts = Files.writeString(
                temp.resolve("known_hosts"),
                "other.example.com " + ED25519_KEY + "\n[127.0.0.1]:" + server.port() + " " + server.hostKeyLine()
                        + "\n");

        RunResult result = runner(TestSshServer.PASSWORD, knownHosts, null, true)
                .run(request("echo in"), new RecordingListener())
                .await(WAIT);

        assertThat(result.exitCode()).isZero();
    }

    @Test
    void aHostKnownOnlyByAnotherKeyTypeIsRefusedSayingWhichTypeToAdd() throws Exception {
        Path knownHosts =
                Files.writeString(temp.resolve("known_hosts"), "[127.0.0.1]:" + server.port() + " " + ED25519_KEY);

        RunnerException error = failure(runner(TestSshServer.PASSWORD, knownHosts, null, true), request("true"));

        assertThat(error.getMessage())
                .contains("only has ssh-ed25519 keys for it")
                .contains("ssh-keyscan -t ecdsa");
    }

    @Test
    void aMissingKnownHostsFileThatWasAskedForIsOneClearLine() {
        Path missing = temp.resolve("nowhere/known_hosts");

        RunnerException error = failure(runner(TestSshServer.PASSWORD, missing, null, true), request("true"));

        assertThat(error.getMessage()).isEqualTo("knownHosts file " + missing + " does not exist");
    }

    @Test
    void turningCheckingOffConnectsToAnyKeyAndWarnsInTheTaskLog() throws Exception {
        var listener = new RecordingListener();

        RunResult result = runner(TestSshServer.PASSWORD, null, null, false)
                .run(request("echo ran"), listener)
                .await(WAIT);

        assertThat(result.exitCode()).isZero();
        assertThat(listener.stdout()).containsExactly("ran");
        assertThat(listener.stderr())
                .singleElement()
                .asString()
                .contains("warning: host key checking is disabled", KeyUtils.getFingerPrint(serverKey()));
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailureThatNeverShowsThePassword() {
        String wrong = "not-the-password-42";
        var listener = new RecordingListener();

        RunnerException error = failure(runner(wrong, null, server.hostKeyLine(), true), request("true"), listener);

        assertThat(error.getMessage())
                .isEqualTo("authentication failed for user 'flow' on 127.0.0.1:" + server.port() + " (tried password)");
        assertThat(listener.error().getMessage()).doesNotContain(wrong);
    }

    @Test
    void anEncryptedPrivateKeyWithItsPassphraseLogsIn() throws Exception {
        var runner = keyRunner(server.clientPrivateKey("key-passphrase"), "key-passphrase");
        var listener = new RecordingListener();

        RunResult result = runner.run(request("echo by key"), listener).await(WAIT);

        assertThat(result.exitCode()).isZero();
        assertThat(listener.stdout()).containsExactly("by key");
    }

    @Test
    void aWrongPassphraseSaysThePrivateKeyCannotBeReadWithoutShowingIt() throws Exception {
        var runner = keyRunner(server.clientPrivateKey("key-passphrase"), "wrong-passphrase-17");

        RunnerException error = failure(runner, request("true"));

        assertThat(error.getMessage()).startsWith("cannot read privateKey").doesNotContain("wrong-passphrase-17");
    }

    @Test
    void anEd25519PrivateKeyIsRefusedSayingWhichKeyTypesWork() {
        String ed25519 = """
                -----BEGIN OPENSSH PRIVATE KEY-----
                b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
                QyNTUxOQAAACD5kMtVcFZq3IDjEsdAK6O2uRZDwvEkyqjlkr2ZXkcdGgAAAIh8QEakfEBG
                pAAAAAtzc2gtZWQyNTUxOQAAACD5kMtVcFZq3IDjEsdAK6O2uRZDwvEkyqjlkr2ZXkcdGg
                AAAEBjR17fsyOS9HA0lJO5+KMfKuQjSPTn1/t0oZEpmJ+YnfmQy1VwVmrcgOMSx0Aro7a5
                FkPC8STKqOWSvZleRx0aAAAAAAECAwQF
                -----END OPENSSH PRIVATE KEY-----
                """;

        RunnerException error = failure(keyRunner(ed25519, null), request("true"));

        assertThat(error.getMessage()).contains("Ed25519", "ECDSA or RSA").doesNotContain("AAAA");
    }

    @Test
    void anUnreachableHostIsOneLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var runner = new SshRunner(
                "127.0.0.1",
                closedPort,
                "flow",
                "x",
                null,
                null,
                null,
                server.hostKeyLine(),
                true,
                null,
                Duration.ofSeconds(5),
                null);

        RunnerException error = failure(runner, request("true"));

        assertThat(error.getMessage())
                .isEqualTo("cannot reach 127.0.0.1:" + closedPort
                        + ": connection refused (is an SSH server listening on port " + closedPort + "?)");
    }

    @Test
    void aConnectionLostWhileTheCommandsRunFailsTheRunWithOneLine() throws Exception {
        var listener = new RecordingListener();
        RunRequest request = request("echo started", "sleep 30");
        try (TestSshServer doomed = TestSshServer.start()) {
            var handle = doomed.passwordRunner(Duration.ofSeconds(1)).run(request, listener);
            assertThat(listener.awaitLine("started"::equals, WAIT)).isTrue();
            doomed.close();

            RunnerException error = catchThrowableOfType(RunnerException.class, () -> handle.await(WAIT));

            assertThat(error.getMessage())
                    .startsWith("the connection to 127.0.0.1:")
                    .contains("was lost before the commands ended");
            assertThat(listener.events()).containsExactly("started", "failed");
        } finally {
            String directory = server.passwordRunner(Duration.ZERO)
                    .layout(request.workingDirectory())
                    .root();
            deleteTree(Path.of(directory)); // the host could not clean up after the lost connection
        }
    }

    @Test
    void aRunnerWithoutCredentialsFailsBeforeConnecting() {
        var runner =
                new SshRunner("127.0.0.1", server.port(), "flow", null, null, null, null, null, true, null, null, null);

        RunnerException error = failure(runner, request("true"));

        assertThat(error.getMessage())
                .isEqualTo("the SSH runner needs a password or a privateKey to log in to 127.0.0.1");
    }

    private SshRunner runner(String password, Path knownHosts, String hostKey, boolean strict) {
        return new SshRunner(
                "127.0.0.1",
                server.port(),
                TestSshServer.USER,
                password,
                null,
                null,
                knownHosts == null ? null : knownHosts.toString(),
                hostKey,
                strict,
                null,
                Duration.ofSeconds(10),
                Duration.ofSeconds(1));
    }

    private SshRunner keyRunner(String privateKey, String passphrase) {
        return new SshRunner(
                "127.0.0.1",
                server.port(),
                TestSshServer.USER,
                null,
                privateKey,
                passphrase,
                null,
                server.hostKeyLine(),
                true,
                null,
                Duration.ofSeconds(10),
                Duration.ofSeconds(1));
    }

    private RunRequest request(String... lines) {
        Path run = temp.resolve("run-" + System.nanoTime());
        try {
            Files.createDirectories(run.resolve("work"));
            Files.createDirectories(run.resolve("out"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        var identity = new TaskIdentity("tests", "ssh", "exec", "task", "run", 1);
        return RunRequest.of(identity, RunCommand.shell(lines), run.resolve("work"), run.resolve("out"));
    }

    private static RunnerException failure(SshRunner runner, RunRequest request) {
        return failure(runner, request, new RecordingListener());
    }

    private static RunnerException failure(SshRunner runner, RunRequest request, RecordingListener listener) {
        return catchThrowableOfType(
                RunnerException.class, () -> runner.run(request, listener).await(WAIT));
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                for (Path path :
                        walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static java.security.PublicKey serverKey() throws Exception {
        return PublicKeyEntry.parsePublicKeyEntry(server.hostKeyLine()).resolvePublicKey(null, null, null);
    }
}
