/**
 * The workbench: {@link dev.flowbench.app.desktop.workbench.WorkbenchViewModel} ties a workspace's explorer,
 * tabs, journal, docs, problems and outline to the plugin registry, the language services and the chosen
 * environment, and remembers what was open ({@link dev.flowbench.app.desktop.workbench.WorkspaceState}).
 */
package dev.flowbench.app.desktop.workbench;
