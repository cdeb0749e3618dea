package rongguang.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rongguang.load.Tree;

/** The Chinese text lint on Markdown and on string values: what it reports, where, and what it leaves alone. */
class TextLintTest {
    private static final CheckConfig CONFIG = new CheckConfig(CheckConfig.defaults().severities(), 30,
            CheckConfig.DEFAULT_MARKERS, List.of(new CheckConfig.Wording("事务局", "退役军人事务局", null),
            new CheckConfig.Wording("A总书记", null, "不得以字母代替姓名")));

    /** Findings of a Markdown text, as {@code line:column rule “text”}. */
    static List<String> markdown(String md) {
        Findings findings = new Findings(CONFIG);
        new TextLint(findings, CONFIG).markdown(new SourceDocument("a.md", md).verbatim(0, md.length()));
        return findings.sorted().stream().map(TextLintTest::brief).toList();
    }

    static List<String> plain(String text) {
        Findings findings = new Findings(CONFIG);
        new TextLint(findings, CONFIG).plain(new SourceDocument("a.txt", text).verbatim(0, text.length()));
        return findings.sorted().stream().map(TextLintTest::brief).toList();
    }

    private static String brief(Finding f) {
        return f.line() + ":" + f.column() + " " + f.rule().id() + " “" + f.text() + "”";
    }

    @Test
    void goodChineseTextAndMarkdownSyntaxAreLeftAlone() {
        String md = """
                # 标题：长沙的双拥工作

                2023年，长沙市投入1000余万元，建成Rongguang系统和 Java 17 平台，版本 v2.0 于上午9:30发布；比分 3:2。
                下午3:00，“拥军优属、拥政爱民”活动在《湖南日报》（第2版）报道。

                - 列表一：现役军人
                - 列表二（含烈属）
                  继续写在同一项里。

                1. 有序列表第一项
                2. 第二项

                > 引用：“双拥”是拥军优属、拥政爱民的简称。

                | 项目 | 数量 |
                |---|---|
                | 服务站 | 1805个 |
                | 志愿服务队 | 800余支 |

                **强调**和*斜体*以及~~删除~~。见[《双拥之花》](/articles/x/?a=1,b=2)和<https://example.gov.cn/a,b:c>，
                或访问 https://example.gov.cn/x?y=1 与 www.example.gov.cn。

                `code, 中文:代码 政 务` 和

                ```
                代码块, 中文:不检查 政 务 ##paidbegin##
                ```

                    缩进代码, 中文:不检查

                <p title="属性, 中文:不检查" data-x="政 务">HTML 段落，记者 李明 通讯员 张华</p>

                ![照片说明](/media/a.jpg "标题, 中文:不检查")

                脚注[^1]。Hello, world! 这是 English 混排，Windows 与 Linux 都可用（括号里是 Windows (NT)）。

                服务站 让老兵少跑腿

                二〇二三年

                [^1]: 注释内容。

                [ref]: /articles/y/ "链接定义, 中文:不检查"
                """;
        assertThat(markdown(md)).isEmpty();
    }

    @Test
    void halfWidthPunctuationAfterChinese() {
        assertThat(markdown("第一句,第二句;第三句:第四句?第五句!\n\n增长10%,达到(预期)目标。\n"))
                .containsExactly("1:4 punctuation “,”", "1:8 punctuation “;”", "1:12 punctuation “:”",
                        "1:16 punctuation “?”", "1:20 punctuation “!”", "3:6 punctuation “,”",
                        "3:9 punctuation “(”", "3:12 punctuation “)”");
    }

    @Test
    void spacesInsideChineseText() {
        assertThat(markdown("实现政 务 服 务一体化。\n\n（记者 李 明 通讯员 张　华）老兵王 建 国说 。\n"))
                .containsExactly("1:3 spaces “政 务 服 务”", "3:5 spaces “李 明”", "3:13 spaces “张　华”",
                        "3:19 spaces “王 建 国”", "3:24 spaces “说 。”");
        // a lone character between two words: which space is the byline's own cannot be told, both are quoted
        assertThat(markdown("通讯员 张　华报道\n")).containsExactly("1:3 spaces “员 张　华”");
    }

    @Test
    void pairsMustOpenAndClose() {
        assertThat(markdown("他说：“好。\n\n见《条例》》和（一）】。\n\n“引号里有《书名”。\n"))
                .containsExactly("1:4 pairs ““”", "3:6 pairs “》”", "3:11 pairs “】”", "5:6 pairs “《”");
    }

    @Test
    void aPairMaySpanEmphasisAndLinks() {
        assertThat(markdown("见《[双拥之花](/a/)》和“**强调**”。\n")).isEmpty();
    }

    @Test
    void sentencesBrokenByLineBreaks() {
        assertThat(markdown("老兵在家门口就能办\n理优待证。\n这一行以句号结束。\n下一行照常，\n逗号后换行也不算。\n"))
                .containsExactly("1:10 line-break “家门口就能办↵理优待证。”");
        assertThat(markdown("诗句一行  \n诗句二行\n")).as("a break the writer asked for").isEmpty();
    }

    @Test
    void repeatedPunctuationMarkersAndWordings() {
        assertThat(markdown("到了。。然后，，再说##paidbegin##。\n\n向A总书记汇报；市事务局和市退役军人事务局。\n"))
                .containsExactlyInAnyOrder("1:3 repeated-punctuation “。。”", "1:7 repeated-punctuation “，，”",
                        "1:11 marker “##paidbegin##”", "3:2 wording “A总书记”", "3:10 wording “事务局”");
    }

    @Test
    void imagesWithoutDescription() {
        assertThat(markdown("图一：![](/media/a.jpg)\n\n<img src=\"/media/b.jpg\">和<img src=\"/media/c.jpg\" alt=\" \">\n\n"
                + "![有说明](/media/d.jpg)<img src=\"/media/e.jpg\" alt=\"也有说明\">\n"))
                .containsExactly("1:4 image-alt “![](/media/a.jpg)”", "3:1 image-alt “<img src=\"/media/b.jpg\">”",
                        "3:26 image-alt “<img src=\"/media/c.jpg\" alt=\" \">”");
    }

    @Test
    void escapesAndEntitiesKeepPlaces() {
        assertThat(markdown("\\*注意\\*&amp;说明,其余。\n")).containsExactly("1:14 punctuation “,”");
    }

    @ParameterizedTest
    @ValueSource(strings = {"李 明", "张　华"})
    void namesInPlainValues(String name) {
        assertThat(plain(name)).containsExactly("1:1 spaces “" + name + "”");
    }

    @Test
    void plainValuesAreNotMarkdown() {
        assertThat(plain("# 不是标题,但有逗号")).containsExactly("1:7 punctuation “,”");
    }

    /** JSON strings with escapes, and YAML scalars of every style, are placed at the very character in the file. */
    @Test
    void valuesArePlacedThroughEscapesQuotesAndFolding() {
        String json = "{\"a\": \"他说\\\"好\\\"\\n\\u653F 务,好\"}";
        assertThat(valueFindings(json, 0, 7, "他说\"好\"\n政 务,好")).containsExactly("1:17 spaces “政 务”",
                "1:25 punctuation “,”");
        String yaml = "title: '老兵''之家，政 务'\nsummary: >\n  说明 ABC\n  政 务,二\n";
        assertThat(valueFindings(yaml, 0, 8, "老兵'之家，政 务")).containsExactly("1:16 spaces “政 务”");
        assertThat(valueFindings(yaml, 1, 10, "说明 ABC 政 务,二\n")).containsExactly("4:3 spaces “政 务”",
                "4:6 punctuation “,”");
    }

    private static List<String> valueFindings(String file, int line, int column, String value) {
        Findings findings = new Findings(CONFIG);
        SourceDocument doc = new SourceDocument("v", file);
        new TextLint(findings, CONFIG).plain(doc.value(value, new Tree.Position(line + 1, column)));
        return findings.sorted().stream().map(TextLintTest::brief).toList();
    }
}
