package dev.flowbench.engine.process;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Reads a pipe's file descriptor through libc's {@code read}. Only the reading thread may close it: closing a
 * descriptor another thread is blocked on could hand its number to an unrelated file.
 */
final class FdInputStream extends InputStream {
    private static final int BUFFER = 16 * 1024;

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buffer = arena.allocate(BUFFER);
    private final MemorySegment capture = arena.allocate(Libc.CAPTURE);
    private boolean closed;

    FdInputStream(int fd) {
        this.fd = fd;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        while (true) {
            long n;
            try {
                n = (long) Libc.READ.invokeExact(capture, fd, buffer, (long) Math.min(length, BUFFER));
            } catch (Throwable e) {
                throw Libc.rethrow(e);
            }
            if (n < 0 && (int) Libc.ERRNO.get(capture, 0L) == Libc.EINTR) {
                continue;
            }
            if (n <= 0) {
                return -1;
            }
            MemorySegment.copy(buffer, JAVA_BYTE, 0, bytes, offset, (int) n);
            return (int) n;
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                int ignored = (int) Libc.CLOSE.invokeExact(fd);
            } catch (Throwable e) {
                throw Libc.rethrow(e);
            }
            arena.close();
        }
    }
}
