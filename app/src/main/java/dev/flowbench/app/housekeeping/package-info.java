/**
 * Chores the command line and the desktop app share around runs: removing, in the background at start-up, what
 * crashed runs left on the Docker engine, and letting a run's containers be removed before a command ends.
 */
package dev.flowbench.app.housekeeping;
