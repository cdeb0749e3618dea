package rongguang.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rongguang.check.Report;
import rongguang.check.ReportWriter;
import rongguang.check.SiteCheck;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "发布前检查：在临时文件夹中生成网站（不动 output/），检查站内链接与锚点、商家审核期限、荣誉次数、"
                + "人物照片、图片替代文字和中文文字（标点、空格、配对、断行、残留标记、规范用语）。")
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--site", paramLabel = "DIR", description = "站点文件夹（含 content/ 与 templates/），默认当前文件夹")
    Path site = Path.of(".");

    @Option(names = "--output-only", description = "不生成，检查已有的输出文件夹（默认 站点文件夹/output）")
    boolean outputOnly;

    @Option(names = "--output", paramLabel = "DIR", description = "与 --output-only 一起用：要检查的输出文件夹")
    Path output;

    @Option(names = "--strict", description = "有警告也以状态 1 退出")
    boolean strict;

    @Option(names = "--format", paramLabel = "text|json", description = "报告格式：text（默认）或 json")
    String format = "text";

    @Option(names = "--external", description = "列出每个外部链接（外部链接从不访问）")
    boolean external;

    @Option(names = "--now", paramLabel = "TIME",
            description = "按此时间检查（YYYY-MM-DD 或 ISO 日期时间）：哪些文章发布、哪些商家审核到期",
            converter = NowConverter.class)
    ZonedDateTime now;

    @Option(names = "--verbose", description = "出错时显示完整的技术细节")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path siteDir = site.toAbsolutePath().normalize();
        if (!format.equals("text") && !format.equals("json")) {
            err.println("rongguang: --format 应为 text 或 json，实际是“" + format + "”");
            return 2;
        }
        if (output != null && !outputOnly) {
            err.println("rongguang: --output 只能与 --output-only 一起使用（check 平时在临时文件夹中生成，不写 output/）");
            return 2;
        }
        if (!Files.isDirectory(siteDir.resolve("content"))) {
            err.println("rongguang: " + siteDir + " 中没有 content/ 文件夹：用 --site 指定站点文件夹");
            return 2;
        }
        Path outputDir = null;
        if (outputOnly) {
            outputDir = (output != null ? output.toAbsolutePath() : siteDir.resolve("output")).normalize();
            if (!Files.isDirectory(outputDir)) {
                err.println("rongguang: 找不到输出文件夹 " + outputDir + "：先运行 build，或去掉 --output-only");
                return 2;
            }
        }
        try {
            Report report = new SiteCheck().run(new SiteCheck.Options(siteDir, outputDir, now));
            if (format.equals("json")) ReportWriter.json(report, out);
            else ReportWriter.text(report, external, out);
            return report.exitStatus(strict);
        } catch (IOException e) {
            if (verbose) e.printStackTrace(err);
            err.println("rongguang: " + e.getMessage());
            return 2;
        }
    }
}
