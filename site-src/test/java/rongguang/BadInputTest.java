package rongguang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rongguang.problems.Problems;
import rongguang.testing.TestSite;

/**
 * The bad-input corpus: {@code site-src/test/resources/bad-input/<case>/} holds a small site with one mistake
 * ({@code content/}, and for template mistakes a {@code templates/} folder laid over the bundled theme) and
 * {@code expected.txt}, one line per problem the build must report:
 * <pre>path:line:column: 错误|警告: text</pre>
 * where the place must match exactly and {@code text} is a part of the message. Each case is built with the real
 * command line over the output of a previous good build, which a failed build must leave byte-identical.
 */
class BadInputTest {
    static final Path CASES = Path.of("site-src/test/resources/bad-input");
    private static final Pattern LINE = Pattern.compile("(.+?):(\\d+):(\\d+): (错误|警告): (.+)");

    /** One expected problem: its exact place and severity, and a part of its message. */
    record Expected(String file, int line, int column, String severity, String text) {
        String prefix() {
            return file + ":" + line + ":" + column + ": " + severity + ": ";
        }

        boolean matches(String reported) {
            return reported.startsWith(prefix()) && reported.substring(prefix().length()).contains(text);
        }

        @Override
        public String toString() {
            return prefix() + "…" + text + "…";
        }
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> list = Files.list(CASES)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    static List<Expected> expected(Path caseDir) throws IOException {
        List<Expected> out = new ArrayList<>();
        for (String line : Files.readAllLines(caseDir.resolve("expected.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) throw new IllegalArgumentException(caseDir + "/expected.txt: cannot read “" + line + "”");
            out.add(new Expected(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4),
                    m.group(5)));
        }
        return out;
    }

    @Test
    void theCorpusIsComplete() throws IOException {
        List<String> names = cases().toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(24);
        for (String name : names) {
            Path dir = CASES.resolve(name);
            assertThat(dir.resolve("content/site.json")).as(name).isRegularFile();
            assertThat(expected(dir)).as(name + "/expected.txt").isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theMistakeIsReportedAtItsPlaceAndTheOutputIsKept(String name, @TempDir Path tmp) throws IOException {
        Path caseDir = CASES.resolve(name);
        List<Expected> expected = expected(caseDir);
        boolean warningsOnly = expected.stream().allMatch(e -> e.severity().equals("警告"));

        Path site = tmp.resolve("site");
        copy(TestSite.SAMPLE.resolve("templates"), site.resolve("templates"));
        if (Files.isDirectory(caseDir.resolve("templates"))) copy(caseDir.resolve("templates"), site.resolve("templates"));
        copy(caseDir.resolve("content"), site.resolve("content"));

        // a previous good build, which a failed build must leave exactly as it was
        Path out = tmp.resolve("out");
        TestSite good = TestSite.create(tmp.resolve("good"), 20).article("good", "好文章", "2026-01-01");
        TestSite.build(good.dir(), out, false, new Problems());
        Map<String, byte[]> before = TestSite.snapshot(out);
        assertThat(before).containsKey("articles/good/index.html");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TestSite.runCli(err, "build", "--site", site.toString(), "--output", out.toString(),
                "--now", "2026-11-22");
        String stderr = err.toString(StandardCharsets.UTF_8);
        List<String> lines = stderr.lines().toList();

        SoftAssertions soft = new SoftAssertions();
        String context = name + ", stderr:\n" + stderr;
        soft.assertThat(status).as("exit status; " + context).isEqualTo(warningsOnly ? 0 : 1);
        for (Expected e : expected) {
            soft.assertThat(lines.stream().anyMatch(e::matches)).as("expected " + e + "\nin " + context).isTrue();
        }
        soft.assertThat(stderr).as(context).doesNotContain("Exception").doesNotContain("\tat ");
        if (warningsOnly) {
            soft.assertThat(lines).as(context).noneMatch(l -> l.startsWith("构建失败："));
        } else {
            soft.assertThat(lines).as("summary line; " + context).anyMatch(l -> l.startsWith("构建失败："));
            Map<String, byte[]> after = TestSite.snapshot(out);
            soft.assertThat(after.keySet()).as(name + ": output files after the failed build")
                    .isEqualTo(before.keySet());
            before.forEach((f, bytes) -> {
                if (after.containsKey(f)) soft.assertThat(after.get(f)).as(name + ": " + f).isEqualTo(bytes);
            });
        }
        soft.assertThat(Files.exists(tmp.resolve(".out.rongguang-new"))).as(name + ": staging folder left").isFalse();
        soft.assertThat(Files.exists(tmp.resolve(".out.rongguang-old"))).as(name + ": old output left").isFalse();
        soft.assertAll();
    }

    /** Copies a folder's files, replacing those already there (a case's templates overlay the bundled theme). */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }



}
