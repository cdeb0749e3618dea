package rongguang.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {
    /** The front matter keys of an article, as listed in the site format. */
    private static final Set<String> ARTICLE_KEYS = Set.of("title", "date", "kicker", "subtitle", "authors",
            "source", "column", "tags", "cities", "exemplars", "summary", "cover", "slug", "draft", "publishDate",
            "expiryDate");

    @Test
    void citysSuggestsCities() {
        assertThat(Suggestions.nearest("citys", ARTICLE_KEYS)).contains("cities");
    }

    @Test
    void titelSuggestsTitle() {
        assertThat(Suggestions.nearest("titel", ARTICLE_KEYS)).contains("title");
    }

    @Test
    void nothingForAWordFarFromEveryKey() {
        assertThat(Suggestions.nearest("zzzzzz", ARTICLE_KEYS)).isEmpty();
    }

    @Test
    void caseIsIgnored() {
        assertThat(Suggestions.nearest("TITEL", ARTICLE_KEYS)).contains("title");
        assertThat(Suggestions.nearest("publishdate", ARTICLE_KEYS)).contains("publishDate");
    }

    @Test
    void nearestWinsOverFarther() {
        assertThat(Suggestions.nearest("tag", ARTICLE_KEYS)).contains("tags");
        assertThat(Suggestions.nearest("exemplar", ARTICLE_KEYS)).contains("exemplars");
    }

    @Test
    void tieIsBrokenAlphabetically() {
        assertThat(Suggestions.nearest("bat", List.of("cat", "bar", "hat"))).contains("bar");
    }

    @Test
    void nothingFromAnEmptyCollection() {
        assertThat(Suggestions.nearest("title", List.of())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "kitten, sitting, 3", "ab, ba, 1", "'', abc, 3", "abc, '', 3", "same, same, 0", "citys, cities, 2",
            "titel, title, 1", "flaw, lawn, 2"})
    void distance(String a, String b, int expected) {
        assertThat(Suggestions.distance(a, b)).isEqualTo(expected);
        assertThat(Suggestions.distance(b, a)).isEqualTo(expected);
    }
}
