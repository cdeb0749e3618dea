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
        assertThat(new Digests().ofVariables(new HashMap<>(Map.of("root", "../", "title", "标题"))).digest())
                .isEqualTo(new Digests().ofVariables(new LinkedHashMap<>(Map.of("title", "标题", "root", "../"))).digest());
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

    private static rongguang.model.Article article(String file, String body) {
        java.time.ZonedDateTime date = java.time.ZonedDateTime.parse("2026-11-01T08:00:00+08:00[Asia/Shanghai]");
        return new rongguang.model.Article("a", "标题", null, null, List.of(), null, null, List.of(), List.of(),
                List.of(), "摘要", null, date, null, null, false, () -> body, file, file + ":" + body.hashCode());
    }

    @Test
    void aDigestNamesTheArticlesItTookInAlsoThroughAMemoizedList() {
        Digests digests = new Digests();
        rongguang.model.Article one = article("content/articles/one.md", "正文一");
        rongguang.model.Article two = article("content/articles/two.md", "正文二");
        List<rongguang.model.Article> shared = List.of(one, two);
        Digests.Digested first = digests.ofVariables(new HashMap<>(Map.of("list", shared, "title", "第一页")));
        // the second page meets the list in the memo, and still names its articles
        Digests.Digested second = digests.ofVariables(new HashMap<>(Map.of("items", List.of(shared), "article", one)));
        Digests.Digested none = digests.ofVariables(new HashMap<>(Map.of("title", "没有文章")));

        assertThat(first.articles()).containsExactlyInAnyOrder("content/articles/one.md", "content/articles/two.md");
        assertThat(second.articles()).containsExactlyInAnyOrder("content/articles/one.md", "content/articles/two.md");
        assertThat(none.articles()).isEmpty();
    }
}
