package rongguang.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rongguang.problems.Problem;
import rongguang.problems.Severity;
import rongguang.serve.IncrementalPreview;
import rongguang.serve.Outcome;
import rongguang.serve.PreviewFolder;
import rongguang.serve.PreviewServer;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "本地预览：生成含草稿与定时发布文章的预览并在浏览器中显示，保存后自动刷新；不改动 output/。")
final class ServeCommand implements Callable<Integer> {
    private static final int DEFAULT_PORT = 8080;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--site", paramLabel = "DIR", description = "站点文件夹（含 content/ 与 templates/），默认当前文件夹")
    Path site = Path.of(".");

    @Option(names = "--port", paramLabel = "N", description = "端口，默认 8080（被占用时用下一个空闲端口）；0 表示任一空闲端口")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDR",
            description = "监听的地址，默认 127.0.0.1（只有本机能访问）；如 0.0.0.0 则局域网内的其他电脑也能访问")
    String bind = "127.0.0.1";

    @Option(names = "--now", paramLabel = "TIME",
            description = "按此时间生成预览（YYYY-MM-DD 或 ISO 日期时间），默认每次重新生成时的当前时间",
            converter = NowConverter.class)
    ZonedDateTime now;

    @Option(names = "--verbose", description = "每次重新生成后显示各阶段用时")
    boolean verbose;

    /** Held for as long as the server runs: java.util.logging forgets the level of a logger nobody references. */
    private final List<Logger> quietLoggers = List.of(
            Logger.getLogger("io.undertow"), Logger.getLogger("org.xnio"), Logger.getLogger("org.jboss"));

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path siteDir = site.toAbsolutePath().normalize();
        if (port != null && (port < 0 || port > 65535)) {
            err.println("rongguang: --port 应在 0 到 65535 之间，实际是 " + port);
            return 2;
        }
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            err.println("rongguang: --bind 应为本机的一个地址（如 127.0.0.1 或 0.0.0.0），实际是“" + bind + "”");
            return 2;
        }
        if (!Files.isDirectory(siteDir.resolve("content"))) {
            err.println("rongguang: " + siteDir + " 里没有 content/ 文件夹，请用 --site 指定站点文件夹");
            return 2;
        }
        quietLogging();

        PreviewServer.Config config = new PreviewServer.Config(bind, port == null ? DEFAULT_PORT : port,
                port == null, PreviewServer.Config.QUIET_PERIOD, PreviewServer.Config.KEEP_ALIVE);
        PreviewFolder folder;
        PreviewServer server;
        try {
            folder = PreviewFolder.create();
        } catch (IOException e) {
            err.println("rongguang: 无法创建预览用的临时文件夹：" + e.getMessage());
            return 2;
        }
        try {
            server = PreviewServer.start(siteDir, new IncrementalPreview(siteDir, folder.siteRoot(), now), config,
                    new TerminalReport(out, err, verbose));
        } catch (IOException e) {
            closeQuietly(folder);
            err.println("rongguang: " + e.getMessage());
            return 2;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            closeQuietly(folder);
            out.println("预览已停止，临时文件夹已删除。");
            out.flush();
            stopped.countDown();
        }, "rongguang-serve-shutdown"));

        out.println("预览地址：" + server.url());
        if (!server.address().getAddress().isLoopbackAddress()) {
            out.println("注意：预览在 " + bind + " 上监听，网络上的其他电脑也能访问。");
        }
        out.println("草稿和定时发布的文章也会显示（有标记）；保存文件后页面自动刷新。按 Ctrl-C 停止。");
        out.println("预览写在临时文件夹 " + folder.siteRoot() + "，不改动 " + siteDir.resolve("output") + "。");
        out.flush();
        stopped.await();
        return 0;
    }

    /** Undertow and XNIO log their version and more at INFO; the terminal is for the editor's problems. */
    private void quietLogging() {
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "jdk");
        }
        for (Logger logger : quietLoggers) logger.setLevel(Level.SEVERE);
    }

    private static void closeQuietly(PreviewFolder folder) {
        try {
            folder.close();
        } catch (IOException e) {
            System.err.println("rongguang: 无法删除临时文件夹 " + folder.dir() + "：" + e.getMessage());
        }
    }

    /** Every build's problems in the format of {@code build}, and a line of what was done. */
    private static final class TerminalReport implements PreviewServer.Listener {
        private final PrintWriter out;
        private final PrintWriter err;
        private boolean first = true;

        private final boolean verbose;

        TerminalReport(PrintWriter out, PrintWriter err, boolean verbose) {
            this.out = out;
            this.err = err;
            this.verbose = verbose;
        }

        @Override
        public void built(Outcome outcome) {
            for (Problem p : outcome.problems()) err.println(p.format());
            err.flush();
            String when = first ? "" : "[" + LocalTime.now().format(CLOCK) + "] ";
            first = false;
            long ms = outcome.took().toMillis();
            if (outcome.ok()) {
                out.printf(Locale.ROOT, "%s已生成预览：%d 个页面，用时 %d 毫秒%n", when, outcome.pagesBuilt(), ms);
                if (verbose && !outcome.stages().isEmpty()) out.println("  各阶段用时：" + outcome.stages());
                out.flush();
            } else {
                err.printf("%s构建失败：%d 个错误，%d 个警告。浏览器中显示错误，页面保持上一次成功的版本。%n",
                        when, outcome.count(Severity.ERROR), outcome.count(Severity.WARNING));
                err.flush();
            }
        }

        @Override
        public void warning(String message) {
            err.println("rongguang: " + message);
            err.flush();
        }
    }
}
