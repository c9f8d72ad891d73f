/** Workspace facts shared by every face: where plugins and the example workspace are, environments, safe writes. */
package dev.flowbench.app.workspace;
