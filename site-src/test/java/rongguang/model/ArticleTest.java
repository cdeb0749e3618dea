package rongguang.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an article says (its text) against where it shows (everything else), for incremental builds. */
class ArticleTest {
    private static final ZonedDateTime DATE = ZonedDateTime.parse("2026-11-01T08:00:00+08:00[Asia/Shanghai]");

    private static Article article(String title, List<Term> tags, String summary, String body, ZonedDateTime date) {
        return new Article("slug", title, null, null, List.of("编辑部"), null, new Term("双拥动态", "shuangyong-dongtai"),
                tags, List.of("anyang"), List.of(), summary, null, date, null, null, false, () -> body,
                "content/articles/a.md", String.valueOf((title + summary + body + date).hashCode()));
    }

    @Test
    void aNewBodyOrSummaryIsADifferenceInTextOnly() {
        Article before = article("标题", List.of(new Term("优待证", "youdaizheng")), "摘要", "正文", DATE);

        assertThat(before.differsOnlyInText(article("标题", List.of(new Term("优待证", "youdaizheng")), "新的摘要",
                "新的正文", DATE))).isTrue();
    }

    @Test
    void aNewTitleTagOrDateIsNot() {
        List<Term> tags = List.of(new Term("优待证", "youdaizheng"));
        Article before = article("标题", tags, "摘要", "正文", DATE);

        assertThat(before.differsOnlyInText(article("新标题", tags, "摘要", "正文", DATE))).isFalse();
        assertThat(before.differsOnlyInText(article("标题", List.of(), "摘要", "正文", DATE))).isFalse();
        assertThat(before.differsOnlyInText(article("标题", tags, "摘要", "正文", DATE.plusDays(1)))).isFalse();
    }
}
