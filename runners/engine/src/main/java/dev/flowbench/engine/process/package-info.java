/**
 * The Process task runner: runs a task's commands as a local process tree in its own process group, so that
 * cancel and timeout can stop the whole tree.
 */
package dev.flowbench.engine.process;
