/**
 * The AWS Batch task runner ({@code io.kestra.plugin.ee.aws.runner.Batch}): {@link
 * dev.flowbench.runner.batch.BatchRunner} is the plugin as written in a flow; {@code JobSpecs} turns a run request
 * into a job definition and submit request whose command is a small shell wrapper (input files from S3, standard
 * error marked, output files printed into the log after a marker); {@code BatchRun} drives one job (submit, poll,
 * CloudWatch logs, status mapping, terminate, clean-up) with the clients of {@code AwsClients}.
 */
package dev.flowbench.runner.batch;
