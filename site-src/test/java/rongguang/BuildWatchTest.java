package rongguang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.testing.CommandProcess;
import rongguang.testing.TestSite;

/**
 * {@code rongguang build --watch} as a user runs it: in a process of its own, editing files while it runs,
 * stopped by a signal. Each save is built into the published output, a broken one is reported and leaves it, and
 * the build cache it leaves behind lets the next plain {@code build} go on from there.
 */
class BuildWatchTest {
    private static final String NOW = "2026-11-22T12:00:00+08:00";

    @TempDir
    Path tmp;

    @Test
    void buildsEverySaveAndLeavesTheCacheForTheNextBuild() throws Exception {
        TestSite site = TestSite.create(tmp.resolve("site"), 10)
                .article("a", "第一篇", "2025-01-01")
                .article("b", "第二篇", "2025-01-02");
        Path output = tmp.resolve("out");
        Path article = site.dir().resolve("content/articles/a.md");
        Path broken = site.dir().resolve("content/articles/broken.md");
        List<String> err;
        try (CommandProcess watch = CommandProcess.start("build", "--watch", "--site", site.dir().toString(),
                "--output", output.toString(), "--now", NOW)) {
            assertThat(watch.awaitLine("已生成 ")).contains("未变 0");
            watch.awaitLine("正在监视");

            // the output is the watching build's: another one is refused, a clean one too
            for (String mode : List.of("--verbose", "--clean")) {
                ByteArrayOutputStream refused = new ByteArrayOutputStream();
                assertThat(TestSite.runCli(refused, "build", mode, "--site", site.dir().toString(),
                        "--output", output.toString(), "--now", NOW)).isEqualTo(2);
                assertThat(refused.toString(StandardCharsets.UTF_8)).contains("另一个构建正在写入同一个输出文件夹");
            }

            Files.writeString(article, "\n保存之后新增的一段。\n", StandardOpenOption.APPEND);
            String rebuilt = watch.awaitLine("已生成 ");
            assertThat(rebuilt).doesNotContain("未变 0");
            assertThat(Files.readString(output.resolve("articles/a/index.html"))).contains("保存之后新增的一段");
            watch.awaitLine("正在监视");

            byte[] page = Files.readAllBytes(output.resolve("articles/a/index.html"));
            Files.writeString(broken, "---\ntitle: [没有闭合\n---\n正文\n");
            watch.awaitErr("broken.md:2:");
            assertThat(watch.awaitErr("构建失败")).startsWith("构建失败");
            watch.awaitLine("正在监视");
            assertThat(output.resolve("articles/a/index.html")).hasBinaryContent(page);

            Files.delete(broken);
            watch.awaitLine("已生成 ");
            assertThat(watch.stop()).isTrue();
            err = watch.err();
        }
        assertThat(err).noneMatch(line -> line.contains("\tat ") || line.contains("Exception"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(TestSite.runCli(out, new ByteArrayOutputStream(), "build", "--site", site.dir().toString(),
                "--output", output.toString(), "--now", NOW)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).as("the cache was kept true").contains("重新写入 0，");
        assertThat(TestSite.snapshot(output)).containsExactlyInAnyOrderEntriesOf(clean(site));
    }

    @Test
    void aFileSystemErrorIsToldAndTheNextSaveBuildsAgain() throws Exception {
        TestSite site = TestSite.create(tmp.resolve("site"), 10).article("a", "第一篇", "2025-01-01");
        Path output = tmp.resolve("out");
        Path article = site.dir().resolve("content/articles/a.md");
        Path page = output.resolve("articles/a/index.html");
        try (CommandProcess watch = CommandProcess.start("build", "--watch", "--site", site.dir().toString(),
                "--output", output.toString(), "--now", NOW)) {
            watch.awaitLine("正在监视");
            // a folder where the changed page must go: moving it into place fails
            Files.delete(page);
            Files.createDirectories(page.resolve("in-the-way"));
            Files.writeString(article, "\n第一次保存。\n", StandardOpenOption.APPEND);
            assertThat(watch.awaitErr("rongguang: ")).doesNotContain("Exception");
            watch.awaitLine("正在监视");

            Files.delete(page.resolve("in-the-way"));
            Files.delete(page);
            Files.writeString(article, "\n第二次保存。\n", StandardOpenOption.APPEND);
            watch.awaitLine("已生成 ");
            assertThat(watch.stop()).isTrue();
        }
        assertThat(Files.readString(page)).contains("第二次保存");
        assertThat(TestSite.snapshot(output)).containsExactlyInAnyOrderEntriesOf(clean(site));
    }

    private Map<String, byte[]> clean(TestSite site) throws IOException {
        Path clean = tmp.resolve("clean");
        assertThat(TestSite.runCli(new ByteArrayOutputStream(), "build", "--clean", "--site", site.dir().toString(),
                "--output", clean.toString(), "--now", NOW)).isZero();
        return TestSite.snapshot(clean);
    }
}
