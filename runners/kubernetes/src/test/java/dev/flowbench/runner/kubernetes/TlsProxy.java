package dev.flowbench.runner.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS front for the mock API server that requires a client certificate signed by the test CA, as a cluster's
 * API server does, and records the subject of every client certificate it accepted.
 */
final class TlsProxy implements AutoCloseable {

    private final SSLServerSocket server;
    private final int targetPort;
    private final List<String> clientSubjects = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    TlsProxy(TestCertificates certificates, int targetPort) throws Exception {
        this.targetPort = targetPort;
        this.server = (SSLServerSocket) certificates
                .serverContext()
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        Thread.ofPlatform().daemon().name("tls-proxy").start(this::accept);
    }

    /** The URL clients use, e.g. {@code https://localhost:41234}. */
    String url() {
        return "https://localhost:" + server.getLocalPort();
    }

    /** Subjects of the client certificates of the connections accepted so far. */
    List<String> clientSubjects() {
        return List.copyOf(clientSubjects);
    }

    private void accept() {
        while (!closed) {
            try {
                SSLSocket client = (SSLSocket) server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SSLSocket client) {
        try (client;
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            client.startHandshake();
            var peer = client.getSession().getPeerCertificates();
            clientSubjects.add(
                    ((X509Certificate) peer[0]).getSubjectX500Principal().getName());
            Thread up = Thread.ofVirtual().start(() -> pipe(client, target));
            pipe(target, client);
            up.join();
        } catch (IOException | InterruptedException e) {
            // a client without an accepted certificate, or a connection closed by either side
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException | UnsupportedOperationException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
