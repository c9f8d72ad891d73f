package dev.flowbench.app.workspace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one editor process a workspace is open in: later launches on the same workspace hand it their files instead of
 * opening a second window on the same journal and state.
 *
 * <p>The claim is an operating-system lock on {@code .flowbench/instance.lock}, which the system releases when the
 * process ends, however it ends. The holder answers on a loopback port; the port and a random token are in
 * {@code .flowbench/instance} (readable by its owner only), and a request without the token is ignored. A request is
 * the token, then one absolute path per line, then an empty line; the answer is {@code ok}.
 */
public final class WorkspaceInstance implements AutoCloseable {
    private static final Duration READ_LIMIT = Duration.ofSeconds(2);

    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket server;
    private final Path address;
    private final byte[] token;

    private WorkspaceInstance(FileChannel channel, FileLock lock, ServerSocket server, Path address, byte[] token) {
        this.channel = channel;
        this.lock = lock;
        this.server = server;
        this.address = address;
        this.token = token;
    }

    /**
     * Claims {@code workspace} for this process and opens its port; empty when another instance holds it.
     *
     * @throws IOException when the workspace's {@code .flowbench} folder cannot be written
     */
    public static Optional<WorkspaceInstance> claim(Path workspace) throws IOException {
        Path data = Files.createDirectories(workspace.resolve(".flowbench"));
        FileChannel channel =
                FileChannel.open(data.resolve("instance.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        ServerSocket server = null;
        try {
            server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String token = HexFormat.of().formatHex(secret);
            Path address = data.resolve("instance");
            AtomicFiles.write(address, server.getLocalPort() + " " + token + "\n");
            return Optional.of(
                    new WorkspaceInstance(channel, lock, server, address, token.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
            lock.release();
            channel.close();
            throw e;
        }
    }

    /**
     * Answers later launches from a daemon thread, handing {@code opened} the files of each request (possibly none:
     * the user started Flowbench on this workspace again, and the window should come forward).
     */
    public void listen(Consumer<List<Path>> opened) {
        Thread.ofPlatform().daemon().name("flowbench-instance").start(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    read(socket).ifPresent(files -> {
                        answer(socket);
                        opened.accept(files);
                    });
                } catch (SocketException closed) {
                    return;
                } catch (IOException oneBadRequest) {
                    // The next launch gets its own connection.
                }
            }
        });
    }

    private Optional<List<Path>> read(Socket socket) throws IOException {
        socket.setSoTimeout((int) READ_LIMIT.toMillis());
        var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String presented = in.readLine();
        if (presented == null || !MessageDigest.isEqual(token, presented.strip().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        var files = new ArrayList<Path>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            files.add(Path.of(line));
        }
        return Optional.of(files);
    }

    private static void answer(Socket socket) {
        try {
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            out.write("ok\n");
            out.flush();
        } catch (IOException goneAlready) {
            // The launch that asked has given up; the files are opened all the same.
        }
    }

    /**
     * Hands {@code files} (absolute paths) to the instance holding {@code workspace}, waiting up to {@code limit} for
     * it to take them; returns whether it did.
     */
    public static boolean forward(Path workspace, List<Path> files, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        Path address = workspace.resolve(".flowbench/instance");
        while (true) {
            try {
                String[] parts = Files.readString(address).strip().split(" ");
                return send(Integer.parseInt(parts[0]), parts[1], files, deadline);
            } catch (IOException | RuntimeException notReadyYet) {
                // Just claimed, its address not yet written, or a stale one: try again until the limit.
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static boolean send(int port, String token, List<Path> files, long deadline) throws IOException {
        int millis =
                (int) Math.max(1, Duration.ofNanos(deadline - System.nanoTime()).toMillis());
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), millis);
            socket.setSoTimeout(millis);
            var request = new StringBuilder(token).append('\n');
            files.forEach(file -> request.append(file.toAbsolutePath()).append('\n'));
            request.append('\n');
            Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            out.write(request.toString());
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            if (!"ok".equals(in.readLine())) {
                throw new IOException("no answer");
            }
            return true;
        }
    }

    /** Stops answering and gives the workspace up. */
    @Override
    public void close() throws IOException {
        server.close();
        Files.deleteIfExists(address);
        lock.release();
        channel.close();
    }
}
