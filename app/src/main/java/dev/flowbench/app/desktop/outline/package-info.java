/**
 * The outline of the current document (a flow's tasks, an environment's pluginDefaults entries), computed off
 * the FX thread from the language services, for navigation and for the docs sidebar's caret following.
 */
package dev.flowbench.app.desktop.outline;
