package rongguang.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keys the index is made of; search.js makes the same (the browser tests prove it on the sample site). */
class SearchTokenizerTest {

    private static List<String> keys(String text) {
        List<String> keys = new ArrayList<>();
        Tokenizer.keys(Tokenizer.normalize(text), 0, new Tokenizer.Sink() {
            @Override
            public void bigram(int key, int position) {
                keys.add(Tokenizer.bigram(key) + "@" + position);
            }

            @Override
            public void key(String key, int position) {
                keys.add(key + "@" + position);
            }
        });
        return keys;
    }

    @Test
    void chineseBecomesOverlappingBigramsWithPositionsAndOtherTextWords() {
        assertThat(keys("退役军人ＡＰＰ，２０２４年"))
                .containsExactly("退役@0", "役军@1", "军人@2", "app@4", "2024@8");
    }

    @Test
    void fullWidthAndHalfWidthAndCaseAreOne() {
        assertThat(Tokenizer.normalize("ＡＢＣ１２３ abc")).isEqualTo("abc123 abc");
        assertThat(keys("Ｗｉ－Ｆｉ 5G")).containsExactly("wi@0", "fi@3", "5g@6");
    }

    @Test
    void aLoneCharacterAndPunctuationMakeNoKey() {
        assertThat(keys("在 “长” 。")).isEmpty();
        assertThat(keys("长沙。株洲")).containsExactly("长沙@0", "株洲@3");
    }

    @Test
    void wordsShardByTheirFirstTwoLettersSoAPrefixFindsThemAll() {
        assertThat(Tokenizer.shardKey("excel")).isEqualTo("ex");
        assertThat(Tokenizer.shardKey("x")).isEqualTo("x");
        assertThat(Tokenizer.shardKey("双拥")).isEqualTo("双拥");
    }

    @Test
    void plainTextOfSanitizedHtml() {
        assertThat(PlainText.of("<h2>标题</h2><p>第一段&amp;<strong>强调</strong>&#x4e2d;</p><ul><li>一</li><li>二</li></ul>"))
                .isEqualTo("标题\n第一段&强调中\n一\n二");
    }

    @Test
    void plainTextOfUtf8BytesIsThePlainTextOfTheString() {
        String html = "<P>第一行<BR>第二行</P><table><tr><td>单元格</td><th>表头</th></tr></table>"
                + "<p>𠀀字 &lt;tag&gt; A&B 未闭合&amp 与&nbsp;空格</p>\n<pre>代码\tline</pre><blockquote>引用</blockquote>";
        String expected = "第一行\n第二行\n单元格\n表头\n𠀀字 <tag> A&B 未闭合&amp 与 空格\n代码 line\n引用";
        assertThat(PlainText.of(html)).isEqualTo(expected);
        assertThat(appended("", html)).isEqualTo(expected);
        // after other text, which it neither reads nor changes: a break or space at its start is not written
        assertThat(appended("前一行 ", "\n <br><p> 正文 </p>\t")).isEqualTo("正文");
        assertThat(appended("前一行\n", html)).isEqualTo(expected);
        assertThat(appended("前一行", "<p> </p>")).isEmpty();
        // the thread's buffer grows for a long body and is reused for a short one
        assertThat(appended("", "<p>" + "长".repeat(40_000) + "</p>")).hasSize(40_000);
        assertThat(appended("", "<p>短</p>")).isEqualTo("短");
    }

    /** The text {@link PlainText#append} writes after {@code before}, which it must leave as it was. */
    private static String appended(String before, String html) {
        byte[] utf8 = html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        char[] out = new char[before.length() + utf8.length];
        before.getChars(0, before.length(), out, 0);
        int end = PlainText.append(java.nio.ByteBuffer.wrap(utf8), out, before.length());
        assertThat(new String(out, 0, before.length())).isEqualTo(before);
        return new String(out, before.length(), end - before.length());
    }
}
