/**
 * Checks an installation end to end: {@link dev.flowbench.app.smoke.WindowProbe} lets a packaging check start the
 * desktop app headless and learn that its main window showed, without the desktop code knowing about it.
 */
package dev.flowbench.app.smoke;
