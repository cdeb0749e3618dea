package rongguang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.problems.Problem;
import rongguang.problems.Problems;
import rongguang.problems.Severity;
import rongguang.testing.TestSite;

/** The published output survives a killed build, and no input reaches outside the site folder. */
class OutputSafetyTest {
    @TempDir
    Path tmp;

    @Test
    void aBuildKilledMidWayLeavesThePreviousOutputIntact() throws Exception {
        TestSite site = TestSite.create(tmp.resolve("site"), 20);
        String body = "双拥工作扎实推进，军民团结如一人。".repeat(40);
        for (int i = 0; i < 3000; i++) {
            site.write("content/articles/a" + i + ".md", "---\ntitle: 第" + i + "篇\ndate: 2025-01-01\ntags: [标签"
                    + (i % 50) + "]\n---\n\n" + body + "\n");
        }
        Path out = tmp.resolve("out");
        site.build(out, false, new Problems());
        Map<String, byte[]> before = TestSite.snapshot(out);

        site.write("content/articles/a0.md", "---\ntitle: 改过的标题\ndate: 2025-01-02\n---\n\n新的正文。\n");
        Path staging = tmp.resolve(".out.rongguang-new");
        Process build = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "rongguang.cli.Main",
                "build", "--site", site.dir().toString(), "--output", out.toString(), "--now", "2026-11-22")
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("build.log").toFile())
                .start();
        // kill it (SIGKILL, no shutdown hooks) once it has written part of the new tree
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (build.isAlive() && System.nanoTime() < deadline && countFiles(staging) < 200) Thread.sleep(5);
        assertThat(build.isAlive()).as("the build was still running when killed").isTrue();
        assertThat(countFiles(staging)).isGreaterThanOrEqualTo(200);
        build.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Map<String, byte[]> after = TestSite.snapshot(out);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((f, bytes) -> assertThat(after.get(f)).as(f).isEqualTo(bytes));

        // the next build clears what the killed one left and publishes the change
        site.build(out, false, new Problems());
        assertThat(staging).doesNotExist();
        assertThat(Files.readString(out.resolve("articles/a0/index.html"))).contains("改过的标题");
    }

    @Test
    void symlinksInContentAreNotFollowed() throws IOException {
        Path outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("secret.md"), "---\ntitle: 机密\ndate: 2025-01-01\n---\n机密内容\n");
        Files.writeString(outside.resolve("secret.txt"), "机密");
        TestSite site = TestSite.create(tmp.resolve("site"), 20).article("ok", "正常文章", "2025-01-01");
        Files.createDirectories(site.dir().resolve("content/media"));
        Files.createSymbolicLink(site.dir().resolve("content/articles/link.md"), outside.resolve("secret.md"));
        Files.createSymbolicLink(site.dir().resolve("content/media/linked"), outside);
        Files.createSymbolicLink(site.dir().resolve("content/media/secret.txt"), outside.resolve("secret.txt"));

        Path out = tmp.resolve("out");
        Problems problems = new Problems();
        site.build(out, false, problems);
        assertThat(problems.sorted()).extracting(Problem::file)
                .containsExactly("content/articles/link.md", "content/media/linked", "content/media/secret.txt");
        assertThat(problems.sorted()).allMatch(p -> p.severity() == Severity.WARNING && p.message().contains("符号链接"));
        List<String> files = TestSite.files(out);
        assertThat(files).contains("articles/ok/index.html").noneMatch(f -> f.contains("link") || f.contains("secret"));
        // read leniently: the search index's shards are binary, with their keys in UTF-8
        for (String f : files) {
            assertThat(new String(Files.readAllBytes(out.resolve(f)), java.nio.charset.StandardCharsets.UTF_8))
                    .as(f).doesNotContain("机密");
        }
    }

    private static long countFiles(Path dir) {
        if (!Files.isDirectory(dir)) return 0;
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // the tree is changing under us; look again
        }
    }

}
