/**
 * The workspace explorer: {@link dev.flowbench.app.desktop.workspace.WorkspaceViewModel} lists a workspace's
 * flows, environments, secrets files and plugins and creates, renames and deletes files;
 * {@code WorkspaceView} shows it as a tree.
 */
package dev.flowbench.app.desktop.workspace;
