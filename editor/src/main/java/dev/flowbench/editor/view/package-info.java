/**
 * The JavaFX face of the editor: {@link dev.flowbench.editor.view.FlowEditor}, a RichTextFX code area with YAML
 * highlighting, diagnostics, completion and hover popups, find/replace and go-to-line, fed by the providers of
 * {@link dev.flowbench.editor.api}.
 *
 * <p>Analysis runs the RichTextFX async way ({@code HighlightPipeline}): copy the text on the FX thread after a
 * pause in typing, lex and ask the providers on a background thread, drop results for text that has changed
 * since, and apply syntax and overlay styles merged into one {@code StyleSpans} — only over the region that
 * actually changed, so a keystroke in a long flow does not restyle it all.
 */
package dev.flowbench.editor.view;
