package rongguang.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

    @Test
    void polyphonesAreReadInContext() {
        assertThat(Slugs.of("重庆")).isEqualTo("chongqing");
        assertThat(Slugs.of("银行")).isEqualTo("yinhang");
    }

    @Test
    void cityNameContainsItsPinyin() {
        assertThat(Slugs.of("长沙市")).contains("changsha").matches(Slugs.PATTERN);
    }

    @Test
    void wordsAreSeparatedByHyphens() {
        assertThat(Slugs.of("双拥动态")).isEqualTo("shuangyong-dongtai");
    }

    @Test
    void latinLettersAndDigitsAreKept() {
        String slug = Slugs.of("2023年双拥工作");
        assertThat(slug).startsWith("2023-").contains("shuangyong").matches(Slugs.PATTERN);
        assertThat(Slugs.of("Hello World 你好")).isEqualTo("hello-world-nihao");
    }

    @Test
    void upperCaseLatinIsLowerCased() {
        assertThat(Slugs.of("COVID Report")).isEqualTo("covid-report");
    }

    @Test
    void fullWidthLettersAndDigitsAreNormalised() {
        String slug = Slugs.of("ＡＢＣ１２３");
        assertThat(slug).isEqualTo(Slugs.of("ABC123")).contains("abc").contains("123").matches(Slugs.PATTERN);
        assertThat(slug.chars()).allMatch(c -> c < 128);
        assertThat(Slugs.of("ａｂｃ")).isEqualTo("abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"。，！？——", "!!!", "   ", "……《》", "“”", "---", "___", ""})
    void punctuationOnlyGivesEmptySlug(String text) {
        assertThat(Slugs.of(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "重庆市双拥工作会议召开", "“最美退役军人”田俊岭", "女兵风采", "绿色军营 吕梁英雄", "第7届 全国双拥模范城",
            "COVID-19 防控", "A股 上市", "军民鱼水情——深", "😀 表情 😀", "a\tb\nc", "Ⅻ 罗马", "①②③",
            "  前后空格  ", "a--b", "1-2-3", "长沙市双拥工作领导小组办公室关于表彰2023年度拥军优属先进个人的决定（第二批）",
            "邯郸市拥军联盟：书民大药房为退役军人提供8.5折优惠"})
    void resultAlwaysMatchesThePattern(String title) {
        String slug = Slugs.of(title);
        assertThat(slug).isNotEmpty().matches(Slugs.PATTERN).hasSizeLessThanOrEqualTo(80);
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @Test
    void longLatinTitleIsCutAtAHyphen() {
        String title = IntStream.rangeClosed(1, 30).mapToObj(i -> "word" + (char) ('a' + i % 26))
                .collect(Collectors.joining(" "));
        // the full slug would be "wordb-wordc-…" (30 words of 5 letters: 179 characters)
        String slug = Slugs.of(title);
        // words of 5 letters plus a hyphen: 13 words take 77 characters, a 14th would need 83
        String expected = IntStream.rangeClosed(1, 13).mapToObj(i -> "word" + (char) ('a' + i % 26))
                .collect(Collectors.joining("-"));
        assertThat(slug).isEqualTo(expected).hasSize(77);
    }

    @Test
    void slugOfExactlyEightyCharactersIsKept() {
        // 16 words of 4 letters: 16 * 4 + 15 = 79; one 5-letter word makes 80
        String title = "abcde " + "wxyz ".repeat(15);
        String slug = Slugs.of(title);
        assertThat(slug).hasSize(80).startsWith("abcde-wxyz").endsWith("-wxyz");
    }

    @Test
    void hyphenExactlyAtTheLimitIsACleanCut() {
        // "abcdefghij" + 7 × "-abcdefghi" = 80 characters; the 81st character is a hyphen
        String title = "abcdefghij" + " abcdefghi".repeat(7) + " more words";
        String slug = Slugs.of(title);
        assertThat(slug).hasSize(80).isEqualTo("abcdefghij" + "-abcdefghi".repeat(7));
    }

    @Test
    void singleWordLongerThanTheLimitIsCutAtEighty() {
        String slug = Slugs.of("a".repeat(100));
        assertThat(slug).isEqualTo("a".repeat(80));
    }

    @Test
    void longChineseTitleIsCutToWholeWords() {
        String title = "中华人民共和国退役军人事务部关于进一步加强双拥工作的若干意见实施细则与全国双拥模范城创建工作要求和长沙市具体落实办法";
        String slug = Slugs.of(title);
        assertThat(slug).matches(Slugs.PATTERN).hasSizeLessThanOrEqualTo(80).hasSizeGreaterThan(40);
        // cut at a hyphen: the slug of the title is a whole-word prefix, so slugs of longer titles start with it
        assertThat(Slugs.of(title + "。补充说明")).startsWith(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "z9", "changsha", "tian-junling", "2023-nian", "a-b-c", "1", "0-0"})
    void validSlugs(String s) {
        assertThat(Slugs.isValid(s)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-a", "a-", "a--b", "A", "Changsha", "a_b", "a b", "长沙", "a.b", " a", "a\n", "é",
            "tian-junLing", "-"})
    void invalidSlugs(String s) {
        assertThat(Slugs.isValid(s)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void accentedLatinLettersKeepTheirBaseLetter() {
        org.assertj.core.api.Assertions.assertThat(Slugs.of("café crème")).isEqualTo("cafe-creme");
    }
}
