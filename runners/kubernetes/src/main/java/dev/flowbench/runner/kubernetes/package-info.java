/**
 * The Kubernetes task runner ({@code io.kestra.plugin.ee.kubernetes.runner.Kubernetes}): {@link
 * dev.flowbench.runner.kubernetes.KubernetesRunner} is the plugin as written in a flow; {@code PodSpecFactory} turns
 * a run request into a pod (container {@code main}, init container {@code init-files}, sidecar {@code files}) and a
 * ConfigMap of input files; {@code PodRun} drives one pod through its life with {@code PodLogStream} following the
 * logs and {@code PodProblems} explaining failures; {@code KubernetesConnection} builds the fabric8 client from
 * {@code config} or the kubeconfig.
 */
package dev.flowbench.runner.kubernetes;
