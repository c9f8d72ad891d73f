/**
 * The plugins view: {@link dev.flowbench.app.desktop.plugins.PluginsViewModel} lists the installed plugins with the
 * folder each came from (built-in, installation, user, workspace) and the JARs that failed to load, with why;
 * {@code PluginsView} shows it.
 */
package dev.flowbench.app.desktop.plugins;
