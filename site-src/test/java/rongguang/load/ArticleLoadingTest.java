package rongguang.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rongguang.model.Article;
import rongguang.model.SiteInput;
import rongguang.model.Term;
import rongguang.problems.Located;
import rongguang.problems.Problem;
import rongguang.problems.Severity;
import rongguang.text.Slugs;
import rongguang.text.Summaries;

class ArticleLoadingTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    TempSite site;

    @BeforeEach
    void setUp() {
        site = new TempSite(dir);
    }

    // ---- helpers

    private String article(String name, String text) {
        return site.write("content/articles/" + name, text);
    }

    private String simple(String name, String extraFrontMatter, String body) {
        return article(name, "---\ntitle: 测试文章\ndate: 2023-11-08\n" + extraFrontMatter + "---\n" + body);
    }

    private List<Article> articles() {
        return site.load().articles().stream().map(Located::value).toList();
    }

    private Article only() {
        List<Article> all = articles();
        assertThat(site.errors()).as("errors").isEmpty();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private Article bySlug(List<Article> all, String slug) {
        return all.stream().filter(a -> a.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new AssertionError("no article " + slug + " in " + all));
    }

    private Document body(Article a) {
        return Jsoup.parseBodyFragment(a.bodyHtml());
    }

    private Problem onlyProblem(String rel) {
        List<Problem> list = site.problemsOf(rel);
        assertThat(list).as("problems of " + rel).hasSize(1);
        return list.get(0);
    }

    private static void assertPlace(Problem p, Severity severity, int line, int column) {
        assertThat(p.severity()).as("severity of " + p).isEqualTo(severity);
        assertThat(p.line()).as("line of " + p).isEqualTo(line);
        assertThat(p.column()).as("column of " + p).isEqualTo(column);
    }

    // ---- front matter

    @Test
    void frontMatterFieldsAreRead() {
        simple("visit.md", """
                kicker: 情系子弟兵
                subtitle: 市领导走访慰问驻长部队
                authors:
                  - 张三
                  - 李四
                source: 长沙晚报
                column: 双拥动态
                tags: [拥军优属, 军民共建]
                cities: [changsha, zhuzhou]
                exemplars:
                  - tian-junling
                draft: true
                """, "正文第一段。\n");
        Article a = only();

        assertThat(a.title()).isEqualTo("测试文章");
        assertThat(a.date()).isEqualTo(LocalDateTime.of(2023, 11, 8, 0, 0).atZone(SHANGHAI));
        assertThat(a.isoDate()).isEqualTo("2023-11-08");
        assertThat(a.kicker()).isEqualTo("情系子弟兵");
        assertThat(a.subtitle()).isEqualTo("市领导走访慰问驻长部队");
        assertThat(a.authors()).containsExactly("张三", "李四");
        assertThat(a.source()).isEqualTo("长沙晚报");
        assertThat(a.column()).isEqualTo(new Term("双拥动态", Slugs.of("双拥动态")));
        assertThat(a.column().slug()).isEqualTo("shuangyong-dongtai");
        assertThat(a.tags()).containsExactly(new Term("拥军优属", Slugs.of("拥军优属")),
                new Term("军民共建", Slugs.of("军民共建")));
        assertThat(a.tags()).allSatisfy(t -> assertThat(t.slug()).matches(Slugs.PATTERN));
        assertThat(a.cities()).containsExactly("changsha", "zhuzhou");
        assertThat(a.exemplars()).containsExactly("tian-junling");
        assertThat(a.draft()).isTrue();
        assertThat(a.file()).isEqualTo("content/articles/visit.md");
        assertThat(site.problems.sorted()).isEmpty();
    }

    @Test
    void optionalFieldsAreAbsentWhenNotGiven() {
        simple("plain.md", "", "正文。\n");
        Article a = only();
        assertThat(a.kicker()).isNull();
        assertThat(a.column()).isNull();
        assertThat(a.tags()).isEmpty();
        assertThat(a.authors()).isEmpty();
        assertThat(a.cities()).isEmpty();
        assertThat(a.draft()).isFalse();
    }

    @Test
    void singleTagStringIsAListOfOneAndDuplicateTagsAreDropped() {
        simple("one.md", "tags: 双拥\n", "x\n");
        simple("two.md", "tags: [双拥, 双拥]\n", "x\n");
        List<Article> all = articles();
        assertThat(site.errors()).isEmpty();
        assertThat(bySlug(all, "one").tags()).containsExactly(new Term("双拥", Slugs.of("双拥")));
        assertThat(bySlug(all, "two").tags()).containsExactly(new Term("双拥", Slugs.of("双拥")));
    }

    @Test
    void dateTimeWithOffsetIsTheSameInstantInTheSiteZone() {
        article("utc.md", "---\ntitle: 零时区\ndate: 2023-11-08T02:30:00Z\n---\nx\n");
        article("beijing.md", "---\ntitle: 东八区\ndate: 2023-11-08T10:30:00+08:00\n---\nx\n");
        article("local.md", "---\ntitle: 无时区\ndate: 2023-11-08 10:30\n---\nx\n");
        List<Article> all = articles();
        assertThat(site.errors()).isEmpty();

        Instant expected = Instant.parse("2023-11-08T02:30:00Z");
        for (String slug : List.of("utc", "beijing", "local")) {
            Article a = bySlug(all, slug);
            assertThat(a.date().toInstant()).as(slug).isEqualTo(expected);
            assertThat(a.date().getZone()).as(slug).isEqualTo(SHANGHAI);
        }
        assertThat(bySlug(all, "utc").dateTime()).isEqualTo("2023-11-08T10:30:00+08:00");
    }

    // ---- Markdown

    @Test
    void gfmTableHasAlignmentClassesNotAlignAttributes() {
        simple("table.md", "", """
                | 左 | 中 | 右 | 无 |
                |:---|:---:|---:|---|
                | 1 | 2 | 3 | 4 |
                """);
        Article a = only();
        Document doc = body(a);

        assertThat(doc.select("table")).hasSize(1);
        assertThat(a.bodyHtml()).contains("<table").doesNotContain("align=");
        assertThat(doc.select("[align]")).isEmpty();
        List<Element> th = doc.select("th");
        assertThat(th).extracting(Element::text).containsExactly("左", "中", "右", "无");
        assertThat(th.get(0).hasClass("align-left")).isTrue();
        assertThat(th.get(1).hasClass("align-center")).isTrue();
        assertThat(th.get(2).hasClass("align-right")).isTrue();
        assertThat(th.get(3).className()).isEmpty();
        assertThat(doc.select("td").get(2).hasClass("align-right")).isTrue();
    }

    @Test
    void strikethroughBecomesDel() {
        simple("strike.md", "", "旧的~~删除线~~文字\n");
        Document doc = body(only());
        assertThat(doc.select("del")).extracting(Element::text).containsExactly("删除线");
    }

    @Test
    void bareUrlBecomesALink() {
        simple("autolink.md", "", "详见 https://www.mva.gov.cn/sy/index.html 网站\n");
        Document doc = body(only());
        Element link = doc.selectFirst("a[href]");
        assertThat(link).isNotNull();
        assertThat(link.attr("href")).isEqualTo("https://www.mva.gov.cn/sy/index.html");
        assertThat(link.text()).isEqualTo("https://www.mva.gov.cn/sy/index.html");
    }

    @Test
    void footnoteRendersReferenceAndSection() {
        simple("footnote.md", "", "双拥模范城[^1]评选每四年一次。\n\n[^1]: 全国双拥模范城（县）。\n");
        Document doc = body(only());

        Element ref = doc.selectFirst("sup.footnote-ref a");
        assertThat(ref).isNotNull();
        assertThat(ref.text()).isEqualTo("1");
        String target = ref.attr("href");
        assertThat(target).startsWith("#");

        Element section = doc.selectFirst("section.footnotes");
        assertThat(section).isNotNull();
        Element note = section.selectFirst("li" + target);
        assertThat(note).as("footnote item " + target).isNotNull();
        assertThat(note.text()).contains("全国双拥模范城（县）");
        // the note links back to the reference
        assertThat(note.select("a[href=#" + ref.id() + "]")).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "[x](javascript:alert(1))",
            "<iframe src=\"https://evil.example/\"></iframe>",
            "<p style=\"color:red\" onclick=\"alert(1)\">红</p>",
            "<style>body{display:none}</style>",
            "<svg onload=alert(1)></svg>",
            "<details open ontoggle=alert(1)><summary>s</summary></details>",
            "<a href=\"JaVaScRiPt:alert(1)\">y</a>",
            "段落中 <span style=\"font-size:40px\" onmouseover=\"alert(1)\">行内</span> 文字"})
    void dangerousHtmlNeverSurvives(String html) {
        simple("xss.md", "", "安全的文字。\n\n" + html + "\n\n结尾。\n");
        Article a = only();
        String out = a.bodyHtml().toLowerCase();

        assertThat(out).doesNotContain("<script", "alert(", "javascript:", "<iframe", "style=", "<style", "onerror",
                "onclick", "onload", "ontoggle", "onmouseover");
        assertThat(a.bodyHtml()).contains("安全的文字。").contains("结尾。");
    }

    @Test
    void harmlessHtmlAndTextAroundDangerousHtmlStay() {
        simple("mixed.md", "", "<p style=\"color:red\">红色文字</p>\n\n<a href=\"javascript:alert(1)\">链接文字</a>\n");
        Document doc = body(only());
        assertThat(doc.text()).contains("红色文字").contains("链接文字");
        assertThat(doc.select("a[href]")).isEmpty();
    }

    @Test
    void sitePathsBecomeRelativeToTheArticlePage() {
        simple("paths.md", "", """
                ![示意图](/media/a.svg)

                见[另一篇](/articles/x/)，或[外部](https://example.com/a)，或![相对](media/b.jpg)
                """);
        Document doc = body(only());

        List<Element> images = doc.select("img");
        assertThat(images).extracting(e -> e.attr("src")).containsExactly("../../media/a.svg", "../../media/b.jpg");
        assertThat(images.get(0).attr("alt")).isEqualTo("示意图");
        assertThat(doc.select("a[href]")).extracting(e -> e.attr("href"))
                .containsExactly("../../articles/x/", "https://example.com/a");
    }

    // ---- slugs

    @Test
    void slugFromFrontMatterWins() {
        simple("some-file.md", "slug: changsha-shuangyong\n", "x\n");
        assertThat(only().slug()).isEqualTo("changsha-shuangyong");
    }

    @Test
    void slugFromFileNameWhenItMatchesThePattern() {
        simple("2023/11/visit-troops.md", "", "x\n");
        Article a = only();
        assertThat(a.slug()).isEqualTo("visit-troops");
        assertThat(a.file()).isEqualTo("content/articles/2023/11/visit-troops.md");
        assertThat(a.url()).isEqualTo("articles/visit-troops/");
    }

    @Test
    void slugFromTitleWhenFileNameIsNotASlug() {
        article("延安双拥.md", "---\ntitle: 延安双拥运动\ndate: 2023-11-08\n---\nx\n");
        article("Visit_Troops.md", "---\ntitle: 重庆银行拥军\ndate: 2023-11-08\n---\nx\n");
        List<Article> all = articles();
        assertThat(site.errors()).isEmpty();

        String expected = Slugs.of("延安双拥运动");
        assertThat(expected).isNotEmpty().matches(Slugs.PATTERN).startsWith("yanan");
        assertThat(bySlug(all, expected).file()).isEqualTo("content/articles/延安双拥.md");
        assertThat(bySlug(all, Slugs.of("重庆银行拥军")).file()).isEqualTo("content/articles/Visit_Troops.md");
        assertThat(Slugs.of("重庆银行拥军")).startsWith("chongqing-yinhang");
    }

    @Test
    void invalidSlugInFrontMatterIsAnError() {
        String text = simple("bad-slug.md", "slug: Bad Slug\n", "x\n");
        assertThat(articles()).isEmpty();
        Problem p = onlyProblem("content/articles/bad-slug.md");
        int[] at = TempSite.placeOf(text, "Bad Slug");
        assertPlace(p, Severity.ERROR, at[0], at[1]);
        assertThat(p.message()).contains("slug");
    }

    @Test
    void titleWithoutSpellableCharactersNeedsASlug() {
        article("中文.md", "---\ntitle: ！！！\ndate: 2023-11-08\n---\nx\n");
        assertThat(articles()).isEmpty();
        Problem p = onlyProblem("content/articles/中文.md");
        assertPlace(p, Severity.ERROR, 2, 8);
        assertThat(p.message()).contains("slug");
    }

    // ---- summary

    @Test
    void summaryIsMadeFromTheTextWhenAbsent() {
        String first = "长沙市双拥工作领导小组近日召开会议，总结全年双拥工作，部署下一阶段任务。".repeat(2);
        String second = "会议指出，要持续巩固发展军政军民团结，推动双拥工作再上新台阶！".repeat(3);
        simple("summary.md", "", first + "\n\n" + second + "\n");
        Article a = only();

        assertThat(a.summary()).isEqualTo(Summaries.of(first + " " + second));
        assertThat(a.summary()).isNotEmpty().matches("(?s).*[。！？]");
        assertThat(a.summary().codePointCount(0, a.summary().length())).isBetween(60, 180);
        assertThat(a.summary()).doesNotContain("<p>");
    }

    @Test
    void givenSummaryIsKept() {
        simple("given.md", "summary: 编辑写的摘要\n", "正文很长。".repeat(50) + "\n");
        assertThat(only().summary()).isEqualTo("编辑写的摘要");
    }

    @Test
    void summaryLeavesMarkupOut() {
        simple("markup.md", "", "**长沙**是[双拥模范城](/cities/changsha/)。\n");
        assertThat(only().summary()).isEqualTo("长沙是双拥模范城。");
    }

    @Test
    void summaryOfAnArticleWithAFootnoteOrQuoteIsNotEmpty() {
        simple("with-footnote.md", "", "双拥模范城[^1]评选每四年一次。\n\n[^1]: 全国双拥模范城。\n");
        simple("with-quote.md", "", "第一段有内容。\n\n> 引用的话。\n\n第三段。\n");
        simple("with-table.md", "", "表格前的说明。\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        List<Article> all = articles();
        assertThat(site.errors()).isEmpty();

        assertThat(bySlug(all, "with-footnote").summary()).startsWith("双拥模范城").endsWith("评选每四年一次。")
                .doesNotContain("全国");
        assertThat(bySlug(all, "with-quote").summary()).contains("第一段有内容。").contains("第三段。");
        assertThat(bySlug(all, "with-table").summary()).isEqualTo("表格前的说明。");
    }

    // ---- encodings and file forms

    @Test
    void utf8ByteOrderMarkIsAccepted() {
        byte[] text = "---\ntitle: 带BOM的文章\ndate: 2023-11-08\n---\n正文。\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        site.writeBytes("content/articles/bom.md", withBom);

        Article a = only();
        assertThat(a.title()).isEqualTo("带BOM的文章");
        assertThat(a.slug()).isEqualTo("bom");
        assertThat(site.problems.sorted()).isEmpty();
    }

    @Test
    void windowsLineEndingsAreAccepted() {
        article("crlf.md", "---\r\ntitle: 换行\r\ndate: 2023-11-08\r\n---\r\n正文。\r\n");
        Article a = only();
        assertThat(a.title()).isEqualTo("换行");
        assertThat(a.date().toLocalDate()).hasToString("2023-11-08");
    }

    @Test
    void frontMatterMayEndWithThreeDots() {
        article("dots.md", "---\ntitle: 点号结束\ndate: 2023-11-08\n...\n正文。\n");
        Article a = only();
        assertThat(a.title()).isEqualTo("点号结束");
        assertThat(a.bodyHtml()).contains("正文。");
    }

    @Test
    void filesOtherThanMarkdownAndHiddenFilesAreIgnored() {
        simple("real.md", "", "x\n");
        site.write("content/articles/notes.txt", "not an article");
        site.write("content/articles/.draft.md", "not even front matter");
        site.write("content/articles/.hidden/x.md", "nor this");
        assertThat(articles()).extracting(Article::slug).containsExactly("real");
        assertThat(site.problems.sorted()).isEmpty();
    }

    // ---- problems

    @Test
    void missingFrontMatterIsAnErrorAtTheFirstLine() {
        article("no-front.md", "title: 没有分隔线\ndate: 2023-11-08\n\n正文。\n");
        assertThat(articles()).isEmpty();
        Problem p = onlyProblem("content/articles/no-front.md");
        assertPlace(p, Severity.ERROR, 1, 1);
        assertThat(p.message()).contains("front matter");
    }

    @Test
    void unclosedFrontMatterIsAnError() {
        article("unclosed.md", "---\ntitle: 没有结束\ndate: 2023-11-08\n\n正文。\n");
        assertThat(articles()).isEmpty();
        Problem p = onlyProblem("content/articles/unclosed.md");
        assertPlace(p, Severity.ERROR, 1, 1);
        assertThat(p.message()).contains("front matter").contains("---");
    }

    @Test
    void badYamlIsReportedAtItsLineCountedFromTheFirstLineOfTheFile() {
        String text = article("bad-yaml.md", "---\ntitle: 测试\ndate: 2023-11-08\nkicker: a: b\n---\n正文。\n");
        assertThat(articles()).isEmpty();
        Problem p = onlyProblem("content/articles/bad-yaml.md");
        // the second colon of "kicker: a: b", on the file's 4th line (the opening --- is line 1)
        int[] at = TempSite.placeOf(text, "a: b", 1);
        assertThat(at).containsExactly(4, 10);
        assertPlace(p, Severity.ERROR, 4, 10);
        assertThat(p.message()).contains("YAML");
        assertThat(p.format()).startsWith("content/articles/bad-yaml.md:4:10: ");
    }

    @Test
    void badYamlLineIsTheSameWithWindowsLineEndingsAndABom() {
        byte[] text = "---\r\ntitle: 测试\r\ndate: 2023-11-08\r\nkicker: a: b\r\n---\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        site.writeBytes("content/articles/bad-crlf.md", withBom);
        assertThat(articles()).isEmpty();
        assertPlace(onlyProblem("content/articles/bad-crlf.md"), Severity.ERROR, 4, 10);
    }

    @Test
    void yamlTabErrorIsReportedOnTheLineWithTheTab() {
        article("tab.md", "---\n\n\ntitle: x\ndate: 2023-11-08\n\tkicker: y\n---\n正文。\n");
        assertThat(articles()).isEmpty();
        Problem p = onlyProblem("content/articles/tab.md");
        assertPlace(p, Severity.ERROR, 6, 1);
        assertThat(p.message()).containsIgnoringCase("tab");
    }

    @Test
    void missingTitleIsAnError() {
        article("untitled.md", "---\ndate: 2023-11-08\n---\n正文。\n");
        assertThat(articles()).isEmpty();
        Problem p = onlyProblem("content/articles/untitled.md");
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.message()).contains("title");
        assertThat(p.line()).as("the first line of the front matter").isEqualTo(2);
        assertThat(p.column()).isEqualTo(1);
    }

    @Test
    void missingDateIsAnError() {
        article("undated.md", "---\ntitle: 没有日期\n---\n正文。\n");
        assertThat(articles()).isEmpty();
        Problem p = onlyProblem("content/articles/undated.md");
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.message()).contains("date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-13-45", "2023-02-30", "昨天", "2023/11/08", "2023-11-08T25:00:00"})
    void invalidDateIsAnErrorAtTheValue(String date) {
        String text = article("bad-date.md", "---\ntitle: 日期错误\ndate: " + date + "\n---\n正文。\n");
        assertThat(articles()).isEmpty();
        Problem p = onlyProblem("content/articles/bad-date.md");
        int[] at = TempSite.placeOf(text, date);
        assertThat(at).containsExactly(3, 7);
        assertPlace(p, Severity.ERROR, 3, 7);
        assertThat(p.message()).contains("date").contains(date);
    }

    @Test
    void unknownKeyIsAWarningSuggestingTheNearestKey() {
        String text = simple("citys.md", "citys: [changsha]\n", "正文。\n");
        List<Article> all = articles();
        assertThat(all).as("a warning does not drop the article").hasSize(1);
        assertThat(all.get(0).cities()).isEmpty();

        Problem p = onlyProblem("content/articles/citys.md");
        int[] at = TempSite.placeOf(text, "citys");
        assertPlace(p, Severity.WARNING, at[0], at[1]);
        assertThat(at).containsExactly(4, 1);
        assertThat(p.message()).contains("citys").contains("“cities”");
        assertThat(site.problems.hasErrors()).isFalse();
    }

    @Test
    void gbkFileIsAnErrorAtTheFirstBadByte() {
        byte[] gbk = "---\ntitle: 长沙双拥\ndate: 2023-11-08\n---\n正文。\n".getBytes(Charset.forName("GBK"));
        site.writeBytes("content/articles/gbk.md", gbk);
        assertThat(articles()).isEmpty();
        Problem p = onlyProblem("content/articles/gbk.md");
        assertPlace(p, Severity.ERROR, 2, 8);
        assertThat(p.message()).contains("不是 UTF-8");
    }

    @Test
    void emptyFileIsAnError() {
        article("empty.md", "");
        article("blank.md", " \n\n");
        assertThat(articles()).isEmpty();
        assertThat(onlyProblem("content/articles/empty.md").severity()).isEqualTo(Severity.ERROR);
        assertThat(onlyProblem("content/articles/blank.md").severity()).isEqualTo(Severity.ERROR);
        assertThat(onlyProblem("content/articles/empty.md").message()).contains("空");
        assertThat(onlyProblem("content/articles/blank.md").message()).contains("空");
    }

    @Test
    void invalidCityIdIsAnErrorAtTheListItem() {
        String text = simple("bad-city.md", "cities:\n  - changsha\n  - Chang Sha\n", "x\n");
        articles();
        Problem p = onlyProblem("content/articles/bad-city.md");
        int[] at = TempSite.placeOf(text, "Chang Sha");
        assertPlace(p, Severity.ERROR, at[0], at[1]);
        assertThat(p.message()).contains("Chang Sha");
    }

    @Test
    void problemsOfSeveralFilesAreAllCollected() {
        simple("good.md", "", "x\n");
        article("h.md", "no front matter\n");
        article("e.md", "");
        article("t.md", "---\ndate: 2023-11-08\n---\n");
        SiteInput input = site.load();
        assertThat(input.articles()).extracting(a -> a.value().slug()).containsExactly("good");
        assertThat(site.errors()).extracting(Problem::file)
                .containsExactly("content/articles/e.md", "content/articles/h.md", "content/articles/t.md");
    }
}
