/**
 * YAML syntax highlighting without JavaFX: {@link dev.flowbench.editor.syntax.YamlLexer} turns text into
 * {@link dev.flowbench.editor.syntax.Tokens}, a compact list of classified spans that any face (the JavaFX
 * editor, a terminal printer, a benchmark) can render.
 */
package dev.flowbench.editor.syntax;
