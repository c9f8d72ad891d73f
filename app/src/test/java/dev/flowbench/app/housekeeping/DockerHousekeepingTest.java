package dev.flowbench.app.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class DockerHousekeepingTest {

    @TempDir
    Path temp;

    @Test
    void anEngineThatCannotBeReachedEndsTheCleanUpQuietlyWithNothingRemoved() throws Exception {
        CompletableFuture<Integer> cleanUp =
                DockerHousekeeping.removeLeftoversInBackground("unix://" + temp.resolve("no-engine.sock"));
        assertThat(cleanUp.get(60, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void startUpNeverWaitsForAnEngineThatDoesNotAnswer() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            CompletableFuture<Integer> cleanUp =
                    DockerHousekeeping.removeLeftoversInBackground("tcp://127.0.0.1:" + silent.getLocalPort());
            assertThat(cleanUp).as("the clean-up goes on in the background").isNotDone();
            silent.close();
            for (Socket socket : accepted) {
                socket.close();
            }
            assertThat(cleanUp.get(60, TimeUnit.SECONDS)).isZero();
        }
    }
}
