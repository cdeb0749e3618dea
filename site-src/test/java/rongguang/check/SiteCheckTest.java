package rongguang.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rongguang.problems.Severity;
import rongguang.testing.TestSite;

/**
 * Whole sites checked: {@code site-src/test/resources/check/<fixture>/} holds {@code content/} (the bundled theme
 * is added) and {@code expected.txt}, every finding the check must report and nothing else, one a line:
 * <pre>path:line:column: 错误|警告: part of the message [rule]</pre>
 */
class SiteCheckTest {
    static final Path FIXTURES = Path.of("site-src/test/resources/check");
    private static final Pattern LINE = Pattern.compile("(.+?):(\\d+):(\\d+): (错误|警告): (.+) \\[([a-z-]+)\\]");

    @TempDir
    Path tmp;

    record Expected(String file, int line, int column, Severity severity, String rule, String text) {
        boolean matches(Finding f) {
            return f.file().equals(file) && f.line() == line && f.column() == column && f.severity() == severity
                    && f.rule().id().equals(rule) && f.message().contains(text);
        }

        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + severity.label() + ": …" + text + "… [" + rule + "]";
        }
    }

    static List<Expected> expected(String fixture) throws IOException {
        List<Expected> out = new ArrayList<>();
        for (String line : Files.readAllLines(FIXTURES.resolve(fixture).resolve("expected.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) throw new IllegalArgumentException(fixture + "/expected.txt: cannot read “" + line + "”");
            out.add(new Expected(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4).equals("错误") ? Severity.ERROR : Severity.WARNING, m.group(6), m.group(5)));
        }
        return out;
    }

    /** A site folder with the fixture's content and the bundled theme. */
    static Path site(Path tmp, String fixture) throws IOException {
        Path site = tmp.resolve(fixture);
        TestSite.copyTree(FIXTURES.resolve(fixture).resolve("content"), site.resolve("content"));
        TestSite.copyTree(TestSite.SAMPLE.resolve("templates"), site.resolve("templates"));
        return site;
    }

    static Report check(Path site) throws IOException {
        return new SiteCheck().run(new SiteCheck.Options(site, null, TestSite.NOW));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"flaws", "newspaper"})
    void everyFlawIsReportedAtItsPlaceAndNothingElse(String fixture) throws IOException {
        Report report = check(site(tmp, fixture));
        List<Expected> expected = expected(fixture);
        String all = report.findings().stream().map(Finding::format).reduce("", (a, b) -> a + "\n" + b);
        SoftAssertions soft = new SoftAssertions();
        for (Expected e : expected) {
            soft.assertThat(report.findings().stream().filter(e::matches).count())
                    .as("%s\nreported:%s", e, all).isEqualTo(1);
        }
        for (Finding f : report.findings()) {
            soft.assertThat(expected.stream().anyMatch(e -> e.matches(f))).as("unexpected: %s", f).isTrue();
        }
        soft.assertThat(report.findings()).as(all).hasSameSizeAs(expected);
        soft.assertAll();
    }

    @Test
    void theFlawsSiteHoldsOneInstanceOfEveryRule() throws IOException {
        List<String> rules = expected("flaws").stream().map(Expected::rule).sorted().toList();
        List<String> all = Arrays.stream(Rule.values()).filter(Rule::configurable).map(Rule::id).sorted().toList();
        assertThat(rules).isEqualTo(all);
    }

    @Test
    void eachFindingQuotesTheTextAtItsPlace() throws IOException {
        Path site = site(tmp, "flaws");
        for (Finding f : check(site).findings()) {
            if (f.rule() == Rule.LINE_BREAK || f.rule() == Rule.EXEMPLAR_PHOTO || f.text().isEmpty()) continue;
            String line = Files.readAllLines(site.resolve(f.file())).get(f.line() - 1);
            String there = line.substring(f.column() - 1);
            if (f.rule() == Rule.LINK || f.rule() == Rule.FRAGMENT) {
                // placed at the Markdown link, quoting its destination as written
                assertThat(there).as(f.format()).startsWith("[").contains("](" + f.text() + ")");
                continue;
            }
            // values of data files are placed at their opening quote, as the build does
            assertThat(there.startsWith(f.text()) || there.startsWith("\"" + f.text())).as(f.format() + "\n" + there).isTrue();
        }
    }

    @Test
    void theSampleSiteReportsNothingAndItsOutputIsLeftAlone() throws IOException {
        Path output = TestSite.SAMPLE.resolve("output");
        Map<String, byte[]> before = Files.isDirectory(output) ? TestSite.snapshot(output) : null;
        List<Path> temporaryBefore = checkFolders();

        Report report = check(TestSite.SAMPLE);

        assertThat(report.findings()).extracting(Finding::format).isEmpty();
        assertThat(report.pages()).isGreaterThan(150);
        assertThat(report.articles()).isEqualTo(26);
        assertThat(report.external()).isNotEmpty();
        if (before == null) {
            assertThat(output).doesNotExist();
        } else {
            Map<String, byte[]> after = TestSite.snapshot(output);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            before.forEach((f, bytes) -> assertThat(after.get(f)).as(f).isEqualTo(bytes));
        }
        assertThat(temporaryBefore).as("the temporary build is deleted").containsAll(checkFolders());
    }

    @Test
    void checkJsonSwitchesRulesOffAndSetsTheirSeverity() throws IOException {
        Path site = site(tmp, "flaws");
        Files.writeString(site.resolve("content/check.json"), """
                {"rules": {"spaces": "off", "pairs": false, "image-alt": "error", "marker": "warning"},
                 "merchantWarningDays": 10}
                """);
        Report report = check(site);
        assertThat(report.findings()).extracting(f -> f.rule().id())
                .doesNotContain("spaces", "pairs", "wording", "merchant-expiring")
                .contains("link", "punctuation", "line-break");
        assertThat(report.findings()).filteredOn(f -> f.rule() == Rule.IMAGE_ALT)
                .extracting(Finding::severity).containsExactly(Severity.ERROR);
        assertThat(report.findings()).filteredOn(f -> f.rule() == Rule.MARKER)
                .extracting(Finding::severity).containsExactly(Severity.WARNING);
    }

    @Test
    void markersCanBeListedInCheckJson() throws IOException {
        Path site = site(tmp, "flaws");
        Files.writeString(site.resolve("content/check.json"), """
                {"markers": ["示范市", "/服务站(\\\\d+)个/"]}
                """);
        Report report = check(site);
        List<String> markers = report.findings().stream().filter(f -> f.rule() == Rule.MARKER).map(Finding::text).toList();
        assertThat(markers).contains("示范市", "服务站312个").doesNotContain("##paidbegin##");
    }

    private static List<Path> checkFolders() throws IOException {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.filter(p -> p.getFileName().toString().startsWith("rongguang-check-")).sorted().toList();
        }
    }
}
