package dev.flowbench.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundWorkTest {

    @Test
    void delayedWorkThatHasNotBegunIsDroppedWhenTheWindowCloses() throws InterruptedException {
        var work = new BackgroundWork();
        var runs = new AtomicInteger();
        work.later(Duration.ofSeconds(1), () -> {
            runs.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        });

        work.shutdown();

        assertThat(work.awaitQuiet(Duration.ofSeconds(5))).isTrue();
        Thread.sleep(1_200);
        assertThat(runs).hasValue(0);
    }

    @Test
    void workUnderWayInItsOwnThreadIsWaitedForBeforeTheProcessGoesOn() throws InterruptedException {
        var work = new BackgroundWork();
        var started = new CountDownLatch(1);
        var finished = new AtomicBoolean();
        work.later(Duration.ZERO, () -> CompletableFuture.runAsync(slowTask(started, finished)));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        work.shutdown();

        assertThat(work.awaitQuiet(Duration.ofSeconds(5))).isTrue();
        assertThat(finished).isTrue();
    }

    @Test
    void aJournalWriteUnderWayFinishesBeforeTheWaitEnds() throws InterruptedException {
        var work = new BackgroundWork();
        var started = new CountDownLatch(1);
        var finished = new AtomicBoolean();
        work.scheduler().execute(slowTask(started, finished));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        work.shutdown();

        assertThat(work.awaitQuiet(Duration.ofSeconds(5))).isTrue();
        assertThat(finished).isTrue();
    }

    @Test
    void theWaitGivesUpAtItsLimitWhenWorkNeverEnds() throws InterruptedException {
        var work = new BackgroundWork();
        var started = new CountDownLatch(1);
        var never = new CompletableFuture<Void>();
        work.later(Duration.ZERO, () -> {
            started.countDown();
            return never;
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        long began = System.nanoTime();

        work.shutdown();

        assertThat(work.awaitQuiet(Duration.ofMillis(200))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(2));
    }

    /** A task that says it started, takes 300 ms, then says it finished. */
    private static Runnable slowTask(CountDownLatch started, AtomicBoolean finished) {
        return () -> {
            started.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            finished.set(true);
        };
    }
}
