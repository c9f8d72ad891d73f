/**
 * The problems panel: {@link dev.flowbench.app.desktop.problems.ProblemsViewModel} gathers the diagnostics of
 * open documents (and, on demand, of the whole workspace) with a severity filter and counts.
 */
package dev.flowbench.app.desktop.problems;
