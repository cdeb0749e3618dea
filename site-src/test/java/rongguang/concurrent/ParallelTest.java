package rongguang.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void everyNumberOnceAndAllDoneOnReturn() {
        int n = 10_000;
        AtomicIntegerArray seen = new AtomicIntegerArray(n);
        Parallel.forEach(n, seen::incrementAndGet);
        for (int i = 0; i < n; i++) assertThat(seen.get(i)).as("number " + i).isEqualTo(1);
    }

    @Test
    void nothingToDo() {
        Parallel.forEach(0, i -> {
            throw new AssertionError("called");
        });
        Parallel.forEach(List.of(), item -> {
            throw new AssertionError("called");
        });
    }

    /**
     * The items run on two threads at least, whatever the number of cores: the first item waits (ten seconds at
     * most) until a second thread has taken an item, which only another thread can do while it waits.
     */
    @Test
    void itemsRunOnTwoThreadsAtLeast() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch second = new CountDownLatch(1);
        Parallel.forEach(100, i -> {
            threads.add(Thread.currentThread());
            if (threads.size() >= 2) second.countDown();
            if (i == 0) {
                try {
                    second.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        assertThat(threads).hasSizeGreaterThanOrEqualTo(2);
    }

    /**
     * A long task does not hold the others back: while one thread is kept on the first item, the rest of the items
     * are done by the other threads (a parallel stream on two cores splits 1,000 items into runs of 250 and would
     * leave the first run's 249 other items waiting behind it).
     */
    @Test
    void aSlowItemDoesNotHoldBackTheRest() throws InterruptedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() >= 1);
        CountDownLatch othersDone = new CountDownLatch(999);
        boolean[] waited = {false};
        Parallel.forEach(1_000, i -> {
            if (i == 0) {
                try {
                    waited[0] = othersDone.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            } else {
                othersDone.countDown();
            }
        });
        assertThat(waited[0]).as("the other 999 items were done while the first one waited").isTrue();
    }

    /** The failure is thrown as it was, once no thread is running an item any more. */
    @Test
    void theFailureIsThrownAsItWasWhenAllThreadsHaveStopped() {
        IllegalArgumentException failure = new IllegalArgumentException("第 3 个出错");
        java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        assertThatThrownBy(() -> Parallel.forEach(10_000, i -> {
            running.incrementAndGet();
            try {
                if (i == 3) throw failure;
                Thread.onSpinWait();
            } finally {
                running.decrementAndGet();
            }
        })).isSameAs(failure);
        assertThat(running.get()).isZero();
    }

    /** A task's failure is thrown by {@code join} as the task threw it: callers catch the types they expect. */
    @Test
    void joinThrowsWhatTheTaskThrew() {
        var failure = new java.io.UncheckedIOException(new java.io.IOException("磁盘已满"));
        var failed = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            throw failure;
        }, Parallel.ownThread("test-task"));
        assertThatThrownBy(() -> Parallel.join(failed)).isSameAs(failure);
        var error = new StackOverflowError();
        var broke = java.util.concurrent.CompletableFuture.runAsync(() -> {
            throw error;
        }, Parallel.ownThread("test-task"));
        assertThatThrownBy(() -> Parallel.join(broke)).isSameAs(error);
        assertThat(Parallel.join(java.util.concurrent.CompletableFuture.supplyAsync(() -> "好", Parallel.ownThread("t"))))
                .isEqualTo("好");
    }
}
