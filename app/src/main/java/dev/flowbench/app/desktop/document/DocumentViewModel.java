package dev.flowbench.app.desktop.document;

import dev.flowbench.app.desktop.workspace.FileKind;
import dev.flowbench.app.workspace.AtomicFiles;
import dev.flowbench.schema.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One open file: its text as last reported by the editor, the disk version it is based on, whether it has
 * unsaved edits, and what happened on disk meanwhile. Saving is atomic and never overwrites a disk change
 * silently: it reports a conflict and the user chooses (reload, keep mine, compare).
 *
 * <p>The editor view reports edits in two steps: {@link #edited()} on every keystroke (cheap: the dirty
 * marker appears at once) and {@link #textChanged(String)} with the full text after typing pauses (which
 * journals it). When the model replaces the text itself (reload, restore), {@link #loadedTextProperty()}
 * changes and the view shows the new text.
 */
public final class DocumentViewModel {
    /** The disk content changed since this document was loaded or saved. */
    public record DiskChange(String diskText) {}

    /** What {@link #save()} did. */
    public enum SaveResult {
        SAVED,
        /** The file changed on disk since it was loaded; nothing was written, {@link #diskChangeProperty()} is set. */
        CONFLICT
    }

    private final Path file;
    private final Path relative;
    private final FileKind kind;
    private final Journal journal;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text");
    private final ReadOnlyObjectWrapper<String> loadedText = new ReadOnlyObjectWrapper<>(this, "loadedText");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyObjectWrapper<DiskChange> diskChange = new ReadOnlyObjectWrapper<>(this, "diskChange");
    private final ObjectProperty<List<Diagnostic>> diagnostics =
            new SimpleObjectProperty<>(this, "diagnostics", List.of());
    private String baseHash;
    private String savedText;

    private DocumentViewModel(
            Path file, Path relative, FileKind kind, Journal journal, String savedText, String baseHash) {
        this.file = file;
        this.relative = relative;
        this.kind = kind;
        this.journal = journal;
        this.savedText = savedText;
        this.baseHash = baseHash;
        text.set(savedText);
        loadedText.set(savedText);
    }

    /** Opens {@code file} (absolute) of the workspace at {@code root} from disk. */
    public static DocumentViewModel open(Path root, Path file, Journal journal) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        Path relative = root.relativize(file);
        return new DocumentViewModel(file, relative, FileKind.of(relative), journal, content, Journal.hash(content));
    }

    /**
     * Reopens a document from a journal record: the journalled text, unsaved, on top of the disk version it
     * was based on. When the disk has changed since, the document also reports a {@link DiskChange}.
     */
    public static DocumentViewModel restore(Path root, Journal.Entry entry, Journal journal) {
        Path relative = root.relativize(entry.file());
        Optional<String> disk = readDisk(entry.file());
        String saved = disk.orElse("");
        String base = disk.map(Journal::hash).orElse(Journal.NEW);
        var document = new DocumentViewModel(entry.file(), relative, FileKind.of(relative), journal, saved, base);
        document.text.set(entry.text());
        document.loadedText.set(entry.text());
        document.updateDirty();
        if (!entry.baseHash().equals(base)) {
            document.diskChange.set(new DiskChange(saved));
        }
        journal.record(entry.file(), entry.baseHash(), entry.text());
        return document;
    }

    public Path file() {
        return file;
    }

    /** The path relative to the workspace, as shown in tabs and problems. */
    public Path relative() {
        return relative;
    }

    public FileKind kind() {
        return kind;
    }

    /** The file name, for tab titles. */
    public String name() {
        return file.getFileName().toString();
    }

    /** The latest text the editor reported (or the model loaded). */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public String getText() {
        return text.get();
    }

    /** The text the editor must show; changes only when the model replaces the text (open, reload, restore). */
    public ReadOnlyObjectProperty<String> loadedTextProperty() {
        return loadedText.getReadOnlyProperty();
    }

    /** Whether there are unsaved edits. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** Set when the file changed on disk under unsaved edits (or a save found it changed); null otherwise. */
    public ReadOnlyObjectProperty<DiskChange> diskChangeProperty() {
        return diskChange.getReadOnlyProperty();
    }

    /** The latest diagnostics of this document, as the editor's language services computed them. */
    public ObjectProperty<List<Diagnostic>> diagnosticsProperty() {
        return diagnostics;
    }

    /** The editor changed the text; its full text follows through {@link #textChanged(String)}. */
    public void edited() {
        dirty.set(true);
    }

    /** The editor's full text after a pause in typing: becomes the document's text and is journalled. */
    public void textChanged(String newText) {
        text.set(newText);
        updateDirty();
        if (dirty.get()) {
            journal.record(file, baseHash, newText);
        } else {
            journal.discard(file);
        }
    }

    /** Writes the text atomically, unless the file changed on disk since it was loaded. */
    public SaveResult save() throws IOException {
        Optional<String> disk = readDisk(file);
        String diskHash = disk.map(Journal::hash).orElse(Journal.NEW);
        if (!diskHash.equals(baseHash) && !(disk.isPresent() && disk.get().equals(text.get()))) {
            diskChange.set(new DiskChange(disk.orElse("")));
            return SaveResult.CONFLICT;
        }
        return write();
    }

    /** Saves over whatever is on disk: the user chose to keep this version. */
    public SaveResult keepMine() throws IOException {
        return write();
    }

    /** Replaces the text with the disk content, dropping unsaved edits. */
    public void reloadFromDisk() throws IOException {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            content = "";
        }
        savedText = content;
        baseHash = Journal.hash(content);
        diskChange.set(null);
        text.set(content);
        loadedText.set(content);
        updateDirty();
        journal.discard(file);
    }

    /**
     * Looks at the disk (on focus, say): a change under a clean document reloads it; under unsaved edits it
     * sets {@link #diskChangeProperty()}. Returns whether the disk differed.
     */
    public boolean checkDisk() throws IOException {
        Optional<String> disk = readDisk(file);
        String diskHash = disk.map(Journal::hash).orElse(Journal.NEW);
        if (diskHash.equals(baseHash)) {
            return false;
        }
        if (!dirty.get() && disk.isPresent()) {
            reloadFromDisk();
        } else {
            diskChange.set(new DiskChange(disk.orElse("")));
        }
        return true;
    }

    /** Forgets the unsaved edits in the journal (the tab is closed without saving). */
    public void discardJournal() {
        journal.discard(file);
    }

    private SaveResult write() throws IOException {
        String content = text.get();
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, content);
        savedText = content;
        baseHash = Journal.hash(content);
        diskChange.set(null);
        updateDirty();
        journal.discard(file);
        return SaveResult.SAVED;
    }

    private void updateDirty() {
        dirty.set(!text.get().equals(savedText) || Journal.NEW.equals(baseHash));
    }

    private static Optional<String> readDisk(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
