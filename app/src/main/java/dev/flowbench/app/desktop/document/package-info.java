/**
 * Open documents and never losing work: {@link dev.flowbench.app.desktop.document.DocumentViewModel} tracks one
 * file's text against what is on disk (dirty marker, atomic save, changes made on disk meanwhile),
 * {@link dev.flowbench.app.desktop.document.Journal} writes unsaved edits to {@code .flowbench/journal} within a
 * second so a crash loses nothing, and {@link dev.flowbench.app.desktop.document.EditorTabsViewModel} holds the
 * open tabs.
 */
package dev.flowbench.app.desktop.document;
