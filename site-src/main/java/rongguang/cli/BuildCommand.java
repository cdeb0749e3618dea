package rongguang.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rongguang.Generator;
import rongguang.cache.BuildCache;
import rongguang.daemon.KeptSessions;
import rongguang.problems.BuildFailedException;
import rongguang.problems.Problem;
import rongguang.problems.Problems;
import rongguang.problems.Severity;
import rongguang.serve.ChangeWatcher;
import rongguang.write.OutputTree;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "生成网站：读取 content/ 与 templates/，写入 output/（全部成功后才替换旧的 output/）。")
final class BuildCommand implements Callable<Integer> {
    /** How long after the last change a rebuild starts under --watch: editors save in several steps. */
    private static final java.time.Duration QUIET = java.time.Duration.ofMillis(50);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--site", paramLabel = "DIR", description = "站点文件夹（含 content/ 与 templates/），默认当前文件夹")
    Path site = Path.of(".");

    @Option(names = "--output", paramLabel = "DIR", description = "输出文件夹，默认 站点文件夹/output")
    Path output;

    @Option(names = "--drafts", description = "预览：包括草稿和定时发布的文章（页面上有标记）")
    boolean drafts;

    @Option(names = "--now", paramLabel = "TIME",
            description = "按此时间生成（YYYY-MM-DD 或 ISO 日期时间），用于预览定时发布或复现一次构建",
            converter = NowConverter.class)
    ZonedDateTime now;

    @Option(names = "--clean", description = "不用构建缓存，全部重新生成（缓存在输出文件夹旁的 .output.rongguang-cache）")
    boolean clean;

    /** Hidden: a site without search is not something to publish; this is for measuring what the index costs. */
    @Option(names = "--no-search-index", hidden = true, description = "不写搜索索引（仅用于衡量索引的开销）")
    boolean noSearchIndex;

    @Option(names = "--verbose", description = "显示各阶段用时；出错时显示完整的技术细节")
    boolean verbose;

    @Option(names = "--daemon", negatable = true, description = "交给构建守护进程：它把站点留在内存中，下一次构建只做"
            + "改动的部分，快得多；没有时先启动一个，空闲一小时后自行退出（见 rongguang daemon）。环境变量 "
            + "RONGGUANG_DAEMON=1 时默认如此，--no-daemon 则不用")
    boolean daemon;

    @Option(names = "--watch", description = "生成后继续监视 content/ 与 templates/，保存后立即增量重新生成（按 Ctrl+C 结束）")
    boolean watch;

    /** Set when a build daemon runs the command: its sessions, and the client's folder and terminal. */
    private final KeptSessions kept;
    private final Path workingDir;
    private final Boolean terminal;

    BuildCommand() {
        this(null, null, null);
    }

    BuildCommand(KeptSessions kept, Path workingDir, Boolean terminal) {
        this.kept = kept;
        this.workingDir = workingDir;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path siteDir = absolute(site);
        Path outputDir = output != null ? absolute(output) : siteDir.resolve("output");
        if (watch && (daemon || kept != null)) {
            err.println("rongguang: --watch 与 --daemon 不能同用：--watch 本身就一直把站点留在内存中");
            return 2;
        }
        Problems problems = new Problems();
        long start = System.nanoTime();
        HeapSteps.forSite(siteDir);
        if (watch) {
            try {
                if (clean) {
                    try (BuildCache.Lock lock = cleanLock(outputDir, siteDir)) {
                        BuildCache.clear(outputDir);
                    }
                }
            } catch (java.io.IOException e) {
                err.println("rongguang: " + e.getMessage());
                return 2;
            }
            return watch(siteDir, outputDir, out, err);
        }
        // a clean build has no cache to hold the output's lock: it holds it itself
        try (BuildCache.Lock lock = clean ? cleanLock(outputDir, siteDir) : null;
             ProgressLine progress = progress(err)) {
            if (clean) BuildCache.clear(outputDir);
            Generator.Options options = new Generator.Options(siteDir, outputDir, now, drafts, !clean, progress,
                    !noSearchIndex);
            Generator.Result result = kept != null && !clean ? kept.build(options, problems)
                    : new Generator().build(options, problems);
            progress.close();
            succeeded(result, problems, start, outputDir, out, err);
            return 0;
        } catch (BuildFailedException e) {
            failed(problems, outputDir, err);
            return 1;
        } catch (java.io.IOException e) {
            if (verbose) e.printStackTrace(err);
            err.println("rongguang: " + e.getMessage());
            return 2;
        }
    }

    /**
     * Builds, then builds again after every burst of changes, in this process: what one build read and wrote stays
     * in memory for the next (as in the dev server), and the build cache is kept true after each.
     */
    private int watch(Path siteDir, Path outputDir, PrintWriter out, PrintWriter err) throws Exception {
        BlockingQueue<ChangeWatcher.Changes> bursts = new LinkedBlockingQueue<>();
        ProgressLine progress = progress(err);
        Generator.Options options = new Generator.Options(siteDir, outputDir, now, drafts, true, progress,
                !noSearchIndex);
        try (Generator.Session session = Generator.Session.publishing(options);
             ChangeWatcher watcher = new ChangeWatcher(siteDir, QUIET, bursts::add, warning -> {
                 err.println(warning);
                 err.flush();
             })) {
            // watched before the first build, so that nothing saved during it is missed
            watcher.start();
            Set<Path> changed = null;
            while (true) {
                once(session, changed, progress, outputDir, out, err);
                out.println("正在监视 content/ 与 templates/，保存后自动重新生成；按 Ctrl+C 结束。");
                out.flush();
                ChangeWatcher.Changes burst = bursts.take();
                changed = new HashSet<>(burst.paths());
                boolean overflow = burst.overflow();
                for (ChangeWatcher.Changes more; (more = bursts.poll()) != null; ) {
                    changed.addAll(more.paths());
                    overflow |= more.overflow();
                }
                if (overflow) changed = null;
            }
        } catch (java.io.IOException e) {
            if (verbose) e.printStackTrace(err);
            err.println("rongguang: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /**
     * One build of {@code build --watch}, reported as {@code build} reports it. A failed build leaves the output; so
     * does one that meets a file-system error, which is told in one line, and the next save tries again.
     */
    private void once(Generator.Session session, Set<Path> changed, ProgressLine progress, Path outputDir,
                      PrintWriter out, PrintWriter err) {
        Problems problems = new Problems();
        long start = System.nanoTime();
        Generator.Result result;
        try {
            result = session.build(problems, changed);
        } catch (BuildFailedException e) {
            failed(problems, outputDir, err);
            return;
        } catch (java.io.IOException e) {
            if (verbose) e.printStackTrace(err);
            err.println("rongguang: " + e.getMessage());
            err.flush();
            return;
        } finally {
            progress.close();
        }
        succeeded(result, problems, start, outputDir, out, err);
    }

    /** The progress line, on this process's terminal or, in a daemon, on its client's. */
    private ProgressLine progress(PrintWriter err) {
        return ProgressLine.onTerminal(err, terminal != null ? terminal : ProgressLine.terminal());
    }

    /** A path given on the command line, against the folder it was typed in (the client's, in a daemon). */
    private Path absolute(Path given) {
        return (workingDir == null ? given.toAbsolutePath() : workingDir.resolve(given)).normalize();
    }

    /** The output's lock for a clean build, taken once the output folder is known to be one a build may write. */
    private static BuildCache.Lock cleanLock(Path outputDir, Path siteDir) throws java.io.IOException {
        OutputTree.check(outputDir, siteDir);
        return BuildCache.lock(outputDir);
    }

    /** The warnings, then the summary line (and with --verbose the stages' times). */
    private void succeeded(Generator.Result result, Problems problems, long start, Path outputDir, PrintWriter out,
                           PrintWriter err) {
        report(problems, err);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "已生成 %d 个页面（重新写入 %d，未变 %d），共 %d 个文件，用时 %.2f 秒：%s%n",
                result.pages(), result.written(), result.unchanged(), result.files(), seconds, outputDir);
        if (verbose) {
            out.println("各阶段用时：" + result.timings() + "；重新核对指纹的页面 " + result.fingerprinted() + " 个");
        }
        out.flush();
    }

    private static void failed(Problems problems, Path outputDir, PrintWriter err) {
        report(problems, err);
        err.printf("构建失败：%d 个错误，%d 个警告。%s 保持不变。%n",
                problems.count(Severity.ERROR), problems.count(Severity.WARNING), outputDir);
        err.flush();
    }

    private static void report(Problems problems, PrintWriter err) {
        for (Problem p : problems.sorted()) err.println(p.format());
        err.flush();
    }

}
