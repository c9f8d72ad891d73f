package dev.flowbench.engine.process;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.flowbench.runner.LogLine;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Reads the stdout and stderr pipes of a natively started process with {@code poll(2)}, on the one thread
 * that also waits for the process: a task then costs no reader threads and no hand-over between threads.
 * Confined to the thread that created it; that thread alone reads and closes the descriptors, so closing
 * can never hand a number another thread is blocked on to an unrelated file. Its buffers belong to the
 * thread and serve each poller the thread creates, one after the other.
 */
final class PipePoller implements AutoCloseable {

    /** Receives the bytes read from one stream. */
    @FunctionalInterface
    interface Sink {
        void accept(LogLine.Stream stream, byte[] bytes, int offset, int length);
    }

    private static final int BUFFER = 16 * 1024;
    private static final long POLLFD_SIZE = 8; // struct pollfd { int fd; short events; short revents; }
    private static final LogLine.Stream[] STREAMS = {LogLine.Stream.STDOUT, LogLine.Stream.STDERR};

    /** The memory a thread's pollers read into; freed when the thread is gone. */
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private final MemorySegment pollfds;
    private final MemorySegment buffer;
    private final MemorySegment capture;
    private final byte[] bytes;
    private final int[] fds;
    private final int[] polled = new int[2];

    /** A poller owning both descriptors: it closes them at their end of file, or in {@link #close()}. */
    PipePoller(int stdoutFd, int stderrFd) {
        this.fds = new int[] {stdoutFd, stderrFd};
        Buffers buffers = BUFFERS.get();
        this.pollfds = buffers.pollfds;
        this.buffer = buffers.buffer;
        this.capture = buffers.capture;
        this.bytes = buffers.bytes;
    }

    private static final class Buffers {
        private final Arena arena = Arena.ofAuto();
        private final MemorySegment pollfds = arena.allocate(POLLFD_SIZE * 2, 8);
        private final MemorySegment buffer = arena.allocate(BUFFER);
        private final MemorySegment capture = arena.allocate(Libc.CAPTURE);
        private final byte[] bytes = new byte[BUFFER];
    }

    /** Whether at least one of the pipes has not reached its end yet. */
    boolean open() {
        return fds[0] >= 0 || fds[1] >= 0;
    }

    /**
     * Waits up to {@code timeoutMillis} for output (or the end of a pipe) and hands every chunk read to
     * {@code sink}; returns after one round, whether something arrived or the time was up.
     */
    void pump(Sink sink, int timeoutMillis) throws IOException {
        int count = 0;
        for (int i = 0; i < fds.length; i++) {
            if (fds[i] >= 0) {
                long at = count * POLLFD_SIZE;
                pollfds.set(JAVA_INT, at, fds[i]);
                pollfds.set(JAVA_SHORT, at + 4, Libc.POLLIN);
                pollfds.set(JAVA_SHORT, at + 6, (short) 0);
                polled[count++] = i;
            }
        }
        if (count == 0) {
            return;
        }
        int ready;
        try {
            ready = (int) Libc.POLL.invokeExact(capture, pollfds, (long) count, timeoutMillis);
        } catch (Throwable e) {
            throw Libc.rethrow(e);
        }
        if (ready < 0) {
            if ((int) Libc.ERRNO.get(capture, 0L) == Libc.EINTR) {
                return;
            }
            throw new IOException("poll failed (errno " + (int) Libc.ERRNO.get(capture, 0L) + ")");
        }
        for (int k = 0; k < count && ready > 0; k++) {
            if (pollfds.get(JAVA_SHORT, k * POLLFD_SIZE + 6) != 0) {
                readOnce(polled[k], sink);
            }
        }
    }

    /** One read: never blocks, since poll said the pipe is readable or ended. */
    private void readOnce(int index, Sink sink) {
        long n;
        try {
            n = (long) Libc.READ.invokeExact(capture, fds[index], buffer, (long) BUFFER);
        } catch (Throwable e) {
            throw Libc.rethrow(e);
        }
        if (n < 0 && (int) Libc.ERRNO.get(capture, 0L) == Libc.EINTR) {
            return;
        }
        if (n <= 0) {
            closeFd(index);
            return;
        }
        MemorySegment.copy(buffer, JAVA_BYTE, 0, bytes, 0, (int) n);
        sink.accept(STREAMS[index], bytes, 0, (int) n);
    }

    private void closeFd(int index) {
        if (fds[index] >= 0) {
            try {
                int ignored = (int) Libc.CLOSE.invokeExact(fds[index]);
            } catch (Throwable e) {
                throw Libc.rethrow(e);
            } finally {
                fds[index] = -1;
            }
        }
    }

    /** Closes the pipes not yet at their end: nothing more is read from them. */
    @Override
    public void close() {
        try {
            closeFd(0);
        } finally {
            closeFd(1);
        }
    }
}
