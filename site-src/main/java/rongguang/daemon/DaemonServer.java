package rongguang.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A build daemon: listens on a socket in this user's {@link Daemons} folder and runs the builds clients hand it, one
 * at a time, keeping their sites in memory between builds. It ends when asked to, after {@code idle} without a
 * request, or once its jar has been rebuilt (clients of the new jar start a daemon of their own).
 */
public final class DaemonServer {
    /** What the daemon does with a build's command line: the command, with its output and error to the client. */
    public interface Builds extends AutoCloseable {
        int build(Path workingDir, boolean terminal, List<String> args, PrintWriter out, PrintWriter err);

        /** What it keeps, in a line or two for {@code daemon --status}. */
        String status();

        @Override
        void close() throws IOException;
    }

    private final Path socket;
    private final Builds builds;
    private final Duration idle;
    private final JvmCommand jvm;
    private final Instant started = Instant.now();
    private volatile long lastUsed = System.nanoTime();
    private volatile boolean busy;
    private int served;

    private DaemonServer(Path socket, Builds builds, Duration idle, JvmCommand jvm) {
        this.socket = socket;
        this.builds = builds;
        this.idle = idle;
        this.jvm = jvm;
    }

    /**
     * Serves at {@code socket} until stopped; returns at once when another daemon holds the socket's lock (two
     * clients started one each at the same moment).
     */
    public static void serve(Path socket, Builds builds, Duration idle) throws IOException {
        try (FileChannel lockFile = FileChannel.open(Daemons.beside(socket, "lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock held = lockFile.tryLock();
             builds) {
            if (held == null) return;
            Files.deleteIfExists(socket);   // left by a daemon that was killed: its lock is free
            // a daemon ended by a signal (kill, a logout, a shutdown) runs no finally block, only shutdown hooks
            Thread tidyOnSignal = new Thread(() -> tidy(socket), "daemon-tidy");
            Runtime.getRuntime().addShutdownHook(tidyOnSignal);
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(socket));
                new DaemonServer(socket, builds, idle, JvmCommand.current()).run(server);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(tidyOnSignal);
                } catch (IllegalStateException shuttingDown) {
                    // the hook tidies
                }
                tidy(socket);
            }
        }
    }

    /** Removes the daemon's socket, lock and log (when empty): what it leaves is nothing unless it has to say something. */
    private static void tidy(Path socket) {
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(Daemons.beside(socket, "lock"));
            Path log = Daemons.beside(socket, "log");
            if (Files.isRegularFile(log) && Files.size(log) == 0) Files.deleteIfExists(log);
        } catch (IOException e) {
            // a folder that changed under the daemon: what is left is found and replaced by the next daemon
        }
    }

    private void run(ServerSocketChannel server) throws IOException {
        String jarStamp = jvm == null ? "" : jvm.jarStamp();
        Thread watchdog = new Thread(() -> watch(server, jarStamp), "daemon-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        while (true) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException closedByWatchdog) {
                return;
            }
            busy = true;
            boolean stop;
            try (client) {
                stop = answer(client);
            } catch (IOException | RuntimeException e) {
                stop = false;
                System.err.println(Instant.now() + " 请求失败：" + e);   // to the daemon's log
            } finally {
                lastUsed = System.nanoTime();
                busy = false;
            }
            if (stop) return;
        }
    }

    /** Ends the daemon when it has been idle too long, or its jar has changed or gone, by closing its socket. */
    private void watch(ServerSocketChannel server, String jarStamp) {
        long check = Math.max(50, Math.min(idle.toMillis() / 4, 2_000));
        try {
            while (server.isOpen()) {
                Thread.sleep(check);
                if (busy) continue;
                boolean idleTooLong = System.nanoTime() - lastUsed > idle.toNanos();
                boolean rebuilt = jvm != null && !jvm.jarStamp().equals(jarStamp);
                if (idleTooLong || rebuilt) server.close();
            }
        } catch (InterruptedException | IOException e) {
            // the daemon is ending anyway
        }
    }

    /** Answers one connection; true when it asked the daemon to stop. */
    private boolean answer(SocketChannel client) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(client)));
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)));
        if (in.readInt() != Frames.MAGIC) return false;
        byte kind = in.readByte();
        PrintWriter out = writer(data, Frames.OUT);
        if (kind == Frames.STATUS || kind == Frames.STOP) {
            out.println(status() + (kind == Frames.STOP ? "\n  已结束。" : ""));
            out.flush();
            Frames.exit(data, 0);
            return kind == Frames.STOP;
        }
        if (kind != Frames.BUILD) return false;
        Path workingDir = Path.of(in.readUTF());
        boolean terminal = in.readBoolean();
        List<String> args = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) args.add(in.readUTF());
        PrintWriter err = writer(data, Frames.ERR);
        int status = builds.build(workingDir, terminal, args, out, err);
        out.flush();
        err.flush();
        served++;
        Frames.exit(data, status);
        return false;
    }

    private String status() {
        return "守护进程 " + ProcessHandle.current().pid() + "（" + socket.getFileName() + "），启动于 " + started
                + "，已构建 " + served + " 次，空闲 " + idle.toMinutes() + " 分钟后退出\n  " + builds.status();
    }

    private static PrintWriter writer(DataOutputStream data, byte kind) {
        return new PrintWriter(new OutputStreamWriter(Frames.stream(data, kind), StandardCharsets.UTF_8), true);
    }
}
