package rongguang.concurrent;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/** Work spread over every core, and threads of the build's own. */
public final class Parallel {
    private Parallel() {}

    /**
     * Calls {@code action} with every number in {@code [0, count)}, on the common pool's threads and the caller's,
     * each thread taking the next number as soon as it is done with one. A parallel stream splits its range into
     * a few runs up front (four on two cores) and the last run to finish keeps one core busy while the others
     * wait: rendering 16,495 pages ended with 0.4 s on one core. The first exception stops the others from taking
     * more and is thrown here, as it was thrown.
     */
    public static void forEach(int count, IntConsumer action) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            try {
                for (int i; (i = next.getAndIncrement()) < count; ) action.accept(i);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
                next.set(count);
            }
        };
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), count - 1);
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[Math.max(helpers, 0)];
        for (int i = 0; i < tasks.length; i++) tasks[i] = ForkJoinPool.commonPool().submit(work);
        work.run();
        for (ForkJoinTask<?> task : tasks) task.join();
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) throw e;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IllegalStateException(t);   // an IntConsumer throws nothing checked
    }

    /** The same over the items of a list. */
    public static <T> void forEach(List<T> items, java.util.function.Consumer<? super T> action) {
        forEach(items.size(), i -> action.accept(items.get(i)));
    }

    /**
     * Waits for {@code task} and returns its result; what it threw is thrown here as it was thrown (a runtime
     * exception or an error), not wrapped in a {@code CompletionException}, so that callers catch what the task's
     * code declares.
     */
    public static <T> T join(java.util.concurrent.CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw e;
        }
    }

    /** Runs each task on a daemon thread of its own, named {@code name}: one task, beside the build's other work. */
    public static java.util.concurrent.Executor ownThread(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        };
    }
}
