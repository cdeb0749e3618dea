package rongguang.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.testing.TestSite;

/** {@code rongguang check} on the command line: report format, exit status, options. */
class CheckCommandTest {
    @TempDir
    Path tmp;

    private String out;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status = TestSite.runCli(o, e, args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return status;
    }

    @Test
    void errorsExitWithOneAndComeBeforeWarnings() throws IOException {
        Path site = SiteCheckTest.site(tmp, "flaws");
        assertThat(run("check", "--site", site.toString(), "--now", "2026-11-22")).as(out + err).isEqualTo(1);
        List<String> lines = out.lines().toList();
        List<String> findings = lines.stream().filter(l -> l.startsWith("content/")).toList();
        assertThat(findings).hasSize(14).allMatch(l -> l.matches(".+:\\d+:\\d+: (错误|警告): .+ \\[[a-z-]+\\]"));
        int lastError = findings.stream().filter(l -> l.contains(": 错误: ")).mapToInt(findings::indexOf).max().orElseThrow();
        int firstWarning = findings.stream().filter(l -> l.contains(": 警告: ")).mapToInt(findings::indexOf).min().orElseThrow();
        assertThat(lastError).isLessThan(firstWarning);
        assertThat(lines).contains("按检查项统计：").anyMatch(l -> l.matches("\\s+link\\s+站内链接：1 个错误"))
                .anyMatch(l -> l.matches("\\s+spaces\\s+多余空格：1 个警告"));
        assertThat(lines.get(lines.size() - 1)).endsWith("6 个错误，8 个警告。");
        assertThat(err).isEmpty();
    }

    @Test
    void warningsAloneExitWithZeroUnlessStrict() throws IOException {
        Path site = SiteCheckTest.site(tmp, "newspaper");
        Files.writeString(site.resolve("content/check.json"), "{\"rules\": {\"marker\": \"warning\"}}");
        assertThat(run("check", "--site", site.toString(), "--now", "2026-11-22")).as(out).isZero();
        assertThat(out).contains(": 警告: ").doesNotContain(": 错误: ");
        assertThat(run("check", "--site", site.toString(), "--now", "2026-11-22", "--strict")).isEqualTo(1);
    }

    @Test
    void theSampleSitePasses() {
        assertThat(run("check", "--site", TestSite.SAMPLE.toString(), "--now", "2026-11-22", "--strict")).as(out + err)
                .isZero();
        assertThat(out).contains("没有发现问题").contains("外部链接").doesNotContain("https://");
        assertThat(run("check", "--site", TestSite.SAMPLE.toString(), "--now", "2026-11-22", "--external")).isZero();
        assertThat(out).contains("外部链接（只列出，不访问）：").contains("https://beian.miit.gov.cn/");
    }

    @Test
    void jsonIsOneDocumentWithEveryFinding() throws IOException {
        Path site = SiteCheckTest.site(tmp, "flaws");
        assertThat(run("check", "--site", site.toString(), "--now", "2026-11-22", "--format", "json")).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(out);
        assertThat(doc.get("errors").asInt()).isEqualTo(6);
        assertThat(doc.get("warnings").asInt()).isEqualTo(8);
        assertThat(doc.get("findings")).hasSize(14);
        JsonNode spaces = null;
        for (JsonNode f : doc.get("findings")) {
            assertThat(f.fieldNames()).toIterable()
                    .containsExactly("file", "line", "column", "severity", "rule", "message", "text");
            if (f.get("rule").asText().equals("spaces")) spaces = f;
        }
        assertThat(spaces).isNotNull();
        assertThat(spaces.get("file").asText()).isEqualTo("content/data/exemplars/li-ming.json");
        assertThat(spaces.get("line").asInt()).isEqualTo(3);
        assertThat(spaces.get("column").asInt()).isEqualTo(12);
        assertThat(spaces.get("severity").asText()).isEqualTo("warning");
        assertThat(spaces.get("text").asText()).isEqualTo("李 明");
        assertThat(doc.get("counts").get("link").get("errors").asInt()).isEqualTo(1);
        assertThat(doc.get("externalLinks").isArray()).isTrue();
    }

    @Test
    void anOutputFolderCanBeCheckedAsItIs() throws IOException {
        Path site = SiteCheckTest.site(tmp, "flaws");
        assertThat(TestSite.runCli(new ByteArrayOutputStream(), "build", "--site", site.toString(), "--now", "2026-11-22"))
                .isZero();
        assertThat(run("check", "--site", site.toString(), "--now", "2026-11-22", "--output-only")).isEqualTo(1);
        assertThat(out).contains("content/articles/fuwuzhan.md:10:20: 错误: 链接").endsWith("6 个错误，8 个警告。\n");

        // a page missing from the output: every link to it, written by templates, is one finding on a page
        Files.delete(site.resolve("output/articles/youdai/index.html"));
        assertThat(run("check", "--site", site.toString(), "--now", "2026-11-22", "--output-only")).isEqualTo(1);
        String finding = out.lines().filter(l -> l.contains("articles/youdai/ 不存在")).findFirst().orElseThrow();
        assertThat(finding).startsWith("output/").contains("个页面有此问题");
        String[] place = finding.split(":");
        String line = Files.readAllLines(site.resolve(place[0])).get(Integer.parseInt(place[1]) - 1);
        assertThat(line.substring(Integer.parseInt(place[2]) - 1)).matches("(\\.\\./)*articles/youdai/\".*");

        Path elsewhere = tmp.resolve("elsewhere");
        Files.move(site.resolve("output"), elsewhere);
        assertThat(run("check", "--site", site.toString(), "--output-only", "--output", elsewhere.toString(),
                "--now", "2026-11-22")).isEqualTo(1);
        assertThat(out).contains(elsewhere + "/articles/");
    }

    @Test
    void mistakesOnTheCommandLineExitWithTwo() throws IOException {
        Path site = SiteCheckTest.site(tmp, "flaws");
        assertThat(run("check", "--site", site.toString(), "--output", tmp.toString())).isEqualTo(2);
        assertThat(err).contains("--output 只能与 --output-only 一起使用");
        assertThat(run("check", "--site", site.toString(), "--format", "xml")).isEqualTo(2);
        assertThat(run("check", "--site", site.toString(), "--now", "tomorrow")).isEqualTo(2);
        assertThat(run("check", "--site", site.toString(), "--output-only")).isEqualTo(2);
        assertThat(err).contains("找不到输出文件夹");
        assertThat(run("check", "--site", tmp.resolve("nothing").toString())).isEqualTo(2);
        assertThat(err).contains("没有 content/ 文件夹").doesNotContain("Exception");
    }

    @Test
    void mistakesInCheckJsonStopTheCheck() throws IOException {
        Path site = SiteCheckTest.site(tmp, "flaws");
        Files.writeString(site.resolve("content/check.json"), "{\"rules\": {\"spaces\": \"of\"}}");
        assertThat(run("check", "--site", site.toString())).isEqualTo(1);
        assertThat(out).startsWith("content/check.json:1:22: 错误: 检查项“spaces”的值应为")
                .endsWith("content/check.json 有错误，改正后才能检查：1 个错误，0 个警告。\n")
                .doesNotContain("content/articles/");
    }

    @Test
    void aBrokenBuildIsReportedWithTheContentChecks() throws IOException {
        Path site = SiteCheckTest.site(tmp, "newspaper");
        Files.writeString(site.resolve("content/articles/bad.md"), "---\ntitle: 坏文章\n---\n\n正文,有问题。\n");
        assertThat(run("check", "--site", site.toString(), "--now", "2026-11-22")).isEqualTo(1);
        assertThat(out).contains("content/articles/bad.md:2:1: 错误: 缺少必填的键“date” [build]")
                .contains("content/articles/bad.md:5:3: 警告: 半角逗号")
                .contains("content/articles/laobing-zhijia.md:15:12: 警告: 中文之间有多余的空格")
                .contains("检查了 0 个页面");
    }
}
