package rongguang.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.stream.Stream;
import rongguang.Generator;
import rongguang.problems.Problems;

/** A site folder on disk for a test: site.json, articles, data files, and the bundled theme copied in. */
public final class TestSite {
    /** The bundled sample site and theme, at the project's root (Maven runs tests there). */
    public static final Path SAMPLE = Path.of("").toAbsolutePath();
    /** The moment the tests build at, so that drafts, schedules and reviews give the same answer every day. */
    public static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-22T12:00:00+08:00[Asia/Shanghai]");

    private final Path dir;

    private TestSite(Path dir) {
        this.dir = dir;
    }

    /** A new site in {@code dir} with the default theme and a minimal site.json of the given page size. */
    public static TestSite create(Path dir, int pageSize) throws IOException {
        TestSite site = new TestSite(dir);
        site.write("content/site.json", """
                {"title": "测试双拥网", "baseUrl": "https://test.example.gov.cn/sy/", "organization": "测试单位",
                 "pageSize": %d}
                """.formatted(pageSize));
        copyTree(SAMPLE.resolve("templates"), dir.resolve("templates"));
        return site;
    }

    public Path dir() {
        return dir;
    }

    public TestSite write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    /** An article with the given extra front matter lines. */
    public TestSite article(String slug, String title, String date, String... frontMatter) throws IOException {
        return write("content/articles/" + slug + ".md", "---\ntitle: " + title + "\ndate: " + date + "\n"
                + String.join("\n", frontMatter) + (frontMatter.length > 0 ? "\n" : "") + "---\n\n" + title
                + "的正文。这是第二句话。\n");
    }

    public Generator.Result build(Path output, boolean preview, Problems problems) throws IOException {
        return build(dir, output, preview, problems);
    }

    public static Generator.Result build(Path site, Path output, boolean preview, Problems problems) throws IOException {
        return new Generator().build(new Generator.Options(site, output, NOW, preview), problems);
    }

    /** A copy of the bundled sample site (content/ and templates/) in {@code site}, to change and build. */
    public static Path copySample(Path site) throws IOException {
        copyTree(SAMPLE.resolve("content"), site.resolve("content"));
        copyTree(SAMPLE.resolve("templates"), site.resolve("templates"));
        return site;
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    /** Every regular file below {@code dir}, as sorted relative paths with forward slashes. */
    public static java.util.List<String> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file below {@code dir} with its bytes, to compare an output before and after. */
    public static java.util.Map<String, byte[]> snapshot(Path dir) throws IOException {
        java.util.Map<String, byte[]> out = new java.util.TreeMap<>();
        for (String f : files(dir)) out.put(f, Files.readAllBytes(dir.resolve(f)));
        return out;
    }

    /** Runs the command line in this JVM, as a user would; what it prints on stderr goes to {@code err}. */
    public static int runCli(java.io.ByteArrayOutputStream err, String... args) {
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return rongguang.cli.Main.run(args);
        } finally {
            System.setErr(old);
        }
    }

    /** Runs the command line in this JVM; what it prints goes to {@code out} and {@code err}. */
    public static int runCli(java.io.ByteArrayOutputStream out, java.io.ByteArrayOutputStream err, String... args) {
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return runCli(err, args);
        } finally {
            System.setOut(old);
        }
    }
}
