package rongguang.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import rongguang.daemon.DaemonServer;
import rongguang.daemon.KeptSessions;

/** What a build daemon runs: {@code build} as on the command line, its sessions kept from one request to the next. */
final class DaemonBuilds implements DaemonServer.Builds {
    private final KeptSessions sessions = new KeptSessions();

    @Override
    public int build(Path workingDir, boolean terminal, List<String> args, PrintWriter out, PrintWriter err) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == BuildCommand.class) return type.cast(new BuildCommand(sessions, workingDir, terminal));
                return CommandLine.defaultFactory().create(type);
            }
        };
        if (args.isEmpty() || !args.get(0).equals("build")) {
            err.println("rongguang: 守护进程只运行 build");
            return 2;
        }
        return Main.run(factory, out, err, args.toArray(String[]::new));
    }

    @Override
    public String status() {
        List<Path> outputs = sessions.outputs();
        return outputs.isEmpty() ? "没有保留的站点" : "保留在内存中的输出：" + outputs;
    }

    @Override
    public void close() throws IOException {
        sessions.close();
    }
}
