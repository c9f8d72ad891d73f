package dev.flowbench.plugin.runner.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.nativefs.NativeFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SSH server in this JVM, on a free loopback port: password and public-key login for one user, commands
 * run by this machine's {@code /bin/sh} (like OpenSSH's exec requests), and SFTP on the real file system.
 */
final class TestSshServer implements AutoCloseable {

    static final String USER = "flow";
    static final String PASSWORD = "pa55-w0rd-for-tests";

    private final SshServer server;
    private final KeyPair hostKey;
    private final KeyPair clientKey;

    private TestSshServer(SshServer server, KeyPair hostKey, KeyPair clientKey) {
        this.server = server;
        this.hostKey = hostKey;
        this.clientKey = clientKey;
    }

    /** Starts a server with a fresh ECDSA host key and a fresh authorized client key. */
    static TestSshServer start() throws IOException, GeneralSecurityException {
        KeyPair hostKey = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        KeyPair clientKey = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setPublickeyAuthenticator(
                (user, key, session) -> USER.equals(user) && KeyUtils.compareKeys(key, clientKey.getPublic()));
        server.setCommandFactory((channel, command) -> new ShellCommand(command));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(NativeFileSystemFactory.INSTANCE);
        server.start();
        return new TestSshServer(server, hostKey, clientKey);
    }

    int port() {
        return server.getPort();
    }

    /** The server's host key as a public key line ({@code ecdsa-sha2-nistp256 AAAA…}). */
    String hostKeyLine() {
        return PublicKeyEntry.toString(hostKey.getPublic(), null);
    }

    /** The authorized client key in OpenSSH format, encrypted with {@code passphrase} unless it is null. */
    String clientPrivateKey(String passphrase) throws IOException, GeneralSecurityException {
        var out = new ByteArrayOutputStream();
        OpenSSHKeyEncryptionContext encryption = null;
        if (passphrase != null) {
            encryption = new OpenSSHKeyEncryptionContext();
            encryption.setCipherName("AES");
            encryption.setCipherType("256");
            encryption.setPassword(passphrase);
        }
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "test", encryption, out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** A password-login runner for this server that checks its host key inline. */
    SshRunner passwordRunner(Duration grace) {
        return new SshRunner(
                "127.0.0.1",
                port(),
                USER,
                PASSWORD,
                null,
                null,
                null,
                hostKeyLine(),
                true,
                null,
                Duration.ofSeconds(10),
                grace);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** An exec request: {@code /bin/sh -c COMMAND}, streams pumped until end of file, then the exit status. */
    private static final class ShellCommand implements Command {
        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback callback;
        private Process process;

        ShellCommand(String command) {
            this.command = command;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.callback = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            process = new ProcessBuilder("/bin/sh", "-c", command).start();
            Thread stdout = pump(process.getInputStream(), out, false);
            Thread stderr = pump(process.getErrorStream(), err, false);
            pump(in, process.getOutputStream(), true);
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    int code = process.waitFor();
                    stdout.join();
                    stderr.join();
                    callback.onExit(code);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (process != null) {
                process.destroy();
            }
        }

        private static Thread pump(InputStream from, OutputStream to, boolean closeTarget) {
            return Thread.ofPlatform().daemon().start(() -> {
                byte[] buffer = new byte[8192];
                try {
                    int read;
                    while ((read = from.read(buffer)) >= 0) {
                        to.write(buffer, 0, read);
                        to.flush();
                    }
                } catch (IOException closed) {
                    // the channel or the process went away: nothing more to pass on
                } finally {
                    if (closeTarget) {
                        try {
                            to.close();
                        } catch (IOException ignored) {
                            // already closed
                        }
                    }
                }
            });
        }
    }
}
