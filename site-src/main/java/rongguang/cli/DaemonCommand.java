package rongguang.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rongguang.daemon.DaemonClient;
import rongguang.daemon.DaemonServer;

@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "构建守护进程（由 build --daemon 启动）：列出本用户正在运行的守护进程，或全部结束。")
final class DaemonCommand implements Callable<Integer> {
    /** How long a daemon waits for the next build before it ends, unless RONGGUANG_DAEMON_IDLE says (seconds). */
    private static final Duration IDLE = Duration.ofHours(1);

    @Option(names = "--stop", description = "结束本用户的所有构建守护进程")
    boolean stop;

    /** Hidden: how a client starts a daemon. */
    @Option(names = "--run-at", hidden = true, paramLabel = "SOCKET")
    Path runAt;

    @Override
    public Integer call() throws Exception {
        if (runAt == null) return DaemonClient.each(stop, System.out);
        String idle = System.getenv("RONGGUANG_DAEMON_IDLE");
        DaemonServer.serve(runAt, new DaemonBuilds(), idle == null || idle.isBlank() ? IDLE
                : Duration.ofSeconds(Long.parseLong(idle.trim())));
        return 0;
    }
}
