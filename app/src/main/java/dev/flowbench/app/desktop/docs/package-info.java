/**
 * The documentation sidebar: {@link dev.flowbench.app.desktop.docs.DocsViewModel} keeps the page shown (a
 * plugin's docs or "not installed") with back/forward history and caret following; {@code DocsView} renders
 * it with icon, description, properties table and examples.
 */
package dev.flowbench.app.desktop.docs;
