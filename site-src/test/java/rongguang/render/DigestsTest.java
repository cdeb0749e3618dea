package rongguang.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Equal values, equal digests; any difference a page could show, a different digest. */
class DigestsTest {
    private static byte[] digest(Object value) {
        return new Digests().of(value);
    }

    private static Map<Object, Object> ordered(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put(keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }

    @Test
    void aMapsDigestDoesNotDependOnItsOrder() {
        assertThat(digest(ordered("b", 2, "a", List.of("x")))).isEqualTo(digest(ordered("a", List.of("x"), "b", 2)));
        assertThat(new Digests().ofVariables(new HashMap<>(Map.of("root", "../", "title", "标题"))))
                .isEqualTo(new Digests().ofVariables(new LinkedHashMap<>(Map.of("title", "标题", "root", "../"))));
    }

    @Test
    void aMapsDigestChangesWithAKeyOrAValue() {
        byte[] base = digest(ordered("a", 1, "b", 2));
        assertThat(digest(ordered("a", 1, "b", 3))).isNotEqualTo(base);
        assertThat(digest(ordered("a", 1, "c", 2))).isNotEqualTo(base);
        assertThat(digest(ordered("a", 1))).isNotEqualTo(base);
        // a key and its value must not trade places unnoticed
        assertThat(digest(ordered("a", "b"))).isNotEqualTo(digest(ordered("b", "a")));
    }

    @Test
    void keysOfDifferentTypesWithTheSameNameAreBothCountedWhateverTheOrder() {
        byte[] both = digest(ordered(1, "一", "1", "壹"));
        assertThat(digest(ordered("1", "壹", 1, "一"))).isEqualTo(both);
        assertThat(digest(ordered(1, "一"))).isNotEqualTo(both);
        assertThat(digest(ordered(1, "壹", "1", "一"))).isNotEqualTo(both);
    }

    private static rongguang.model.Article article(String title, String summary, String body) {
        java.time.ZonedDateTime date = java.time.ZonedDateTime.parse("2026-11-01T08:00:00+08:00[Asia/Shanghai]");
        return new rongguang.model.Article("a", title, null, null, List.of(), null, null, List.of(), List.of(),
                List.of(), summary, null, date, null, null, false, () -> body, "content/articles/a.md",
                title + summary + body);
    }

    @Test
    void anArticleIsDigestedByWhereItShowsNotByWhatItSays() {
        byte[] base = digest(List.of(article("标题", "摘要", "正文")));
        // its text is added to a page's fingerprint only where the page reads it (TextReads)
        assertThat(digest(List.of(article("标题", "另一个摘要", "另一段正文")))).isEqualTo(base);
        assertThat(digest(List.of(article("新标题", "摘要", "正文")))).isNotEqualTo(base);
    }

    @Test
    void wholeArticlesStandForAllOfTheirSource() {
        byte[] base = Digests.wholeArticles().of(List.of(article("标题", "摘要", "正文")));
        assertThat(Digests.wholeArticles().of(List.of(article("标题", "摘要", "另一段正文")))).isNotEqualTo(base);
        assertThat(Digests.wholeArticles().of(List.of(article("标题", "摘要", "正文")))).isEqualTo(base);
    }
}
