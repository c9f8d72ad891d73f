/**
 * The desktop application: {@link dev.flowbench.app.desktop.DesktopApp} starts the JavaFX toolkit (or explains
 * in one line why it cannot) and opens the main window on a workspace.
 */
package dev.flowbench.app.desktop;
