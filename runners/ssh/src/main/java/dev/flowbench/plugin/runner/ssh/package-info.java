/**
 * The SSH task runner plugin ({@code dev.flowbench.plugin.runner.ssh.Ssh}): {@link
 * dev.flowbench.plugin.runner.ssh.SshRunner} declares it and runs a task, {@code SshRun} drives one run,
 * {@code SshConnection} logs in (checking the host key with {@code HostKeyCheck}), {@code RemoteScripts} and
 * {@code RemoteFiles} are what happens on the remote host. Packaged as one shaded JAR with Apache MINA SSHD
 * relocated inside, and installed by dropping that JAR into a plugins folder; Flowbench itself never names it.
 */
package dev.flowbench.plugin.runner.ssh;
