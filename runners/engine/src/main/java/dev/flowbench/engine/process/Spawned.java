package dev.flowbench.engine.process;

import java.util.List;

/** A started process tree as the Process runner needs it, whichever way it was started. */
interface Spawned {

    /** The process id; with {@link #ownGroup()} also its process group and session id. */
    long pid();

    /** Whether the process leads its own process group, so signals can reach the whole tree. */
    boolean ownGroup();

    /** Blocks until the process has exited; its exit code (128 + signal when killed by a signal). */
    int waitFor() throws InterruptedException;

    /** Whether it has not exited yet. */
    boolean isAlive();

    /** SIGTERM to the process itself. */
    void destroy();

    /** SIGKILL to the process itself. */
    void destroyForcibly();

    /** A snapshot of its live descendants. */
    List<ProcessHandle> descendants();
}
