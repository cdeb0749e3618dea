package rongguang.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.Generator;
import rongguang.problems.Problems;
import rongguang.testing.TestSite;

/**
 * {@code build --daemon} as a user runs it: each client a JVM of its own, talking over a real socket to a daemon it
 * started, which keeps the site in memory between builds. What the daemon builds must be what a clean build makes.
 * The tests of the class share one daemon; those that need their own use folders of their own.
 */
class BuildDaemonTest {
    private static final String NOW = "2026-11-22T12:00:00+08:00";

    @TempDir
    static Path tmp;

    private static Path daemons;

    private record Run(int status, String out, String err) {}

    @BeforeAll
    static void folder() throws IOException {
        daemons = folder("d", "rwx------");
    }

    @AfterAll
    static void stopDaemons() throws Exception {
        run(daemons, tmp, Map.of(), "daemon", "--stop");
    }

    @Test
    void buildsAndBuildsAgainAfterAnEditAsACleanBuildWould() throws Exception {
        Path site = TestSite.copySample(tmp.resolve("sample"));
        Path output = tmp.resolve("sample-out");
        Run first = build(site, output);
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).contains("已生成 ", "未变 0");
        assertSameAsClean(site, output);

        Path article = site.resolve("content/articles/2024/bayi-tushuo.md");
        Files.writeString(article, "\n守护进程构建之后新增的一段。\n", StandardOpenOption.APPEND);
        Run second = build(site, output);

        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.out()).doesNotContain("未变 0");
        assertSameAsClean(site, output);
        Run status = run(daemons, tmp, Map.of(), "daemon");
        assertThat(status.out()).contains("已构建", output.toString());
    }

    @Test
    void anotherBuildOfTheOutputBetweenTwoOfTheDaemonsIsNoticed() throws Exception {
        TestSite site = twoArticles("small");
        Path output = tmp.resolve("small-out");
        assertThat(build(site.dir(), output).status()).isZero();

        // the daemon holds no lock between builds: a build in another process may use the output
        site.article("c", "第三篇", "2025-01-03");
        Generator.Result other = new Generator().build(new Generator.Options(site.dir(), output,
                TestSite.NOW, false, true, null), new Problems());
        assertThat(other.written()).isPositive();

        // the page that build added is unknown to the daemon's memory of the output, which must not be trusted
        Files.delete(site.dir().resolve("content/articles/c.md"));
        site.write("content/articles/a.md", "---\ntitle: 第一篇改了标题\ndate: 2025-01-01\n---\n\n正文。\n");
        Run again = build(site.dir(), output);
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(output.resolve("articles/c/index.html")).doesNotExist();
        assertSameAsClean(site.dir(), output);
    }

    @Test
    void pathsAreTheClientsAndErrorsComeBackWithTheirPlaceAndStatus() throws Exception {
        TestSite site = TestSite.create(tmp.resolve("relative"), 10).article("a", "第一篇", "2025-01-01");
        Run ok = run(daemons, site.dir(), Map.of(), "build", "--daemon", "--now", NOW);
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(site.dir().resolve("output/articles/a/index.html")).exists();

        site.write("content/articles/broken.md", "---\ntitle: [没有闭合\n---\n正文\n");
        Run broken = run(daemons, site.dir(), Map.of(), "build", "--daemon", "--now", NOW);
        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.err()).contains("content/articles/broken.md:2:", "构建失败");
        assertThat(site.dir().resolve("output/articles/a/index.html")).exists();

        Run both = run(daemons, site.dir(), Map.of(), "build", "--daemon", "--watch");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("--watch 与 --daemon 不能同用");
    }

    @Test
    void aDaemonEndsWhenIdleAndAnUnsafeFolderMeansABuildInTheClient() throws Exception {
        Path own = folder("idle", "rwx------");
        TestSite site = TestSite.create(tmp.resolve("idle-site"), 10).article("a", "第一篇", "2025-01-01");
        Run ok = run(own, tmp, Map.of("RONGGUANG_DAEMON_IDLE", "1"), "build", "--daemon", "--site",
                site.dir().toString(), "--now", NOW);
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(ok.err()).doesNotContain("不可用");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (hasSocket(own) && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(hasSocket(own)).as("the idle daemon's socket").isFalse();

        Path open = folder("open", "rwxr-xr-x");
        Run local = run(open, tmp, Map.of(), "build", "--daemon", "--site", site.dir().toString(),
                "--output", tmp.resolve("local-out").toString(), "--now", NOW);
        assertThat(local.status()).as(local.err()).isZero();
        assertThat(local.err()).contains("构建守护进程不可用", "权限 700");
        assertThat(tmp.resolve("local-out/articles/a/index.html")).exists();
        assertThat(hasSocket(open)).isFalse();

        Path tooLong = tmp.resolve("d".repeat(100));
        Run here = run(tooLong, tmp, Map.of(), "build", "--daemon", "--site", site.dir().toString(),
                "--output", tmp.resolve("long-out").toString(), "--now", NOW);
        assertThat(here.status()).as(here.err()).isZero();
        assertThat(here.err()).contains("构建守护进程不可用", "路径太长");
        assertThat(tmp.resolve("long-out/articles/a/index.html")).exists();
    }

    @Test
    void twoClientsAtOnceAreServedOneAfterTheOther() throws Exception {
        TestSite site = twoArticles("twice");
        Path output = tmp.resolve("twice-out");
        assertThat(build(site.dir(), output).status()).isZero();
        site.article("c", "第三篇", "2025-01-03");

        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = two.submit(() -> build(site.dir(), output));
            var second = two.submit(() -> build(site.dir(), output));
            for (Run run : List.of(first.get(), second.get())) assertThat(run.status()).as(run.err()).isZero();
        } finally {
            two.shutdownNow();
        }
        assertSameAsClean(site.dir(), output);
    }

    @Test
    void stopEndsTheDaemonAndItsSocket() throws Exception {
        Path own = folder("stop", "rwx------");
        ProcessHandle daemon = daemonAfterABuild(own, "stop-site");

        Run stop = run(own, tmp, Map.of(), "daemon", "--stop");

        assertThat(stop.out()).contains("已结束");
        assertThat(daemon.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(hasSocket(own)).isFalse();
        assertThat(run(own, tmp, Map.of(), "daemon").out()).contains("没有正在运行的构建守护进程");
    }

    /** A daemon ended by a signal (kill's SIGTERM) takes its socket and lock with it, as one that was stopped does. */
    @Test
    void aDaemonEndedByASignalTakesItsSocketAndLockAlong() throws Exception {
        Path own = folder("signal", "rwx------");
        ProcessHandle daemon = daemonAfterABuild(own, "signal-site");
        try (var files = Files.list(own)) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(f -> f.endsWith(".sock"))
                    .anyMatch(f -> f.endsWith(".lock"));
        }

        assertThat(daemon.destroy()).isTrue();

        assertThat(daemon.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS).isAlive()).isFalse();
        try (var files = Files.list(own)) {
            // a log stays when the daemon wrote to it (under the tests' class path, log4j's warnings)
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(f -> f.endsWith(".sock"))
                    .noneMatch(f -> f.endsWith(".lock"));
        }
        assertThat(run(own, tmp.resolve("signal-site"), Map.of(), "build", "--daemon", "--now", NOW).status()).isZero();
        assertThat(run(own, tmp, Map.of(), "daemon", "--stop").out()).contains("已结束");
    }

    /** The daemon in {@code own} that a first {@code build --daemon} of a new site (in {@code tmp/name}) started. */
    private static ProcessHandle daemonAfterABuild(Path own, String name) throws Exception {
        TestSite site = TestSite.create(tmp.resolve(name), 10).article("a", "第一篇", "2025-01-01");
        assertThat(run(own, site.dir(), Map.of(), "build", "--daemon", "--now", NOW).status()).isZero();
        String status = run(own, tmp, Map.of(), "daemon").out();
        java.util.regex.Matcher pid = java.util.regex.Pattern.compile("守护进程 (\\d+)").matcher(status);
        assertThat(pid.find()).as(status).isTrue();
        return ProcessHandle.of(Long.parseLong(pid.group(1))).orElseThrow();
    }

    @Test
    void theEnvironmentMakesTheDaemonTheDefaultAndNoDaemonOrWatchBuildHere() throws Exception {
        Path own = folder("default", "rwx------");
        TestSite site = TestSite.create(tmp.resolve("default-site"), 10).article("a", "第一篇", "2025-01-01");
        Map<String, String> on = Map.of("RONGGUANG_DAEMON", "1");
        assertThat(run(own, site.dir(), on, "build", "--now", NOW).status()).isZero();
        assertThat(run(own, tmp, Map.of(), "daemon").out()).contains("已构建 1 次", site.dir().resolve("output").toString());

        site.article("b", "第二篇", "2025-01-02");
        Run here = run(own, site.dir(), on, "build", "--no-daemon", "--now", NOW);
        assertThat(here.status()).as(here.err()).isZero();
        assertThat(site.dir().resolve("output/articles/b/index.html")).exists();
        assertThat(run(own, tmp, Map.of(), "daemon").out()).contains("已构建 1 次");

        run(own, tmp, Map.of(), "daemon", "--stop");
    }

    @Test
    void whichCommandLinesGoToTheDaemon() {
        assertThat(DaemonClient.wanted(new String[] {"build", "--daemon"}, null)).isTrue();
        assertThat(DaemonClient.wanted(new String[] {"build"}, null)).isFalse();
        assertThat(DaemonClient.wanted(new String[] {"build"}, "1")).isTrue();
        assertThat(DaemonClient.wanted(new String[] {"build", "--no-daemon"}, "1")).isFalse();
        // --watch keeps a process of its own; asked for with --daemon too, the daemon refuses it with a message
        assertThat(DaemonClient.wanted(new String[] {"build", "--watch"}, "1")).isFalse();
        assertThat(DaemonClient.wanted(new String[] {"build", "--watch", "--daemon"}, null)).isTrue();
        assertThat(DaemonClient.wanted(new String[] {"check", "--daemon"}, "1")).isFalse();
        assertThat(DaemonClient.wanted(new String[] {}, "1")).isFalse();
    }

    private static TestSite twoArticles(String name) throws IOException {
        return TestSite.create(tmp.resolve(name), 10)
                .article("a", "第一篇", "2025-01-01")
                .article("b", "第二篇", "2025-01-02");
    }

    /** A daemons' folder with these permissions. */
    private static Path folder(String name, String permissions) throws IOException {
        return Files.createDirectory(tmp.resolve(name), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(permissions)));
    }

    private static boolean hasSocket(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.anyMatch(f -> f.toString().endsWith(".sock"));
        }
    }

    private static Run build(Path site, Path output) throws Exception {
        return run(daemons, tmp, Map.of(), "build", "--daemon", "--site", site.toString(), "--output",
                output.toString(), "--now", NOW);
    }

    private static void assertSameAsClean(Path site, Path output) throws IOException {
        Path clean = Files.createTempDirectory(output.getParent(), "clean");
        new Generator().build(new Generator.Options(site, clean.resolve("out"), TestSite.NOW, false), new Problems());
        assertThat(TestSite.snapshot(output)).containsExactlyInAnyOrderEntriesOf(TestSite.snapshot(clean.resolve("out")));
    }

    /** The command line in a JVM of its own, started at the jar's entry, in {@code workingDir}. */
    private static Run run(Path daemons, Path workingDir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "rongguang.cli.Entry"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
        builder.environment().put("RONGGUANG_DAEMON_DIR", daemons.toString());
        builder.environment().put("RONGGUANG_DAEMON_IDLE", "120");   // a daemon a failed test did not stop ends soon
        builder.environment().putAll(env);
        Path out = Files.createTempFile(workingDir.getParent(), "out", ".txt");
        Path err = Files.createTempFile(workingDir.getParent(), "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int status = process.waitFor();
        return new Run(status, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
