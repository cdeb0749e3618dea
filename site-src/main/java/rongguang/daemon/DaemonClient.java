package rongguang.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code build --daemon} on the client's side: hands the command line to this user's build daemon for the same jar
 * and JVM options (starting one when none answers), prints what it writes as it writes it, and exits with its status.
 * It loads none of the generator: a JVM that starts, connects and waits.
 */
public final class DaemonClient {
    /** Told when no daemon could take the build: the caller builds in this process instead. */
    public static final int UNAVAILABLE = -1;

    private DaemonClient() {
    }

    /**
     * Whether a command line asks for the daemon: {@code build ... --daemon}, or {@code build} where the environment
     * says {@code RONGGUANG_DAEMON=1} (but not {@code --no-daemon}, nor {@code --watch}, which keeps its own process).
     */
    public static boolean wanted(String[] args, String environment) {
        if (args.length == 0 || !args[0].equals("build")) return false;
        List<String> given = List.of(args);
        if (given.contains("--no-daemon")) return false;
        return given.contains("--daemon") || "1".equals(environment) && !given.contains("--watch");
    }

    /**
     * Runs a build in the daemon; {@link #UNAVAILABLE} (with a line on standard error saying why) when there is none
     * and none could be started, or the daemon went away before it began.
     */
    public static int build(String[] args, boolean terminal) {
        JvmCommand jvm = JvmCommand.current();
        if (jvm == null) return unavailable("无法得知本进程的启动方式");
        Path socket;
        SocketChannel connected;
        try {
            socket = Daemons.forUser().socket(jvm.id());
            connected = connect(socket);
            if (connected == null) connected = start(jvm, socket);
        } catch (IOException e) {
            return unavailable(e.getMessage());
        }
        if (connected == null) {
            return unavailable("守护进程没有启动，见 " + Daemons.beside(socket, "log"));
        }
        try (SocketChannel channel = connected) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
            out.writeInt(Frames.MAGIC);
            out.writeByte(Frames.BUILD);
            out.writeUTF(Path.of("").toAbsolutePath().toString());
            out.writeBoolean(terminal);
            out.writeInt(args.length);
            for (String a : args) out.writeUTF(a);
            out.flush();
            return relay(new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel))), true);
        } catch (IOException e) {
            return unavailable(e.getMessage());
        }
    }

    /** Asks every daemon of this user how it is (kind {@link Frames#STATUS}) or to stop ({@link Frames#STOP}). */
    public static int each(boolean stop, PrintStream report) {
        List<Path> sockets;
        try {
            sockets = Daemons.forUser().sockets();
        } catch (IOException e) {
            report.println("rongguang: " + e.getMessage());
            return 2;
        }
        int answered = 0;
        for (Path socket : sockets) {
            try (SocketChannel channel = connect(socket)) {
                if (channel == null) continue;   // left by a daemon that was killed
                DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
                out.writeInt(Frames.MAGIC);
                out.writeByte(stop ? Frames.STOP : Frames.STATUS);
                out.flush();
                relay(new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel))), false);
                answered++;
            } catch (IOException e) {
                report.println("rongguang: " + socket + "：" + e.getMessage());
            }
        }
        if (answered == 0) report.println("没有正在运行的构建守护进程。");
        return 0;
    }

    /**
     * Copies the daemon's frames to this process's output and error until its exit status. A connection that ends
     * before the first frame is {@link #UNAVAILABLE} (the daemon was stopping); one that ends later is an error.
     */
    private static int relay(DataInputStream in, boolean firstMayFail) {
        boolean any = false;
        try {
            while (true) {
                int kind = in.read();
                if (kind < 0) break;
                any = true;
                if (kind == Frames.EXIT) return in.readInt();
                byte[] bytes = in.readNBytes(in.readInt());
                PrintStream to = kind == Frames.OUT ? System.out : System.err;
                to.write(bytes);
                to.flush();
            }
        } catch (IOException broken) {
            // told below like an end
        }
        if (!any && firstMayFail) return unavailable("守护进程没有回应");
        System.err.println("rongguang: 构建守护进程中途断开，它的日志在 rongguang daemon --status 所列的文件夹中");
        return 2;
    }

    private static int unavailable(String why) {
        System.err.println("rongguang: 构建守护进程不可用（" + why + "），在本进程中构建。");
        return UNAVAILABLE;
    }

    /** A connection to the socket, or null when nothing listens there. */
    static SocketChannel connect(Path socket) throws IOException {
        if (!Files.exists(socket)) return null;
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return channel;
        } catch (IOException refused) {
            channel.close();
            return null;
        }
    }

    /**
     * Starts a daemon in a session of its own (so that Ctrl+C in this terminal does not reach it) and waits until it
     * listens; null when it ended first and no other daemon took its place.
     */
    private static SocketChannel start(JvmCommand jvm, Path socket) throws IOException {
        List<String> command = new java.util.ArrayList<>(jvm.daemon(socket));
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) command.add(0, "/usr/bin/setsid");
        Process process = new ProcessBuilder(command)
                .directory(socket.getParent().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(Daemons.beside(socket, "log").toFile())
                .start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        long endedAt = 0;
        for (long wait = 5; System.nanoTime() < deadline; wait = Math.min(wait * 2, 50)) {
            SocketChannel channel = connect(socket);
            if (channel != null) return channel;
            if (!process.isAlive()) {
                // it may have found another daemon starting at the same moment: give that one a little time
                if (endedAt == 0) endedAt = System.nanoTime();
                else if (System.nanoTime() - endedAt > 5_000_000_000L) return null;
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("等待守护进程时被中断");
            }
        }
        return null;
    }
}
