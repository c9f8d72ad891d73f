/** Positions, ranges and diagnostics: the vocabulary every language service speaks. */
package dev.flowbench.schema.diagnostic;
