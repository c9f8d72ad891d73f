package dev.flowbench.plugin.runner.ssh;

import dev.flowbench.runner.RunnerException;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * Decides whether the key a server presents is the host's, as OpenSSH's {@code StrictHostKeyChecking=yes}
 * does: against an inline {@code hostKey}, else against the entries of a known_hosts file for this host and
 * port (plain or hashed); an unknown host is refused rather than trusted on first use. Records why it refused,
 * so the connection error can say "mismatch" or "unknown" instead of the library's generic failure.
 */
final class HostKeyCheck implements ServerKeyVerifier {

    /** How the check ended. */
    enum Outcome {
        NOT_CHECKED,
        ACCEPTED,
        SKIPPED,
        UNKNOWN_HOST,
        OTHER_KEY_TYPE,
        MISMATCH,
        REVOKED
    }

    /** A key the host may present, by type; {@code key} is null when this JVM cannot decode that type. */
    record Expected(String type, PublicKey key, boolean revoked) {}

    private final boolean strict;
    private final List<Expected> expected;
    private final String source;
    private volatile Outcome outcome = Outcome.NOT_CHECKED;
    private volatile PublicKey presented;

    private HostKeyCheck(boolean strict, List<Expected> expected, String source) {
        this.strict = strict;
        this.expected = List.copyOf(expected);
        this.source = source;
    }

    /** A check that accepts any key (and remembers it, for the warning). */
    static HostKeyCheck disabled() {
        return new HostKeyCheck(false, List.of(), "nothing");
    }

    /** A check against the inline {@code hostKey} text: public key lines or known_hosts lines. */
    static HostKeyCheck inline(String hostKeys) {
        List<Expected> keys = new ArrayList<>();
        for (String line : hostKeys.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            keys.add(parseInline(trimmed));
        }
        if (keys.isEmpty()) {
            throw new RunnerException(
                    "hostKey holds no key: give a line such as 'ssh-ed25519 AAAA…' (ssh-keyscan prints" + " them)");
        }
        return new HostKeyCheck(true, keys, "hostKey");
    }

    /** A check against the entries of {@code knownHosts} matching {@code host} and {@code port}. */
    static HostKeyCheck knownHosts(Path knownHosts, String host, int port, boolean mustExist) {
        if (!Files.isRegularFile(knownHosts)) {
            if (mustExist) {
                throw new RunnerException("knownHosts file " + knownHosts + " does not exist");
            }
            return new HostKeyCheck(true, List.of(), knownHosts.toString());
        }
        List<KnownHostEntry> entries;
        try {
            entries = KnownHostEntry.readKnownHostEntries(knownHosts);
        } catch (IOException | RuntimeException e) {
            throw new RunnerException("cannot read knownHosts file " + knownHosts + ": " + e.getMessage(), e);
        }
        List<Expected> keys = new ArrayList<>();
        for (KnownHostEntry entry : entries) {
            if (entry.getKeyEntry() == null || !entry.isHostMatch(host, port)) {
                continue;
            }
            String marker = entry.getMarker();
            if (marker != null && !marker.equals("revoked")) {
                continue; // @cert-authority lines name a CA, not the host's key
            }
            keys.add(new Expected(
                    entry.getKeyEntry().getKeyType(), decode(entry.getKeyEntry()), "revoked".equals(marker)));
        }
        return new HostKeyCheck(true, keys, knownHosts.toString());
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey serverKey) {
        presented = serverKey;
        if (!strict) {
            outcome = Outcome.SKIPPED;
            return true;
        }
        for (Expected key : expected) {
            if (key.key() != null && KeyUtils.compareKeys(key.key(), serverKey)) {
                outcome = key.revoked() ? Outcome.REVOKED : Outcome.ACCEPTED;
                return !key.revoked();
            }
        }
        String type = KeyUtils.getKeyType(serverKey);
        if (expected.stream().noneMatch(key -> !key.revoked())) {
            outcome = Outcome.UNKNOWN_HOST;
        } else if (expected.stream().anyMatch(key -> !key.revoked() && sameType(key.type(), type))) {
            outcome = Outcome.MISMATCH;
        } else {
            outcome = Outcome.OTHER_KEY_TYPE;
        }
        return false;
    }

    /** How the check ended so far. */
    Outcome outcome() {
        return outcome;
    }

    /** The key types this check knows for the host, canonical ({@code ssh-rsa}, not {@code rsa-sha2-512}). */
    Set<String> knownTypes() {
        Set<String> types = new LinkedHashSet<>();
        for (Expected key : expected) {
            if (!key.revoked()) {
                types.add(KeyUtils.getCanonicalKeyType(key.type()));
            }
        }
        return types;
    }

    /** Whether checking is switched off. */
    boolean isDisabled() {
        return !strict;
    }

    /** The fingerprint of the key the server presented, e.g. {@code SHA256:…}, or "none". */
    String presentedFingerprint() {
        PublicKey key = presented;
        return key == null ? "none" : KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
    }

    /**
     * The one-line reason a connection was refused because of the host key, or null when the host key was not
     * the problem.
     */
    String refusal(String hostAndPort) {
        return switch (outcome) {
            case MISMATCH ->
                "host key mismatch for " + hostAndPort + ": the server presented " + presentedFingerprint()
                        + ", which is not the key in " + source
                        + " (the host was reinstalled, or someone is intercepting the connection); update " + source
                        + " only once you know why";
            case REVOKED ->
                "host key of " + hostAndPort + " (" + presentedFingerprint() + ") is marked @revoked in " + source;
            case OTHER_KEY_TYPE ->
                "host key of " + hostAndPort + " cannot be checked: the server presented "
                        + presentedFingerprint() + " but " + source + " only has " + String.join(", ", knownTypes())
                        + " keys for it; add its " + KeyUtils.getKeyType(presented) + " key (ssh-keyscan -t "
                        + keyscanType(KeyUtils.getKeyType(presented)) + ")";
            case UNKNOWN_HOST ->
                "host key of " + hostAndPort + " is unknown: " + source + " has no entry for it."
                        + " The server presented " + presentedFingerprint()
                        + "; add it to knownHosts (ssh-keyscan), set"
                        + " hostKey, or set strictHostKeyChecking: false";
            default -> null;
        };
    }

    private static boolean sameType(String a, String b) {
        return KeyUtils.getCanonicalKeyType(a).equals(KeyUtils.getCanonicalKeyType(b));
    }

    private static String keyscanType(String keyType) {
        String type = keyType.toLowerCase(Locale.ROOT);
        if (type.contains("ed25519")) {
            return "ed25519";
        }
        if (type.startsWith("ecdsa")) {
            return "ecdsa";
        }
        return "rsa";
    }

    private static Expected parseInline(String line) {
        String[] tokens = line.split("\\s+");
        String entry = line;
        if (!looksLikeKeyType(tokens[0]) && tokens.length >= 3) {
            entry = line.substring(line.indexOf(tokens[1], tokens[0].length())); // a known_hosts line: drop the host
        }
        try {
            PublicKeyEntry parsed = PublicKeyEntry.parsePublicKeyEntry(entry);
            return new Expected(parsed.getKeyType(), decode(parsed), false);
        } catch (IllegalArgumentException e) {
            throw new RunnerException("hostKey line '" + abbreviate(line) + "' is not a public key such as 'ssh-ed25519"
                    + " AAAA…': " + e.getMessage());
        }
    }

    private static boolean looksLikeKeyType(String token) {
        return token.startsWith("ssh-") || token.startsWith("ecdsa-") || token.startsWith("sk-");
    }

    private static PublicKey decode(PublicKeyEntry entry) {
        try {
            return entry.resolvePublicKey(null, null, PublicKeyEntryResolver.IGNORING);
        } catch (IOException | GeneralSecurityException | RuntimeException unsupported) {
            return null; // a key type this JVM cannot decode: still known by type, for the messages
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 40 ? line : line.substring(0, 37) + "…";
    }
}
