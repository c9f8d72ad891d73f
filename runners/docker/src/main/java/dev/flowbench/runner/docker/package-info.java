/**
 * The Docker task runner ({@code io.kestra.plugin.scripts.runner.docker.Docker}): its declaration
 * {@link dev.flowbench.runner.docker.DockerRunner}, the parsing of sizes and CPU quantities, and (internally) the
 * translation of a task into a container on a Docker engine.
 */
package dev.flowbench.runner.docker;
