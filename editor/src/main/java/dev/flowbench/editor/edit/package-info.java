/**
 * Editing rules as pure functions of text and selection (smart Enter, block indent, toggle comment,
 * find/replace, snippets, completion triggers), so they are tested on strings and the JavaFX view only applies
 * the {@link dev.flowbench.editor.edit.Edit}s they return.
 */
package dev.flowbench.editor.edit;
