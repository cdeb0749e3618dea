package rongguang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rongguang.cli.Main;
import rongguang.problems.BuildFailedException;
import rongguang.problems.Problems;
import rongguang.testing.TestSite;

/** Small sites written for one behaviour each, built for real into temporary folders. */
class SmallSiteBuildTest {
    @TempDir
    Path tmp;

    private Document read(Path out, String page) throws IOException {
        return Jsoup.parse(out.resolve(page).toFile(), "UTF-8");
    }

    /** Pagination edges with pageSize 2: 0, 1, exactly 2 and 3 articles. */
    @ParameterizedTest
    @CsvSource({"0, 1", "1, 1", "2, 1", "3, 2"})
    void articleListsArePaginated(int articles, int pages) throws IOException {
        TestSite site = TestSite.create(tmp.resolve("site"), 2);
        for (int i = 1; i <= articles; i++) site.article("a" + i, "文章" + i, "2024-01-0" + i, "column: 双拥动态");
        Path out = tmp.resolve("out");
        site.build(out, false, new Problems());

        Document first = read(out, "articles/index.html");
        assertThat(first.select(".article-item")).hasSize(Math.min(articles, 2));
        if (articles == 0) assertThat(first.select(".empty").text()).isEqualTo("暂无文章。");
        assertThat(Files.exists(out.resolve("articles/page/2/index.html"))).isEqualTo(pages == 2);
        assertThat(Files.exists(out.resolve("articles/page/3/index.html"))).isFalse();
        if (pages == 2) {
            assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("../articles/page/2/");
            Document second = read(out, "articles/page/2/index.html");
            assertThat(second.select(".article-item")).hasSize(1);
            assertThat(second.select(".article-item a").first().text()).isEqualTo("文章1"); // the oldest comes last
            assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("../../../articles/");
            assertThat(Files.exists(out.resolve("columns/shuangyong-dongtai/page/2/index.html"))).isTrue();
        } else {
            assertThat(first.select("nav.pager")).isEmpty();
        }
    }

    @Test
    void onlyPublishedArticlesAreBuilt() throws IOException {
        TestSite site = TestSite.create(tmp.resolve("site"), 20)
                .article("published", "已发布", "2026-01-01")
                .article("draft", "草稿文章", "2026-01-01", "draft: true")
                .article("scheduled", "定时文章", "2026-01-01", "publishDate: 2026-12-01")
                .article("future", "未来日期", "2026-11-23")
                .article("expired", "过期文章", "2026-01-01", "expiryDate: 2026-11-01")
                .article("today", "今天发布", "2026-11-22T08:00:00+08:00");
        Path out = tmp.resolve("out");
        site.build(out, false, new Problems());
        List<String> files = TestSite.files(out);
        assertThat(files).contains("articles/published/index.html", "articles/today/index.html");
        assertThat(files).noneMatch(f -> f.matches("articles/(draft|scheduled|future|expired)/.*"));
        assertThat(read(out, "articles/index.html").select(".article-item h2 a").eachText())
                .containsExactly("今天发布", "已发布");
        assertThat(Files.readString(out.resolve("feed.xml"))).contains("今天发布").doesNotContain("草稿文章");

        Path preview = tmp.resolve("preview");
        site.build(preview, true, new Problems());
        assertThat(TestSite.files(preview)).contains("articles/draft/index.html", "articles/scheduled/index.html",
                "articles/future/index.html").doesNotContain("articles/expired/index.html");
    }

    @Test
    void lapsedMerchantsLeaveTheDirectory() throws IOException {
        TestSite site = TestSite.create(tmp.resolve("site"), 20)
                .write("content/data/cities/handan.json", """
                        {"id": "handan", "name": "邯郸市", "province": "河北省",
                         "honors": [{"level": "national", "title": "全国双拥模范城", "count": 9, "consecutive": true}]}
                        """)
                .write("content/data/merchants/handan.json", """
                        [
                          {"id": "valid", "name": "有效商家", "city": "handan", "category": "医药", "address": "复兴区一号",
                           "offers": [{"for": ["现役军人"], "text": "八折", "discount": 8}], "reviewUntil": "2026-11-22"},
                          {"id": "lapsed", "name": "过期商家", "city": "handan", "category": "餐饮", "address": "复兴区二号",
                           "offers": [{"for": ["退役军人"], "text": "九折", "discount": 9}], "reviewUntil": "2026-11-21"}
                        ]
                        """);
        Path out = tmp.resolve("out");
        site.build(out, false, new Problems());
        assertThat(TestSite.files(out)).contains("merchants/valid/index.html").doesNotContain("merchants/lapsed/index.html");
        assertThat(read(out, "merchants/index.html").select(".merchant-item h3").eachText()).containsExactly("有效商家");
        assertThat(Files.readString(out.resolve("merchants/index.json"))).contains("valid").doesNotContain("lapsed");
        assertThat(read(out, "cities/handan/index.html").select(".headline-honor .streak").text()).isEqualTo("九连冠");
    }

    @Test
    void aFailedBuildLeavesThePreviousOutputByteIdentical() throws IOException {
        TestSite site = TestSite.create(tmp.resolve("site"), 20).article("good", "好文章", "2026-01-01");
        Path out = tmp.resolve("out");
        site.build(out, false, new Problems());
        Map<String, byte[]> before = TestSite.snapshot(out);

        site.article("broken", "坏文章", "2026-13-45").article("ref", "错引用", "2026-01-01", "cities: [nowhere]");
        Problems problems = new Problems();
        assertThatThrownBy(() -> site.build(out, false, problems)).isInstanceOf(BuildFailedException.class);
        assertThat(problems.sorted()).extracting(p -> p.file() + ":" + p.line())
                .containsExactly("content/articles/broken.md:3", "content/articles/ref.md:4");
        Map<String, byte[]> after = TestSite.snapshot(out);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((f, bytes) -> assertThat(after.get(f)).as(f).isEqualTo(bytes));
        assertThat(TestSite.files(tmp)).noneMatch(f -> f.contains("rongguang-new"));
    }

    @Test
    void twoSpellingsOfATagWithOneSlugAreAnErrorWithinAndAcrossArticles() throws IOException {
        TestSite site = TestSite.create(tmp.resolve("site"), 20)
                .write("content/articles/one.md", "---\ntitle: 一\ndate: 2026-01-01\ntags: [双拥动态, 双拥 动态]\n---\n正文。\n")
                .write("content/articles/two.md", "---\ntitle: 二\ndate: 2026-01-02\ntags:\n  - 双拥·动态\n---\n正文。\n");
        Problems problems = new Problems();
        assertThatThrownBy(() -> site.build(tmp.resolve("out"), false, problems)).isInstanceOf(BuildFailedException.class);
        assertThat(problems.sorted()).extracting(p -> p.file() + ":" + p.line() + ":" + p.column())
                .containsExactly("content/articles/one.md:4:14", "content/articles/two.md:5:5");
        assertThat(problems.sorted()).allMatch(p -> p.message().contains("网址相同（shuangyong-dongtai）"));
    }

    @Test
    void theCommandLineReportsProblemsWithTheirPlaceAndExitsWithOne() throws IOException {
        TestSite site = TestSite.create(tmp.resolve("site"), 20)
                .write("content/articles/bad.md", "---\ntitle: [未闭合\ndate: 2026-01-01\n---\n正文\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TestSite.runCli(err, "build", "--site", site.dir().toString());
        assertThat(status).isEqualTo(1);
        String text = err.toString(StandardCharsets.UTF_8);
        assertThat(text).containsPattern("content/articles/bad\\.md:\\d+:\\d+: 错误: YAML 语法错误")
                .contains("构建失败：1 个错误").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(site.dir().resolve("output")).doesNotExist();
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)   // --watch on an output it accepted would run until stopped
    void theCommandLineRefusesAnOutputThatWouldOverwriteTheSite() throws IOException {
        TestSite site = TestSite.create(tmp.resolve("site"), 20).article("a", "文章", "2026-01-01");
        for (String output : List.of(site.dir().toString(), tmp.toString(), "/", site.dir().resolve("content/out").toString())) {
            for (String mode : List.of("--verbose", "--clean", "--watch")) {
                // nothing is written for a refused output: not even the build cache, which goes beside it
                Map<Path, List<String>> before = besideAndHere(Path.of(output));
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int status = TestSite.runCli(err, "build", "--site", site.dir().toString(), "--output", output, mode);
                assertThat(status).as(output + " " + mode).isEqualTo(2);
                assertThat(err.toString(StandardCharsets.UTF_8)).as(output + " " + mode).contains("输出");
                assertThat(besideAndHere(Path.of(output))).as(output + " " + mode).isEqualTo(before);
            }
        }
        assertThat(Files.exists(site.dir().resolve("content/site.json"))).isTrue();
        assertThat(Main.run("build", "--site", site.dir().toString(), "--now", "2026-11-22")).isZero();
        assertThat(site.dir().resolve("output/articles/a/index.html")).isRegularFile();
    }

    /** What the folder holding {@code output} (the root for the root) and the working folder hold, by name. */
    private static Map<Path, List<String>> besideAndHere(Path output) throws IOException {
        Map<Path, List<String>> listings = new java.util.HashMap<>();
        Path abs = output.toAbsolutePath();
        for (Path dir : List.of(abs.getParent() != null ? abs.getParent() : abs, Path.of("").toAbsolutePath())) {
            try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
                listings.put(dir, entries.map(p -> p.getFileName().toString()).sorted().toList());
            }
        }
        return listings;
    }

    @Test
    void menuLinksAreSitePathsOrWebLinks() throws IOException {
        TestSite site = TestSite.create(tmp.resolve("site"), 20).write("content/site.json", """
                {"title": "测试", "baseUrl": "https://test.example.gov.cn/", "organization": "测试单位",
                 "nav": [{"title": "首页", "url": "/"}, {"title": "模范城", "url": "/cities/"},
                         {"title": "部网站", "url": "https://www.mva.gov.cn/"},
                         {"title": "坏链接", "url": " JavaScript:alert(1)"}]}
                """);
        Problems problems = new Problems();
        assertThatThrownBy(() -> site.build(tmp.resolve("out"), false, problems)).isInstanceOf(BuildFailedException.class);
        assertThat(problems.sorted()).extracting(p -> p.file() + ":" + p.line() + ":" + p.column())
                .containsExactly("content/site.json:4:34");

        site.write("content/site.json", """
                {"title": "测试", "baseUrl": "https://test.example.gov.cn/", "organization": "测试单位",
                 "nav": [{"title": "首页", "url": "/"}, {"title": "模范城", "url": "/cities/"},
                         {"title": "部网站", "url": "https://www.mva.gov.cn/"}]}
                """);
        Path out = tmp.resolve("out");
        site.build(out, false, new Problems());
        assertThat(read(out, "cities/index.html").select("nav.mainnav a").eachAttr("href"))
                .containsExactly("../", "../cities/", "https://www.mva.gov.cn/");
        assertThat(read(out, "cities/index.html").select("nav.mainnav a[aria-current=page]").text()).isEqualTo("模范城");
    }



}
