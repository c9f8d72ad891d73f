/** Lexical understanding of {@code {{ }}} expressions inside flow values. */
package dev.flowbench.schema.expression;
