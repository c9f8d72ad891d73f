package dev.flowbench.app.desktop.secrets;

import dev.flowbench.app.workspace.AtomicFiles;
import dev.flowbench.schema.environment.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One secrets file ({@code KEY=value} lines) being edited: its secrets in file order, each masked until revealed,
 * with add, change, delete and an atomic save that keeps the file's comments and leaves it readable by its owner
 * only. Values stay in memory and in the file: nothing here logs them or puts them in a message or a
 * {@code toString()}.
 */
public final class SecretsViewModel {
    /** What a masked value shows: the same for every value, so not even its length shows. */
    public static final String MASK = "••••••••";

    /** What an empty value shows. */
    public static final String EMPTY = "(empty)";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** One secret of the file. */
    public static final class Secret {
        private final String name;
        private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper(this, "value");
        private final BooleanProperty revealed = new SimpleBooleanProperty(this, "revealed");
        private final StringBinding shown;
        /** The line as read, kept while the value is unchanged so quoting and spacing survive a save. */
        private String originalLine;

        Secret(String name, String value, String originalLine) {
            this.name = name;
            this.value.set(value);
            this.originalLine = originalLine;
            shown = Bindings.createStringBinding(
                    () -> revealed.get() ? this.value.get() : this.value.get().isEmpty() ? EMPTY : MASK,
                    this.value,
                    revealed);
        }

        public String name() {
            return name;
        }

        /** The value itself, for an editor field the user asked for; never log it. */
        public ReadOnlyStringProperty valueProperty() {
            return value.getReadOnlyProperty();
        }

        /** Whether the value is shown in clear; off by default. */
        public BooleanProperty revealedProperty() {
            return revealed;
        }

        /** What the table shows: {@link #MASK} (or {@link #EMPTY}) unless revealed. */
        public StringBinding shownProperty() {
            return shown;
        }

        /** The name only: a secret's value never goes into a string made for people or logs. */
        @Override
        public String toString() {
            return "Secret[" + name + "]";
        }
    }

    private final Path file;
    private final Path relative;
    private final ObservableList<Secret> secrets = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** The file's lines; a secret's line is replaced by its {@link Secret} when saving. */
    private final List<Object> lines = new ArrayList<>();

    private SecretsViewModel(Path file, Path relative) {
        this.file = file;
        this.relative = relative;
    }

    /**
     * Reads {@code file} ({@code relative} is how it is named to users); a missing file is an empty one. Lines
     * that are not {@code KEY=value} (comments, blank lines) are kept as they are.
     */
    public static SecretsViewModel load(Path file, Path relative) throws IOException {
        var model = new SecretsViewModel(file, relative);
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        for (String line : text.lines().toList()) {
            model.parse(line)
                    .ifPresentOrElse(
                            secret -> {
                                model.lines.add(secret);
                                model.secrets.add(secret);
                            },
                            () -> model.lines.add(line));
        }
        return model;
    }

    public Path file() {
        return file;
    }

    public Path relative() {
        return relative;
    }

    /** The secrets in file order. */
    public ObservableList<Secret> secrets() {
        return secrets;
    }

    /** Whether there are changes not saved yet. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** One line about the last action or why it was refused; never holds a value. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Adds a secret at the end; returns false (with a message) for a bad or taken name, or a bad value. */
    public boolean add(String name, String value) {
        String key = name == null ? "" : name.strip();
        if (!NAME.matcher(key).matches()) {
            message.set("A secret name uses letters, digits and '_' and does not start with a digit");
            return false;
        }
        if (find(key).isPresent()) {
            message.set(key + " is already defined; change its value instead");
            return false;
        }
        if (!validValue(value)) {
            return false;
        }
        var secret = new Secret(key, value, null);
        secrets.add(secret);
        lines.add(secret);
        changed("Added " + key);
        return true;
    }

    /** Gives {@code secret} a new value; returns false (with a message) for a value spanning several lines. */
    public boolean setValue(Secret secret, String value) {
        if (!validValue(value)) {
            return false;
        }
        if (!value.equals(secret.value.get())) {
            secret.value.set(value);
            secret.originalLine = null;
            changed("Changed " + secret.name());
        }
        return true;
    }

    /** Removes {@code secret}. */
    public void delete(Secret secret) {
        if (secrets.remove(secret)) {
            lines.remove(secret);
            changed("Deleted " + secret.name());
        }
    }

    /** The secret called {@code name}. */
    public Optional<Secret> find(String name) {
        return secrets.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Writes the file atomically (comments kept), readable and writable by its owner only where the OS can. */
    public void save() throws IOException {
        var text = new StringBuilder();
        for (Object line : lines) {
            text.append(line instanceof Secret secret ? lineOf(secret) : line).append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // The temporary file AtomicFiles writes is created owner-only on POSIX systems, so the secrets are
            // never readable by others, not even for a moment; the explicit mode below covers the rest.
            AtomicFiles.write(file, text.toString());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile folder already keeps others out
        } catch (IOException e) {
            message.set("Cannot save " + relative + ": " + e.getMessage());
            throw e;
        }
        dirty.set(false);
        message.set("Saved " + relative + " (readable by you only)");
    }

    private Optional<Secret> parse(String line) {
        String content = line.strip();
        if (content.isEmpty() || content.startsWith("#")) {
            return Optional.empty();
        }
        if (content.startsWith("export ")) {
            content = content.substring("export ".length()).strip();
        }
        int equals = content.indexOf('=');
        String key = equals < 0 ? "" : content.substring(0, equals).strip();
        if (!NAME.matcher(key).matches() || find(key).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(
                new Secret(key, Secrets.unquote(content.substring(equals + 1).strip()), line));
    }

    private boolean validValue(String value) {
        if (value == null || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            message.set("A secret value is one line; encode longer ones (e.g. base64)");
            return false;
        }
        return true;
    }

    private void changed(String what) {
        dirty.set(true);
        message.set(what + " (not saved yet)");
    }

    /** The line for {@code secret}: the original while unchanged, otherwise quoted when reading would alter it. */
    private static String lineOf(Secret secret) {
        if (secret.originalLine != null) {
            return secret.originalLine;
        }
        String value = secret.value.get();
        boolean plain = value.equals(value.strip()) && Secrets.unquote(value).equals(value);
        return secret.name() + "=" + (plain ? value : "\"" + value + "\"");
    }
}
