package rongguang.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code rongguang} run as a user runs it, in a JVM of its own, for the commands that keep running ({@code serve},
 * {@code build --watch}): its output read line by line as it comes, stopped by a signal as Ctrl-C stops it.
 */
public final class CommandProcess implements AutoCloseable {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final Process process;
    private final BlockingQueue<String> out = new LinkedBlockingQueue<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final Thread errReader;

    private CommandProcess(Process process) {
        this.process = process;
        drain(process.getInputStream(), out);
        this.errReader = drain(process.getErrorStream(), err);
    }

    public static CommandProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "rongguang.cli.Main"));
        command.addAll(List.of(args));
        return new CommandProcess(new ProcessBuilder(command).start());
    }

    /** Waits for the next line of standard output that starts with {@code prefix}, skipping others; returns it. */
    public String awaitLine(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            String line = out.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) throw new AssertionError("no line starting with " + prefix + "; stderr: " + err);
            if (line.startsWith(prefix)) return line;
        }
    }

    /**
     * Waits until standard error has a line containing {@code text} (read apart from standard output, it may come a
     * little after a line printed later there); returns it.
     */
    public String awaitErr(String text) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : err) {
                if (line.contains(text)) return line;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no line with " + text + " on stderr: " + err);
    }

    /** SIGTERM, as Ctrl-C (Process.destroy would also close our end of its output); true when it ended in time. */
    public boolean stop() throws InterruptedException {
        process.toHandle().destroy();
        boolean ended = process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        errReader.join(DEADLINE.toMillis());
        return ended;
    }

    /** What it printed on standard error so far, line by line. */
    public List<String> err() {
        return List.copyOf(err);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static Thread drain(InputStream in, Collection<String> into) {
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) into.add(line);
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
