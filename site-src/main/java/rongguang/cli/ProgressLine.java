package rongguang.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import rongguang.Generator;

/**
 * A progress line for long builds, redrawn in place four times a second, on a terminal only: a pipe or a log
 * gets nothing but the summary. Short builds finish before the first redraw and show nothing.
 */
final class ProgressLine implements Generator.Progress, AutoCloseable {
    private final PrintWriter out;
    private final boolean shown;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private volatile long started;
    private ScheduledExecutorService timer;
    private boolean drawn;

    private ProgressLine(PrintWriter out, boolean shown) {
        this.out = out;
        this.shown = shown;
    }

    /** A line shown when {@code terminal}: this process's ({@link #terminal()}), or a build daemon's client's. */
    static ProgressLine onTerminal(PrintWriter out, boolean terminal) {
        return new ProgressLine(out, terminal);
    }

    /** Whether this process writes to a terminal that can redraw a line. */
    static boolean terminal() {
        return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public void planned(int pages) {
        total = pages;
        done.set(0);   // build --watch draws a line for each of its builds
        started = System.nanoTime();
        if (!shown) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::draw, 250, 250, TimeUnit.MILLISECONDS);
    }

    @Override
    public void rendered(int count) {
        done.accumulateAndGet(count, Math::max);
    }

    private synchronized void draw() {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        int n = done.get();
        out.printf(Locale.ROOT, "\r渲染 %d/%d 页（每秒 %.0f 页）\u001b[K", n, total, n / seconds);
        out.flush();
        drawn = true;
    }

    /** Stops redrawing and clears the line, so that what follows starts on a clean one. */
    @Override
    public synchronized void close() {
        if (timer != null) timer.shutdownNow();
        timer = null;
        if (drawn) {
            out.print("\r\u001b[K");
            out.flush();
            drawn = false;
        }
    }
}
