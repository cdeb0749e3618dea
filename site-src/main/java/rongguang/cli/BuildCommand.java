package rongguang.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rongguang.Generator;
import rongguang.problems.BuildFailedException;
import rongguang.problems.Problem;
import rongguang.problems.Problems;
import rongguang.problems.Severity;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "生成网站：读取 content/ 与 templates/，写入 output/（全部成功后才替换旧的 output/）。")
final class BuildCommand implements Callable<Integer> {
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

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path siteDir = site.toAbsolutePath().normalize();
        Path outputDir = (output != null ? output.toAbsolutePath() : siteDir.resolve("output")).normalize();
        Problems problems = new Problems();
        long start = System.nanoTime();
        if (clean) rongguang.cache.BuildCache.delete(outputDir);
        try (ProgressLine progress = ProgressLine.onTerminal(err)) {
            Generator.Result result = new Generator().build(
                    new Generator.Options(siteDir, outputDir, now, drafts, !clean, progress, !noSearchIndex), problems);
            progress.close();
            report(problems, err);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "已生成 %d 个页面（重新写入 %d，未变 %d），共 %d 个文件，用时 %.2f 秒：%s%n",
                    result.pages(), result.written(), result.unchanged(), result.files(), seconds, outputDir);
            if (verbose) {
                out.println("各阶段用时：" + result.timings() + "；重新核对指纹的页面 " + result.fingerprinted() + " 个");
            }
            out.flush();
            return 0;
        } catch (BuildFailedException e) {
            report(problems, err);
            err.printf("构建失败：%d 个错误，%d 个警告。%s 保持不变。%n",
                    problems.count(Severity.ERROR), problems.count(Severity.WARNING), outputDir);
            err.flush();
            return 1;
        } catch (java.io.IOException e) {
            if (verbose) e.printStackTrace(err);
            err.println("rongguang: " + e.getMessage());
            return 2;
        }
    }

    private static void report(Problems problems, PrintWriter err) {
        for (Problem p : problems.sorted()) err.println(p.format());
        err.flush();
    }

}
