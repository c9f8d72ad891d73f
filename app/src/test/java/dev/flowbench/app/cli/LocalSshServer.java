package dev.flowbench.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.nativefs.NativeFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SSH server in the test JVM, on a free loopback port, for tasks run through the SSH runner plugin: password
 * login for one user, exec requests run by this machine's {@code /bin/sh}, SFTP on the real file system.
 */
final class LocalSshServer implements AutoCloseable {
    static final String USER = "flow";
    static final String PASSWORD = "end-to-end-pa55";

    private final SshServer server;
    private final KeyPair hostKey;

    private LocalSshServer(SshServer server, KeyPair hostKey) {
        this.server = server;
        this.hostKey = hostKey;
    }

    static LocalSshServer start() throws IOException, GeneralSecurityException {
        KeyPair hostKey = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setCommandFactory((channel, command) -> new ShellCommand(command));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(NativeFileSystemFactory.INSTANCE);
        server.start();
        return new LocalSshServer(server, hostKey);
    }

    int port() {
        return server.getPort();
    }

    /** The host key as {@code ecdsa-sha2-nistp256 AAAA…}, for the runner's {@code hostKey}. */
    String hostKeyLine() {
        return PublicKeyEntry.toString(hostKey.getPublic(), null);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** {@code /bin/sh -c COMMAND}: output pumped until end of file, then the exit status, as OpenSSH does. */
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
                try (InputStream source = from) {
                    int read;
                    while ((read = source.read(buffer)) >= 0) {
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
