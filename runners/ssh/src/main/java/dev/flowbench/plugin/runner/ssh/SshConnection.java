package dev.flowbench.plugin.runner.ssh;

import dev.flowbench.runner.RunnerException;
import dev.flowbench.runner.SecretMasker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.ClientSession.ClientSessionEvent;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * One authenticated SSH session to the runner's host, with its own client (so nothing is shared between runs
 * or with other plugins). Every failure to get there becomes a {@link RunnerException} with one line that
 * names the cause: unreachable host, host key mismatch or unknown host, failed authentication.
 */
final class SshConnection implements AutoCloseable {

    /** The result of a small script run over an exec channel: its exit code and what it wrote. */
    record ScriptResult(int exitCode, String output) {}

    private final SshClient client;
    private final ClientSession session;
    private final String target;

    private SshConnection(SshClient client, ClientSession session, String target) {
        this.client = client;
        this.session = session;
        this.target = target;
    }

    /**
     * Connects and authenticates; throws a {@link RunnerException} with a one-line, masked reason. The caller
     * closes the returned connection.
     */
    static SshConnection open(SshRunner config, HostKeyCheck hostKeys, SecretMasker masker) {
        String target = config.host() + ":" + config.port();
        List<KeyPair> keys = privateKeys(config, masker);
        SshClient client = SshClient.setUpDefaultClient();
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY); // never read ~/.ssh/config
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER); // only the configured key
        client.setServerKeyVerifier(hostKeys);
        client.setSignatureFactories(preferKnownTypes(client.getSignatureFactories(), hostKeys.knownTypes()));
        // A task may print nothing for an hour: keep the session alive instead of timing it out as idle.
        CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
        CoreModuleProperties.NIO2_READ_TIMEOUT.set(client, Duration.ZERO);
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, Duration.ofSeconds(30));
        CoreModuleProperties.AUTH_TIMEOUT.set(client, config.connectTimeout());
        client.start();
        ClientSession session = null;
        try {
            try {
                session = client.connect(config.username(), config.host(), config.port())
                        .verify(config.connectTimeout())
                        .getSession();
            } catch (IOException | RuntimeException e) {
                throw new RunnerException(masker.mask("cannot reach " + target + ": " + unreachable(e, config)), e);
            }
            if (config.password() != null) {
                session.addPasswordIdentity(config.password());
            }
            keys.forEach(session::addPublicKeyIdentity);
            try {
                session.auth().verify(config.connectTimeout());
            } catch (IOException | RuntimeException e) {
                throw new RunnerException(masker.mask(authFailure(e, config, session, hostKeys, target)), e);
            }
            return new SshConnection(client, session, target);
        } catch (RuntimeException e) {
            closeQuietly(session);
            client.stop();
            throw e;
        }
    }

    /** {@code host:port}, for messages. */
    String target() {
        return target;
    }

    /**
     * Runs {@code script} with {@code /bin/sh -s} (the script goes through stdin, so the remote login shell
     * never parses it) and waits for its end; stdout and stderr are captured together.
     */
    ScriptResult script(String script, Duration timeout) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel("/bin/sh -s")) {
            channel.setIn(new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)));
            channel.setOut(output);
            channel.setErr(output);
            channel.open().verify(timeout);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                throw new IOException("no answer from " + target + " within " + timeout.toSeconds() + "s");
            }
            Integer status = channel.getExitStatus();
            return new ScriptResult(
                    status == null ? -1 : status,
                    output.toString(StandardCharsets.UTF_8).strip());
        }
    }

    /** Opens an exec channel running {@code command}, with stdin at end of file; the caller closes it. */
    ChannelExec start(String command, OutputStream stdout, OutputStream stderr, Duration timeout) throws IOException {
        ChannelExec channel = session.createExecChannel(command);
        channel.setIn(InputStream.nullInputStream());
        channel.setOut(stdout);
        channel.setErr(stderr);
        try {
            channel.open().verify(timeout);
        } catch (IOException | RuntimeException e) {
            channel.close(true);
            throw e;
        }
        return channel;
    }

    /** A new SFTP client on this session; the caller closes it. */
    SftpClient sftp() throws IOException {
        return SftpClientFactory.instance().createSftpClient(session);
    }

    /** Whether the session is still usable. */
    boolean isOpen() {
        return session.isOpen();
    }

    /** Closes the session at once and stops the client; idempotent. */
    @Override
    public void close() {
        closeQuietly(session);
        client.stop();
    }

    private static List<KeyPair> privateKeys(SshRunner config, SecretMasker masker) {
        if (config.privateKey() == null) {
            return List.of();
        }
        FilePasswordProvider passphrase = config.privateKeyPassphrase() == null
                ? FilePasswordProvider.EMPTY
                : FilePasswordProvider.of(config.privateKeyPassphrase());
        List<KeyPair> keys = new ArrayList<>();
        try {
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(
                    null,
                    NamedResource.ofName("privateKey"),
                    new ByteArrayInputStream(config.privateKey().getBytes(StandardCharsets.UTF_8)),
                    passphrase);
            if (loaded != null) {
                loaded.forEach(keys::add);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("ed25519")) {
                throw new RunnerException("privateKey is an Ed25519 key, which the SSH runner does not support yet:"
                        + " use an ECDSA or RSA key (ssh-keygen -t ecdsa)");
            }
            String hint = config.privateKeyPassphrase() == null
                    ? "an encrypted key needs privateKeyPassphrase"
                    : "check privateKeyPassphrase";
            throw new RunnerException(
                    masker.mask("cannot read privateKey (an OpenSSH or PEM private key is expected; " + hint + "): "
                            + e.getMessage()),
                    e);
        }
        if (keys.isEmpty()) {
            throw new RunnerException("privateKey holds no private key (an OpenSSH or PEM private key is expected)");
        }
        return keys;
    }

    /**
     * The client's host key algorithms with those of the keys we know for the host first, so a server with
     * several host keys presents one we can check (OpenSSH does the same).
     */
    private static List<NamedFactory<Signature>> preferKnownTypes(
            List<NamedFactory<Signature>> factories, Set<String> knownTypes) {
        List<NamedFactory<Signature>> ordered = new ArrayList<>(factories);
        if (!knownTypes.isEmpty()) {
            ordered.sort(Comparator.comparingInt(
                    factory -> knownTypes.contains(KeyUtils.getCanonicalKeyType(factory.getName())) ? 0 : 1));
        }
        return ordered;
    }

    private static String unreachable(Throwable failure, SshRunner config) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "connection refused (is an SSH server listening on port " + config.port() + "?)";
            }
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return "unknown host name '" + config.host() + "'";
            }
            if (cause instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (cause instanceof SocketTimeoutException) {
                return "no answer within " + config.connectTimeout().toSeconds() + "s";
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        String message = failure.getMessage();
        if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
            return "no answer within " + config.connectTimeout().toSeconds() + "s";
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    private static String authFailure(
            Throwable failure, SshRunner config, ClientSession session, HostKeyCheck hostKeys, String target) {
        String refusal = hostKeys.refusal(target);
        if (refusal != null) {
            return refusal;
        }
        boolean stillOpen =
                session.waitFor(EnumSet.of(ClientSessionEvent.CLOSED), 200L).contains(ClientSessionEvent.TIMEOUT)
                        && session.isOpen();
        if (stillOpen) {
            List<String> tried = new ArrayList<>();
            if (config.password() != null) {
                tried.add("password");
            }
            if (config.privateKey() != null) {
                tried.add("privateKey");
            }
            return "authentication failed for user '" + config.username() + "' on " + target + " (tried "
                    + (tried.isEmpty() ? "nothing: set password or privateKey" : String.join(" and ", tried)) + ")";
        }
        String message = failure.getMessage();
        return "SSH connection to " + target + " failed: "
                + (message == null ? failure.getClass().getSimpleName() : message);
    }

    private static void closeQuietly(ClientSession session) {
        if (session != null) {
            session.close(true);
        }
    }
}
