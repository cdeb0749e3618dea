package rongguang.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rongguang.bench.IndexBenchmark;
import rongguang.bench.ReloadBenchmark;
import rongguang.bench.SyntheticSite;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "基准测试工具：生成合成站点（见 BENCHMARKS.md）。",
        subcommands = {BenchCommand.Generate.class, BenchCommand.Reload.class, BenchCommand.Index.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "写出一个合成站点 OUT/rongguang（荣光）和同样文章的 OUT/hugo（Hugo），相同种子得到相同文件。")
    static final class Generate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--articles", required = true, paramLabel = "N", description = "文章数")
        int articles;

        @Option(names = "--merchants", paramLabel = "M", description = "商家数，默认文章数的十分之一")
        Integer merchants;

        @Option(names = "--seed", paramLabel = "S", description = "随机种子，默认 1")
        long seed = 1;

        @Option(names = "--theme", paramLabel = "DIR", description = "复制为 templates/ 的主题，默认 ./templates")
        Path theme = Path.of("templates");

        @Option(names = "--out", required = true, paramLabel = "OUT", description = "写到这个文件夹（应为空或不存在）")
        Path out;

        @Override
        public Integer call() throws Exception {
            SyntheticSite.Size size = SyntheticSite.Size.of(articles, merchants);
            new SyntheticSite(size, seed).write(out, theme);
            spec.commandLine().getOut().printf("已写出 %d 篇文章、%d 个城市、%d 位人物、%d 个商家：%s/rongguang 与 %s/hugo%n",
                    size.articles(), size.cities(), size.exemplars(), size.merchants(), out, out);
            return 0;
        }
    }

    @Command(name = "reload", mixinStandardHelpOptions = true,
            description = "测量 serve 从保存一篇文章到浏览器收到重新加载事件的时间（中位数）。")
    static final class Reload implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--site", required = true, paramLabel = "DIR", description = "站点文件夹（会临时修改其中一篇文章，结束后复原）")
        Path site;

        @Option(names = "--edits", paramLabel = "N", description = "计时的保存次数，默认 20")
        int edits = 20;

        @Option(names = "--warmup", paramLabel = "N", description = "不计时的预热保存次数，默认 5")
        int warmup = 5;

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            var times = new ReloadBenchmark(site, edits, warmup).run(out);
            out.printf(java.util.Locale.ROOT, "中位数 %.1f ms，最快 %.1f ms，最慢 %.1f ms（%d 次）%n",
                    ReloadBenchmark.median(times), times.stream().mapToDouble(d -> d).min().orElse(0),
                    times.stream().mapToDouble(d -> d).max().orElse(0), times.size());
            return 0;
        }
    }

    @Command(name = "index", mixinStandardHelpOptions = true,
            description = "测量写出整个搜索索引的时间：站点只构建一次，索引反复写入新的文件夹。")
    static final class Index implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--site", required = true, paramLabel = "DIR", description = "站点文件夹")
        Path site;

        @Option(names = "--work", paramLabel = "DIR", description = "临时文件夹（结束后删除），默认 /dev/shm/rongguang-index-bench")
        Path work = Path.of("/dev/shm/rongguang-index-bench");

        @Option(names = "--runs", paramLabel = "N", description = "次数，默认 10")
        int runs = 10;

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            var times = new IndexBenchmark(site, work, runs).run(out);
            out.printf(java.util.Locale.ROOT, "第一次 %.1f ms；之后中位数 %.1f ms%n", times.get(0),
                    ReloadBenchmark.median(times.subList(Math.min(1, times.size() - 1), times.size())));
            return 0;
        }
    }
}
