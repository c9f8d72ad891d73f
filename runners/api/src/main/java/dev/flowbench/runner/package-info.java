/**
 * The task runner SPI: a {@link dev.flowbench.runner.TaskRunner} receives a {@link dev.flowbench.runner.RunRequest}
 * and a {@link dev.flowbench.runner.RunListener}, and returns a {@link dev.flowbench.runner.RunHandle} that can be
 * cancelled and completes with a {@link dev.flowbench.runner.RunResult}.
 *
 * <p>Runners share two pieces of machinery from here rather than re-implementing them: {@link
 * dev.flowbench.runner.LogCollector} turns raw bytes into masked, protocol-parsed {@link dev.flowbench.runner.LogLine}s
 * (using {@link dev.flowbench.runner.SecretMasker} and {@link dev.flowbench.runner.OutputsProtocol}), and {@link
 * dev.flowbench.runner.OutputFiles} collects output files by glob. Every runner's tests extend the contract suite
 * shipped in this module's test-jar ({@code TaskRunnerContract}).
 */
package dev.flowbench.runner;
