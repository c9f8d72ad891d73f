package dev.flowbench.app.desktop.document;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open documents of a workspace, in tab order, and the selected one. Closing a document with unsaved
 * edits is refused ({@link #close} returns false) so the view can ask; {@link #discardAndClose} then drops the
 * edits, journal included.
 */
public final class EditorTabsViewModel {
    private final Path root;
    private final Journal journal;
    private final ObservableList<DocumentViewModel> documents = FXCollections.observableArrayList();
    private final ObjectProperty<DocumentViewModel> selected = new SimpleObjectProperty<>(this, "selected");

    public EditorTabsViewModel(Path root, Journal journal) {
        this.root = root.toAbsolutePath().normalize();
        this.journal = journal;
    }

    public ObservableList<DocumentViewModel> documents() {
        return documents;
    }

    public ObjectProperty<DocumentViewModel> selectedProperty() {
        return selected;
    }

    public DocumentViewModel getSelected() {
        return selected.get();
    }

    /** The open document of {@code file}, if any. */
    public Optional<DocumentViewModel> find(Path file) {
        Path key = file.toAbsolutePath().normalize();
        return documents.stream().filter(d -> d.file().equals(key)).findFirst();
    }

    /** Opens {@code file} (or selects it when already open) and returns its document. */
    public DocumentViewModel open(Path file) throws IOException {
        Optional<DocumentViewModel> open = find(file);
        if (open.isPresent()) {
            selected.set(open.get());
            return open.get();
        }
        var document = DocumentViewModel.open(root, file.toAbsolutePath().normalize(), journal);
        documents.add(document);
        selected.set(document);
        return document;
    }

    /**
     * Reopens every document the journal holds unsaved edits for (after a crash), selecting the first; returns
     * the restored documents.
     */
    public List<DocumentViewModel> restoreFromJournal() {
        var restored = new ArrayList<DocumentViewModel>();
        for (Journal.Entry entry : journal.entries()) {
            find(entry.file()).ifPresent(documents::remove);
            var document = DocumentViewModel.restore(root, entry, journal);
            documents.add(document);
            restored.add(document);
        }
        if (!restored.isEmpty()) {
            selected.set(restored.getFirst());
        }
        return restored;
    }

    /** Closes {@code document} unless it has unsaved edits; returns whether it was closed. */
    public boolean close(DocumentViewModel document) {
        if (document.isDirty()) {
            return false;
        }
        remove(document);
        return true;
    }

    /**
     * Closes {@code document}, asking {@code ask} first when it has unsaved edits: {@link UnsavedChoice#SAVE}
     * saves and closes it (unless the file changed on disk meanwhile: then it stays open showing the conflict),
     * {@link UnsavedChoice#DISCARD} drops the edits and closes it, {@link UnsavedChoice#CANCEL} keeps it.
     * Returns whether it was closed.
     *
     * @throws IOException when saving failed; the document stays open
     */
    public boolean close(DocumentViewModel document, Function<DocumentViewModel, UnsavedChoice> ask)
            throws IOException {
        if (close(document)) {
            return true;
        }
        switch (ask.apply(document)) {
            case SAVE -> {
                if (document.save() == DocumentViewModel.SaveResult.CONFLICT) {
                    return false;
                }
                remove(document);
                return true;
            }
            case DISCARD -> {
                discardAndClose(document);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * Saves each of {@code documents}; returns those left unsaved because their file changed on disk meanwhile
     * (each then shows its conflict), never null.
     *
     * @throws IOException when one could not be written
     */
    public List<DocumentViewModel> save(List<DocumentViewModel> documents) throws IOException {
        var conflicts = new ArrayList<DocumentViewModel>();
        for (DocumentViewModel document : documents) {
            if (document.save() == DocumentViewModel.SaveResult.CONFLICT) {
                conflicts.add(document);
            }
        }
        return conflicts;
    }

    /** Drops the unsaved edits of {@code documents} (journal included): each shows its file as on disk again. */
    public void revert(List<DocumentViewModel> documents) throws IOException {
        for (DocumentViewModel document : documents) {
            document.reloadFromDisk();
        }
    }

    /** Closes {@code document}, dropping its unsaved edits. */
    public void discardAndClose(DocumentViewModel document) {
        document.discardJournal();
        remove(document);
    }

    /** The documents with unsaved edits. */
    public List<DocumentViewModel> dirtyDocuments() {
        return documents.stream().filter(DocumentViewModel::isDirty).toList();
    }

    /**
     * Follows a rename on disk: an open document of {@code from} is reopened as {@code to}. Rename only saved
     * documents ({@link #canRename}).
     */
    public void renamed(Path from, Path to) throws IOException {
        Optional<DocumentViewModel> open = find(from);
        if (open.isPresent()) {
            int index = documents.indexOf(open.get());
            boolean wasSelected = selected.get() == open.get();
            open.get().discardJournal();
            var reopened = DocumentViewModel.open(root, to.toAbsolutePath().normalize(), journal);
            documents.set(index, reopened);
            if (wasSelected) {
                selected.set(reopened);
            }
        }
    }

    /** Whether {@code file} may be renamed or deleted now: it is not open with unsaved edits. */
    public boolean canRename(Path file) {
        return find(file).map(d -> !d.isDirty()).orElse(true);
    }

    private void remove(DocumentViewModel document) {
        int index = documents.indexOf(document);
        documents.remove(document);
        if (selected.get() == document) {
            selected.set(documents.isEmpty() ? null : documents.get(Math.min(index, documents.size() - 1)));
        }
    }
}
