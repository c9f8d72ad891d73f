/**
 * The language services of flow and environment files, in plain Java (no JavaFX): completion, hover, doc
 * links, quick fixes, diagnostics and the outline, one service class per feature behind the {@link
 * dev.flowbench.editor.language.FlowLanguage} facade. The desktop editor and the language server use the same
 * objects.
 *
 * <p>The tour: {@code YamlStructure} recovers a text's block structure from
 * indentation (it never fails, so a half-typed document still has a shape); {@code Caret} says what is being
 * typed where; {@code SchemaResolver} finds the schema of a place, switching to a plugin's own schema at each
 * {@code type}; {@code Analysis} caches per text the structure, the parse and the validation.
 */
package dev.flowbench.editor.language;
