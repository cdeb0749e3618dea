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
            public void key(char[] text, int from, int to, int position) {
                keys.add(new String(text, from, to - from) + "@" + position);
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
    void charactersOutsideTheBasicPlaneMakeBigramsToo() {
        assertThat(keys("𠀀字𠀁，ＡＢ")).containsExactly("𠀀字@0", "字𠀁@1", "ab@4");
    }

    /** A document's keys with their positions, in the order of the keys. */
    private static java.util.SortedMap<String, String> documentKeys(String title, String text) {
        java.util.SortedMap<String, String> keys = new java.util.TreeMap<>();
        Postings.DocKeys doc = Postings.DocKeys.of(title, text, 2);
        doc.forEach((key, inTitle, from, to) ->
                keys.put(key, (inTitle ? "title " : "") + java.util.Arrays.toString(java.util.Arrays.copyOfRange(doc.blocks, from, to))));
        return keys;
    }

    @Test
    void aDocumentsWordsAreItsOwnThoughTheThreadKeepsTheirStringsFromDocumentToDocument() {
        assertThat(documentKeys("Excel 表格", "excel 2024 excel")).containsExactly(
                // gaps as varints, the first from -1, then 0; the body's positions start at 1024
                java.util.Map.entry("2024", "[-121, 8, 0]"),              // at 1030
                java.util.Map.entry("excel", "title [1, -128, 8, 11, 0]"), // at 0 (the title), 1024 and 1035
                java.util.Map.entry("表格", "title [7, 0]"));              // at 6
        // more words than the thread keeps (it starts over past 65,536): each document still has only its own
        for (int i = 0; i < 70_000; i++) {
            java.util.SortedMap<String, String> keys = documentKeys("", "w" + i + " excel w" + i);
            if (!keys.keySet().equals(java.util.Set.of("excel", "w" + i))) {
                throw new AssertionError("document " + i + ": " + keys);
            }
        }
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

    @Test
    void plainTextDecodesUtf8AsItGoesAndMarksBytesThatAreNot() {
        byte[] utf8 = {'<', 'p', '>', 'a', (byte) 0xe4, 'b', (byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80,
                (byte) 0xc3, (byte) 0xa9, (byte) 0xe4, (byte) 0xb8, (byte) 0xad, (byte) 0xed, (byte) 0xa0, (byte) 0x80,
                '<', '/', 'p', '>', (byte) 0xe6, (byte) 0x96};
        char[] out = new char[utf8.length];
        // a lone lead byte, 😀 (four bytes), é (two), 中 (three), an encoded surrogate, a sequence cut short
        int end = PlainText.append(java.nio.ByteBuffer.wrap(utf8, 3, utf8.length - 3).slice(), out, 0);
        assertThat(new String(out, 0, end)).isEqualTo("a\ufffdb😀é中\ufffd\n\ufffd\ufffd");
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
