package rongguang.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummariesTest {
    private static final String FILLER = "军民团结如一人试看天下谁能敌双拥共建鱼水情深";

    /** A sentence of exactly {@code length} code points, ending with {@code end}. */
    private static String sentence(int length, String end) {
        StringBuilder sb = new StringBuilder();
        int body = length - end.codePointCount(0, end.length());
        for (int i = 0; i < body; i++) sb.append(FILLER.charAt(i % FILLER.length()));
        return sb + end;
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    @Test
    void shortTextIsReturnedWhole() {
        assertThat(Summaries.of("双拥工作成效显著。")).isEqualTo("双拥工作成效显著。");
        assertThat(Summaries.of("没有句号的短文本")).isEqualTo("没有句号的短文本");
    }

    @Test
    void textOfExactlyTheTargetIsReturnedWhole() {
        String text = "字".repeat(Summaries.TARGET);
        assertThat(Summaries.of(text)).isEqualTo(text);
    }

    @Test
    void longTextIsCutAtASentenceEnd() {
        String text = sentence(30, "。") + sentence(30, "！") + sentence(30, "？") + sentence(30, "。")
                + sentence(30, "。") + sentence(30, "。") + sentence(30, "。") + sentence(30, "。");
        String summary = Summaries.of(text);

        assertThat(text).startsWith(summary);
        assertThat(summary).matches("(?s).*[。！？]”?");
        assertThat(length(summary)).isBetween(60, 180);
        // the sentence end nearest to 120 characters is the end of the fourth sentence
        assertThat(summary).isEqualTo(text.substring(0, text.offsetByCodePoints(0, 120)));
    }

    @Test
    void sentenceEndNearestToTheTargetIsChosen() {
        // sentence ends at 70, 105, 140 and 175: 105 is nearest to 120
        String text = sentence(70, "。") + sentence(35, "？") + sentence(35, "。") + sentence(35, "。")
                + sentence(60, "。");
        String summary = Summaries.of(text);
        assertThat(length(summary)).isEqualTo(105);
        assertThat(summary).endsWith("？");
    }

    @Test
    void closingQuoteAfterTheSentenceEndIsKept() {
        // 50 + 68 = 118 code points with the closing quote, then 40 more
        String quoted = "他说：“" + sentence(64, "！”");
        String text = sentence(50, "。") + quoted + sentence(40, "。") + sentence(40, "。");
        String summary = Summaries.of(text);

        assertThat(summary).endsWith("！”");
        assertThat(length(summary)).isEqualTo(118);
        assertThat(text).startsWith(summary);
    }

    @Test
    void textWithoutSentenceEndIsCutWithAnEllipsis() {
        String text = "字".repeat(300);
        String summary = Summaries.of(text);
        assertThat(summary).isEqualTo("字".repeat(120) + "……");
    }

    @Test
    void sentenceEndBeyondOneHundredEightyDoesNotCount() {
        String text = sentence(190, "。") + sentence(20, "。");
        String summary = Summaries.of(text);

        assertThat(summary).endsWith("……");
        assertThat(summary).isEqualTo(text.substring(0, text.offsetByCodePoints(0, 120)) + "……");
    }

    @Test
    void ellipsisCutCountsCodePointsNotChars() {
        String text = "𠀀".repeat(200);
        String summary = Summaries.of(text);
        assertThat(summary).isEqualTo("𠀀".repeat(120) + "……");
        assertThat(length(summary)).isEqualTo(122);
    }

    @Test
    void whitespaceIsCollapsed() {
        assertThat(Summaries.of("  双拥\n\n工作\t 成效  显著。 ")).isEqualTo("双拥 工作 成效 显著。");
    }

    @Test
    void whitespaceIsCollapsedInLongTextsToo() {
        String text = (sentence(30, "。") + "\n\n  ").repeat(8);
        String summary = Summaries.of(text);
        assertThat(summary).doesNotContain("\n").doesNotContain("  ").endsWith("。");
        assertThat(length(summary)).isBetween(60, 180);
    }

    @Test
    void customTarget() {
        String text = sentence(10, "。").repeat(10);
        assertThat(Summaries.of(text, 30)).isEqualTo(sentence(10, "。").repeat(3));
    }
}
