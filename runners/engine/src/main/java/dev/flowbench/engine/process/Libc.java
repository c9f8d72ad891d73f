package dev.flowbench.engine.process;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;

/**
 * The few libc functions the native process start needs (Linux with glibc 2.29 or newer); {@link #AVAILABLE}
 * is false anywhere else, and when native access is not allowed, in which case the JDK path is used.
 */
final class Libc {

    static final int O_RDONLY = 0;
    static final int O_CLOEXEC = 0x80000;
    static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    static final short POSIX_SPAWN_SETSID = 0x80;
    static final int EINTR = 4;
    static final int WNOHANG = 1;
    static final short POLLIN = 0x1;
    /** Generous sizes for opaque glibc structures (posix_spawnattr_t is 336 bytes, file actions 80, sigset 128). */
    static final long OPAQUE = 1024;

    static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    static final MethodHandle POSIX_SPAWN;
    static final MethodHandle ATTR_INIT;
    static final MethodHandle ATTR_DESTROY;
    static final MethodHandle ATTR_SETFLAGS;
    static final MethodHandle ATTR_SETSIGMASK;
    static final MethodHandle ATTR_SETSIGDEFAULT;
    static final MethodHandle ACTIONS_INIT;
    static final MethodHandle ACTIONS_DESTROY;
    static final MethodHandle ACTIONS_ADDDUP2;
    static final MethodHandle ACTIONS_ADDOPEN;
    static final MethodHandle ACTIONS_ADDCHDIR;
    static final MethodHandle SIGEMPTYSET;
    static final MethodHandle SIGADDSET;
    static final MethodHandle PIPE2;
    static final MethodHandle CLOSE;
    static final MethodHandle READ;
    static final MethodHandle WAITPID;
    static final MethodHandle POLL;
    /**
     * {@code posix_spawn_file_actions_addclosefrom_np} (glibc 2.34), or null: closes the descriptors the JVM
     * opened without close-on-exec (class path JARs…) in the child, as the JDK's own process start does.
     */
    static final MethodHandle ACTIONS_ADDCLOSEFROM;

    static final boolean AVAILABLE;

    static {
        MethodHandle[] h = new MethodHandle[18];
        boolean ok = false;
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && !"jdk".equals(System.getProperty("flowbench.process.spawn"))) {
            try {
                h = lookup();
                ok = true;
            } catch (RuntimeException | LinkageError e) {
                // not glibc, too old, or native access refused: the JDK path still works
            }
        }
        POSIX_SPAWN = h[0];
        ATTR_INIT = h[1];
        ATTR_DESTROY = h[2];
        ATTR_SETFLAGS = h[3];
        ATTR_SETSIGMASK = h[4];
        ATTR_SETSIGDEFAULT = h[5];
        ACTIONS_INIT = h[6];
        ACTIONS_DESTROY = h[7];
        ACTIONS_ADDDUP2 = h[8];
        ACTIONS_ADDOPEN = h[9];
        ACTIONS_ADDCHDIR = h[10];
        SIGEMPTYSET = h[11];
        SIGADDSET = h[12];
        PIPE2 = h[13];
        CLOSE = h[14];
        READ = h[15];
        WAITPID = h[16];
        POLL = h[17];
        ACTIONS_ADDCLOSEFROM = ok ? optional("posix_spawn_file_actions_addclosefrom_np") : null;
        AVAILABLE = ok;
    }

    private Libc() {}

    @SuppressWarnings("restricted")
    private static MethodHandle[] lookup() {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        Linker.Option errno = Linker.Option.captureCallState("errno");
        FunctionDescriptor ptr = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        FunctionDescriptor ptrPtr = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS);
        return new MethodHandle[] {
            handle(
                    linker,
                    libc,
                    "posix_spawn",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS)),
            handle(linker, libc, "posix_spawnattr_init", ptr),
            handle(linker, libc, "posix_spawnattr_destroy", ptr),
            handle(linker, libc, "posix_spawnattr_setflags", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_SHORT)),
            handle(linker, libc, "posix_spawnattr_setsigmask", ptrPtr),
            handle(linker, libc, "posix_spawnattr_setsigdefault", ptrPtr),
            handle(linker, libc, "posix_spawn_file_actions_init", ptr),
            handle(linker, libc, "posix_spawn_file_actions_destroy", ptr),
            handle(
                    linker,
                    libc,
                    "posix_spawn_file_actions_adddup2",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT)),
            handle(
                    linker,
                    libc,
                    "posix_spawn_file_actions_addopen",
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT)),
            handle(linker, libc, "posix_spawn_file_actions_addchdir_np", ptrPtr),
            handle(linker, libc, "sigemptyset", ptr),
            handle(linker, libc, "sigaddset", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT)),
            handle(linker, libc, "pipe2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT)),
            handle(linker, libc, "close", FunctionDescriptor.of(JAVA_INT, JAVA_INT)),
            linker.downcallHandle(
                    find(libc, "read"), FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG), errno),
            linker.downcallHandle(
                    find(libc, "waitpid"), FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), errno),
            linker.downcallHandle(
                    find(libc, "poll"), FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), errno)
        };
    }

    @SuppressWarnings("restricted")
    private static MethodHandle optional(String name) {
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup()
                .find(name)
                .map(symbol -> linker.downcallHandle(symbol, FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT)))
                .orElse(null);
    }

    @SuppressWarnings("restricted")
    private static MethodHandle handle(Linker linker, SymbolLookup libc, String name, FunctionDescriptor descriptor) {
        return linker.downcallHandle(find(libc, name), descriptor);
    }

    private static MemorySegment find(SymbolLookup libc, String name) {
        return libc.find(name).orElseThrow(() -> new UnsupportedOperationException("no " + name + " in libc"));
    }

    /** Throws a {@link LinkageError}-free unchecked exception for a failed native call. */
    static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e);
    }
}
