package rongguang.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.problems.Problem;
import rongguang.problems.Problems;
import rongguang.problems.Severity;

/** content/check.json: its settings, and its mistakes reported at their place. */
class CheckConfigTest {
    @TempDir
    Path tmp;

    private CheckConfig read(String json, Problems problems) throws IOException {
        Files.createDirectories(tmp.resolve("content"));
        Files.writeString(tmp.resolve("content/check.json"), json);
        return CheckConfigReader.read(tmp, problems);
    }

    @Test
    void withoutTheFileEveryRuleIsOnAtItsDefault() {
        CheckConfig c = CheckConfigReader.read(tmp, new Problems());
        assertThat(c.severity(Rule.LINK)).isEqualTo(Severity.ERROR);
        assertThat(c.severity(Rule.SPACES)).isEqualTo(Severity.WARNING);
        assertThat(c.merchantWarningDays()).isEqualTo(30);
        assertThat(c.markers()).extracting(CheckConfig.Marker::written).containsExactly("/##[A-Za-z_]+##/");
        assertThat(c.wordings()).isEmpty();
    }

    @Test
    void settingsAreRead() throws IOException {
        Problems problems = new Problems();
        CheckConfig c = read("""
                {
                  "rules": {"exemplar-photo": "off", "spaces": "error", "link": true, "pairs": false},
                  "merchantWarningDays": 60,
                  "markers": ["【水印】", "/##\\\\w+##/"],
                  "wordings": [{"avoid": "A总书记", "note": "不得以字母代替姓名"}, {"avoid": "退伍军人事务局", "prefer": "退役军人事务局"}]
                }
                """, problems);
        assertThat(problems.sorted()).isEmpty();
        assertThat(c.isOn(Rule.EXEMPLAR_PHOTO)).isFalse();
        assertThat(c.isOn(Rule.PAIRS)).isFalse();
        assertThat(c.severity(Rule.SPACES)).isEqualTo(Severity.ERROR);
        assertThat(c.severity(Rule.LINK)).isEqualTo(Severity.ERROR);
        assertThat(c.merchantWarningDays()).isEqualTo(60);
        assertThat(c.markers().get(0).pattern().matcher("正文【水印】正文").find()).isTrue();
        assertThat(c.markers().get(1).pattern().matcher("a##paidend##b").find()).isTrue();
        assertThat(c.wordings()).containsExactly(new CheckConfig.Wording("A总书记", null, "不得以字母代替姓名"),
                new CheckConfig.Wording("退伍军人事务局", "退役军人事务局", null));
    }

    @Test
    void mistakesAreReportedAtTheirPlace() throws IOException {
        Problems problems = new Problems();
        CheckConfig c = read("""
                {
                  "rules": {"spaces": "loud", "punctuaton": "off", "build": "off"},
                  "merchantWarningDays": "thirty",
                  "markers": ["/[水印/"],
                  "wordings": [{"prefer": "退役军人"}, {"avoid": "退役", "prefer": "退役"}],
                  "rule": {}
                }
                """, problems);
        assertThat(c).isNull();
        List<String> reported = problems.sorted().stream().map(Problem::format).toList();
        assertThat(reported).containsExactly(
                "content/check.json:2:23: 错误: 检查项“spaces”的值应为“off”（关闭）、“warning”（警告）或“error”（错误），实际是文本“loud”",
                "content/check.json:2:31: 警告: 没有名为“punctuaton”的检查项，将被忽略，是否应为“punctuation”？",
                "content/check.json:2:52: 警告: 没有名为“build”的检查项，将被忽略",
                "content/check.json:3:26: 错误: “merchantWarningDays”应为整数，实际是文本“thirty”",
                "content/check.json:4:15: 错误: “/[水印/”不是有效的正则表达式（写在两个 / 之间的标记按正则表达式匹配）：Unclosed character class",
                "content/check.json:5:16: 错误: 缺少必填的键“avoid”",
                "content/check.json:5:62: 错误: “prefer”与“avoid”相同",
                "content/check.json:6:3: 警告: 未知的键“rule”，将被忽略，是否应为“rules”？");
    }

    @Test
    void aBrokenFileStopsTheCheckWithItsError() throws IOException {
        Problems problems = new Problems();
        assertThat(read("{\"rules\": {\"spaces\": \"off\",}}", problems)).isNull();
        assertThat(problems.sorted()).extracting(Problem::format)
                .containsExactly("content/check.json:1:27: 错误: JSON 语法错误：多余的逗号，最后一项后面不能有逗号");
    }
}
