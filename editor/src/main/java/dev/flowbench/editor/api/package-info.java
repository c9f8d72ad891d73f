/**
 * The contract between the editor views and the language services: small interfaces that take the document
 * text and an offset and return plain records, so the JavaFX editor, the command line and the language server
 * can all ask the same questions.
 *
 * <p>Rules for every provider: offsets are zero-based UTF-16 indexes into the {@code text} argument; methods
 * are called on a background thread, possibly concurrently, so they must be thread-safe and must not touch the
 * UI; they must not block for long or throw (a view treats an exception as "no answer" and reports it once);
 * results are immutable. A view bundles providers in a {@link dev.flowbench.editor.api.LanguageSupport}.
 */
package dev.flowbench.editor.api;
