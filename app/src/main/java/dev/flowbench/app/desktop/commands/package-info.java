/**
 * Every user action as a {@link dev.flowbench.app.desktop.commands.Command}, so menus, shortcuts and the command
 * palette (Ctrl+Shift+P) offer the same things.
 */
package dev.flowbench.app.desktop.commands;
