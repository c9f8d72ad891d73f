package dev.flowbench.engine.process;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a process with libc's {@code posix_spawn} and {@code POSIX_SPAWN_SETSID}: the process leads a new
 * session and process group from its first instruction, with one program execution instead of the three of
 * the JDK path (spawn helper, setsid, interpreter) — the per-task cost that matters for many short tasks.
 * Arguments and environment are passed as UTF-8 whatever the locale. Signals the JVM blocks or handles are
 * reset to their defaults in the child; stdin is {@code /dev/null}. Its output is read with a {@link
 * PipePoller} on the thread that waits for it.
 */
final class NativeSpawned implements Spawned {
    private static final int[] DEFAULT_SIGNALS = {1, 2, 3, 13, 15}; // HUP, INT, QUIT, PIPE, TERM

    /** This process's environment, encoded once: it cannot change while the JVM runs. */
    private static final Map<String, byte[]> INHERITED = inherited();

    private final int pid;
    private final int stdoutFd;
    private final int stderrFd;
    private volatile boolean exited;
    private volatile int exitCode;

    private NativeSpawned(int pid, int stdoutFd, int stderrFd) {
        this.pid = pid;
        this.stdoutFd = stdoutFd;
        this.stderrFd = stderrFd;
    }

    static boolean available() {
        return Libc.AVAILABLE;
    }

    private static Map<String, byte[]> inherited() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        System.getenv()
                .forEach((name, value) -> entries.put(name, (name + "=" + value).getBytes(StandardCharsets.UTF_8)));
        return java.util.Collections.unmodifiableMap(entries);
    }

    /**
     * Starts {@code argv} (its first element an absolute path) in {@code directory}, with this process's
     * environment plus {@code env} (whose values win).
     */
    static NativeSpawned start(List<String> argv, Map<String, String> env, Path directory) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = arena.allocate(Libc.OPAQUE);
            check((int) Libc.ACTIONS_INIT.invokeExact(actions), "posix_spawn_file_actions_init");
            try {
                return spawn(arena, Attributes.SHARED, actions, argv, env, directory);
            } finally {
                int ignored = (int) Libc.ACTIONS_DESTROY.invokeExact(actions);
            }
        } catch (IOException e) {
            throw e;
        } catch (Throwable e) {
            throw Libc.rethrow(e);
        }
    }

    /**
     * The spawn attributes every start uses (own session, empty signal mask, default dispositions), built
     * once: {@code posix_spawn} only reads them, so one copy serves every thread.
     */
    private static final class Attributes {
        static final MemorySegment SHARED = create();

        private static MemorySegment create() {
            Arena arena = Arena.global();
            MemorySegment attr = arena.allocate(Libc.OPAQUE);
            MemorySegment mask = arena.allocate(Libc.OPAQUE);
            MemorySegment defaults = arena.allocate(Libc.OPAQUE);
            try {
                check((int) Libc.ATTR_INIT.invokeExact(attr), "posix_spawnattr_init");
                check((int) Libc.SIGEMPTYSET.invokeExact(mask), "sigemptyset");
                check((int) Libc.SIGEMPTYSET.invokeExact(defaults), "sigemptyset");
                for (int signal : DEFAULT_SIGNALS) {
                    check((int) Libc.SIGADDSET.invokeExact(defaults, signal), "sigaddset");
                }
                check((int) Libc.ATTR_SETSIGMASK.invokeExact(attr, mask), "posix_spawnattr_setsigmask");
                check((int) Libc.ATTR_SETSIGDEFAULT.invokeExact(attr, defaults), "posix_spawnattr_setsigdefault");
                short flags =
                        (short) (Libc.POSIX_SPAWN_SETSID | Libc.POSIX_SPAWN_SETSIGMASK | Libc.POSIX_SPAWN_SETSIGDEF);
                check((int) Libc.ATTR_SETFLAGS.invokeExact(attr, flags), "posix_spawnattr_setflags");
            } catch (Throwable e) {
                throw Libc.rethrow(e);
            }
            return attr;
        }
    }

    private static NativeSpawned spawn(
            Arena arena,
            MemorySegment attr,
            MemorySegment actions,
            List<String> argv,
            Map<String, String> env,
            Path directory)
            throws Throwable {
        int[] out = pipe(arena);
        int[] err;
        try {
            err = pipe(arena);
        } catch (IOException e) {
            close(out[0]);
            close(out[1]);
            throw e;
        }
        int rc;
        MemorySegment pid = arena.allocate(JAVA_INT);
        try {
            check(
                    (int) Libc.ACTIONS_ADDOPEN.invokeExact(actions, 0, cString(arena, "/dev/null"), Libc.O_RDONLY, 0),
                    "posix_spawn_file_actions_addopen");
            check((int) Libc.ACTIONS_ADDDUP2.invokeExact(actions, out[1], 1), "posix_spawn_file_actions_adddup2");
            check((int) Libc.ACTIONS_ADDDUP2.invokeExact(actions, err[1], 2), "posix_spawn_file_actions_adddup2");
            check(
                    (int) Libc.ACTIONS_ADDCHDIR.invokeExact(actions, cString(arena, directory.toString())),
                    "posix_spawn_file_actions_addchdir_np");
            if (Libc.ACTIONS_ADDCLOSEFROM != null) {
                check(
                        (int) Libc.ACTIONS_ADDCLOSEFROM.invokeExact(actions, 3),
                        "posix_spawn_file_actions_addclosefrom_np");
            }
            List<byte[]> arguments = new ArrayList<>(argv.size());
            for (String argument : argv) {
                arguments.add(argument.getBytes(StandardCharsets.UTF_8));
            }
            rc = (int) Libc.POSIX_SPAWN.invokeExact(
                    pid,
                    cString(arena, argv.getFirst()),
                    actions,
                    attr,
                    cStrings(arena, arguments),
                    cStrings(arena, environment(env)));
        } finally {
            close(out[1]);
            close(err[1]);
        }
        if (rc != 0) {
            close(out[0]);
            close(err[0]);
            throw new IOException(describe(rc));
        }
        return new NativeSpawned(pid.get(JAVA_INT, 0), out[0], err[0]);
    }

    private static int[] pipe(Arena arena) throws Throwable {
        MemorySegment fds = arena.allocate(JAVA_INT, 2);
        if ((int) Libc.PIPE2.invokeExact(fds, Libc.O_CLOEXEC) != 0) {
            throw new IOException("cannot create a pipe");
        }
        return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
    }

    private static void close(int fd) throws Throwable {
        int ignored = (int) Libc.CLOSE.invokeExact(fd);
    }

    private static MemorySegment cString(Arena arena, String text) {
        return arena.allocateFrom(text, StandardCharsets.UTF_8);
    }

    /** {@code NAME=value} entries: the inherited ones {@code env} does not override, then {@code env}'s. */
    private static List<byte[]> environment(Map<String, String> env) {
        List<byte[]> entries = new ArrayList<>(INHERITED.size() + env.size());
        for (Map.Entry<String, byte[]> inherited : INHERITED.entrySet()) {
            if (!env.containsKey(inherited.getKey())) {
                entries.add(inherited.getValue());
            }
        }
        env.forEach((name, value) -> entries.add((name + "=" + value).getBytes(StandardCharsets.UTF_8)));
        return entries;
    }

    /** A NULL-terminated array of C strings, all in one block of memory. */
    private static MemorySegment cStrings(Arena arena, List<byte[]> texts) {
        long size = 0;
        for (byte[] text : texts) {
            size += text.length + 1;
        }
        MemorySegment block = arena.allocate(Math.max(size, 1)); // zeroed, so each string ends with NUL
        MemorySegment array = arena.allocate(ADDRESS, texts.size() + 1L);
        long at = 0;
        for (int i = 0; i < texts.size(); i++) {
            byte[] text = texts.get(i);
            MemorySegment.copy(text, 0, block, JAVA_BYTE, at, text.length);
            array.setAtIndex(ADDRESS, i, block.asSlice(at));
            at += text.length + 1;
        }
        array.setAtIndex(ADDRESS, texts.size(), MemorySegment.NULL);
        return array;
    }

    private static void check(int rc, String call) throws IOException {
        if (rc != 0) {
            throw new IOException(call + " failed (" + rc + ")");
        }
    }

    private static String describe(int errno) {
        return switch (errno) {
            case 2 -> "No such file or directory";
            case 8 -> "Exec format error";
            case 13 -> "Permission denied";
            case 20 -> "Not a directory";
            default -> "error " + errno;
        };
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public boolean ownGroup() {
        return true;
    }

    /**
     * A poller for the process's stdout and stderr, owning both pipes; call once, on the thread that will
     * read them and wait for the process.
     */
    PipePoller pipes() {
        return new PipePoller(stdoutFd, stderrFd);
    }

    @Override
    public int waitFor() {
        reap(0);
        return exitCode;
    }

    /** Whether the process has exited, reaping it if so; never blocks. Call only from the waiting thread. */
    boolean exited() {
        return reap(Libc.WNOHANG);
    }

    private boolean reap(int options) {
        if (exited) {
            return true;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment status = arena.allocate(JAVA_INT);
            MemorySegment capture = arena.allocate(Libc.CAPTURE);
            while (true) {
                int rc = (int) Libc.WAITPID.invokeExact(capture, pid, status, options);
                if (rc == pid) {
                    int raw = status.get(JAVA_INT, 0);
                    int signal = raw & 0x7f;
                    exitCode = signal == 0 ? (raw >> 8) & 0xff : 128 + signal;
                    break;
                }
                if (rc == 0) {
                    return false; // WNOHANG: still running
                }
                if (rc == -1 && (int) Libc.ERRNO.get(capture, 0L) == Libc.EINTR) {
                    continue;
                }
                exitCode = -1; // already reaped elsewhere: the code is lost, the process is gone
                break;
            }
        } catch (Throwable e) {
            throw Libc.rethrow(e);
        }
        exited = true;
        return true;
    }

    @Override
    public boolean isAlive() {
        return !exited;
    }

    @Override
    public void destroy() {
        if (!exited) {
            Signals.signalProcess(pid, Signals.SIGTERM);
        }
    }

    @Override
    public void destroyForcibly() {
        if (!exited) {
            Signals.signalProcess(pid, Signals.SIGKILL);
        }
    }

    @Override
    public List<ProcessHandle> descendants() {
        return ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of());
    }
}
