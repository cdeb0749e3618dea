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
        assertThat(PlainText.of(html.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(expected);
        // the thread's buffer grows for a long body and is reused for a short one
        String longHtml = "<p>" + "长".repeat(40_000) + "</p>";
        assertThat(PlainText.of(longHtml.getBytes(java.nio.charset.StandardCharsets.UTF_8))).hasSize(40_000);
        assertThat(PlainText.of("<p>短</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("短");
    }
}
