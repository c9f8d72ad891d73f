package dev.flowbench.app.desktop.document;

/** What a user chose when closing documents with unsaved edits. */
public enum UnsavedChoice {
    /** Save them, then close (a file changed on disk meanwhile stays open, with its conflict bar). */
    SAVE,
    /** Close without saving: the edits are dropped, journal included. */
    DISCARD,
    /** Keep everything open as it is. */
    CANCEL
}
