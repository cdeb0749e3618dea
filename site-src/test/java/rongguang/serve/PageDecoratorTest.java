package rongguang.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import rongguang.problems.Problem;
import rongguang.problems.Severity;

class PageDecoratorTest {
    private static final String SCRIPT = "<script src=\"/__rongguang/live.js?v=v1\" defer></script>\n";

    private static String decorate(String page, String overlay) {
        return new String(new PageDecorator("v1", overlay).decorate(page.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }

    @Test
    void theScriptGoesJustBeforeTheLastBodyEnd() {
        assertThat(decorate("<p>双拥</p><!-- </body> --></body>\n</html>\n", ""))
                .isEqualTo("<p>双拥</p><!-- </body> -->" + SCRIPT + "</body>\n</html>\n");
        assertThat(decorate("<P>x</P></BODY></HTML>", "")).isEqualTo("<P>x</P>" + SCRIPT + "</BODY></HTML>");
        assertThat(decorate("<p>x</p></html>", "")).isEqualTo("<p>x</p>" + SCRIPT + "</html>");
        assertThat(decorate("<p>片段", "")).isEqualTo("<p>片段" + SCRIPT);
    }

    @Test
    void theOverlayComesBeforeTheScriptWithEveryTextEscaped() {
        List<Problem> problems = List.of(
                new Problem("content/a.md", 4, 7, Severity.ERROR, "未知的键“<img src=x>” & 'x'"),
                new Problem("content/b.md", 0, 0, Severity.WARNING, "警告"));
        String page = decorate("<body></body>", Overlay.html(problems, true));
        assertThat(page).contains("content/a.md:4:7: 错误: 未知的键“&lt;img src=x&gt;” &amp; &#39;x&#39;")
                .contains("content/b.md:1:1: 警告: 警告")
                .contains("预览构建失败：1 个错误，1 个警告")
                .doesNotContain("<img");
        assertThat(page.indexOf("rongguang-overlay")).isLessThan(page.indexOf("live.js"));
        assertThat(Overlay.json("v2", false, problems, true))
                .startsWith("{\"version\":\"v2\",\"ok\":false,")
                .contains("\"text\":\"content/a.md:4:7: 错误: 未知的键“<img src=x>” & 'x'\"")
                .doesNotContain("\n");
    }

    @Test
    void entityTagsComeFromContentAndMatchLikeIfNoneMatchSays() {
        String tag = ETags.of("a".getBytes(StandardCharsets.UTF_8));
        assertThat(tag).matches("\"[0-9a-f]{32}\"").isEqualTo(ETags.of("a".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(ETags.of("b".getBytes(StandardCharsets.UTF_8)));
        assertThat(ETags.matches(tag, tag)).isTrue();
        assertThat(ETags.matches("\"x\", " + tag, tag)).isTrue();
        assertThat(ETags.matches("W/" + tag, tag)).isTrue();
        assertThat(ETags.matches("*", tag)).isTrue();
        assertThat(ETags.matches("\"x\"", tag)).isFalse();
        assertThat(ETags.matches(null, tag)).isFalse();
    }
}
