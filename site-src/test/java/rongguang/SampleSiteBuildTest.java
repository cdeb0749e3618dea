package rongguang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import rongguang.problems.Problems;
import rongguang.problems.Severity;
import rongguang.testing.TestSite;

/** Builds the bundled sample site once and checks its pages the way a reader and a crawler would see them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleSiteBuildTest {
    Path tmp;

    Path out;
    Generator.Result result;
    Problems problems = new Problems();

    @BeforeAll
    void build(@TempDir Path tmp) throws IOException {
        this.tmp = tmp;
        out = tmp.resolve("output");
        result = TestSite.build(TestSite.SAMPLE, out, false, problems);
    }

    Document page(String path) throws IOException {
        Path file = out.resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
        assertThat(file).as(path).isRegularFile();
        return Jsoup.parse(file.toFile(), "UTF-8", "https://shuangyong.example.gov.cn/" + path);
    }

    @Test
    void sampleBuildsWithoutProblems() {
        assertThat(problems.sorted()).isEmpty();
        assertThat(result.pages()).isGreaterThan(150);
    }

    @Test
    void everyKindOfPageIsThere() {
        List<String> files = TestSite.files(out);
        assertThat(files).contains("index.html", "articles/index.html", "articles/page/2/index.html",
                "articles/changsha-shuangyong-zhihua/index.html", "columns/index.html",
                "columns/shuangyong-dongtai/index.html", "tags/index.html", "tags/youdaizheng/index.html",
                "cities/index.html", "cities/changsha/index.html", "exemplars/index.html",
                "exemplars/tian-junling/index.html", "merchants/index.html", "merchants/index.json",
                "merchants/shumin-dayaofang/index.html", "feed.xml", "sitemap.xml", "robots.txt", "404.html",
                "assets/style.css", "assets/merchants.js", "media/covers/star-rays.svg");
        // the Chinese file name 延安双拥运动八十周年.md gets the pinyin of its title
        assertThat(files).anyMatch(f -> f.matches("articles/[a-z0-9-]*yanan-shuangyong-yundong[a-z0-9-]*/index.html"));
    }

    @Test
    void homeShowsLatestArticlesCitiesExemplarsAndMerchantNumbers() throws IOException {
        Document home = page("");
        assertThat(home.title()).isEqualTo("中国双拥网·荣光");
        assertThat(home.select("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(home.select(".article-list .article-item")).hasSize(8);
        assertThat(home.select(".city-grid .city-card")).hasSize(12);
        assertThat(home.select(".exemplar-grid .exemplar-card")).hasSize(8);
        assertThat(home.select(".figures").text()).contains("53").contains("拥军优待商家");
        assertThat(home.select("footer").text()).contains("主办单位", "京ICP备00000000号-1", "京公网安备11000000000000号", "网站标识码");
        assertThat(home.select("footer a[href=https://beian.miit.gov.cn/]")).hasSize(1);
    }

    @Test
    void articlePageHasItsHeaderBodyAndLinks() throws IOException {
        Document a = page("articles/changsha-shuangyong-zhihua/");
        assertThat(a.select("h1.article-title").text()).isEqualTo("双拥之花为何在长沙遍地绽放");
        assertThat(a.select(".kicker").text()).contains("七连冠");
        assertThat(a.select(".meta time").attr("datetime")).startsWith("2023-");
        assertThat(a.select(".prose p")).hasSizeGreaterThan(3);
        assertThat(a.select(".article-foot a[href=../../cities/changsha/]")).hasSize(1);
        assertThat(a.select("link[rel=canonical]").attr("href"))
                .isEqualTo("https://shuangyong.example.gov.cn/articles/changsha-shuangyong-zhihua/");
        assertThat(a.select(".prev-next a")).isNotEmpty();
    }

    @Test
    void everyArticleHasASummaryEndingAtASentenceEnd() throws IOException {
        List<String> summaries = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            summaries.addAll(page(n == 1 ? "articles/" : "articles/page/" + n + "/").select(".article-item-summary").eachText());
        }
        assertThat(summaries).hasSize(23).allSatisfy(s -> assertThat(s).matches("(?s).{20,}[。！？”…]$"));
    }

    @Test
    void markdownExtensionsRender() throws IOException {
        Document report = page("articles/youdaizheng-zenme-yong/");
        assertThat(report.select(".prose table")).isNotEmpty();
        assertThat(report.select(".prose section.footnotes li")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(report.select(".prose a[href=https://www.mva.gov.cn]")).isNotEmpty();
        Document strike = page("articles/suijun-jiashu-shenghuo-buzhu/");
        assertThat(strike.select(".prose del")).isNotEmpty();
        Document details = page("articles/yongjun-lianmeng-shangjia-guize/");
        assertThat(details.select(".prose details summary")).isNotEmpty();
    }

    @Test
    void draftsScheduledAndExpiredArticlesAreNotPublished() throws IOException {
        List<String> files = TestSite.files(out);
        for (String slug : List.of("ligong-junren-huixiang", "jianjun-bainian-shuangyong-zhuanti",
                "zhengji-yongjun-shangjia-he-gushi")) {
            assertThat(files).noneMatch(f -> f.startsWith("articles/" + slug + "/"));
            for (String f : files) {
                if (f.endsWith(".html") || f.endsWith(".xml")) {
                    assertThat(Files.readString(out.resolve(f))).as(f).doesNotContain(slug);
                }
            }
        }
    }

    @Test
    void cityPagesShowStreaksInChineseNumerals() throws IOException {
        Document changsha = page("cities/changsha/");
        assertThat(changsha.select("h1").text()).isEqualTo("长沙市");
        assertThat(changsha.select(".headline-honor .streak").text()).isEqualTo("七连冠");
        assertThat(changsha.select("table.honors tbody tr")).isNotEmpty();
        Document roll = page("cities/");
        List<String> order = roll.select("table.honor-roll tbody th a").eachText();
        assertThat(order).hasSize(37);
        assertThat(roll.select("table.honor-roll").text()).contains("九连冠", "七连冠");
        // ranked: the national counts in the table never increase
        List<Integer> counts = roll.select("table.honor-roll td.num").eachText().stream().map(Integer::valueOf).toList();
        assertThat(counts).isSortedAccordingTo((x, y) -> Integer.compare(y, x));
    }

    @Test
    void exemplarAndMerchantPages() throws IOException {
        Document tian = page("exemplars/tian-junling/");
        assertThat(tian.select("h1").text()).isEqualTo("田俊岭");
        assertThat(tian.select(".portrait.placeholder").text()).isEqualTo("田");
        assertThat(tian.select(".kicker a[href=../../cities/handan/]")).hasSize(1);
        Document shop = page("merchants/shumin-dayaofang/");
        assertThat(shop.select("h1").text()).isEqualTo("书民大药房");
        assertThat(shop.select("table.offers").text()).contains("现役军人", "8折");
        Document directory = page("merchants/");
        assertThat(directory.select(".merchant-item")).hasSize(53);
        assertThat(directory.select("#filter-category option")).hasSizeGreaterThan(8);
        assertThat(directory.select("script[src~=^\\.\\./assets/merchants\\.[0-9a-f]{8}\\.js$]")).hasSize(1);
    }

    @Test
    void merchantWithLocationLinksToAMapApp() throws IOException {
        Path dir = out.resolve("merchants");
        boolean found = false;
        for (String f : TestSite.files(dir)) {
            if (!f.endsWith("/index.html")) continue;
            Document d = Jsoup.parse(dir.resolve(f).toFile(), "UTF-8");
            Element map = d.selectFirst("a[href^=https://uri.amap.com/marker]");
            if (map != null) {
                assertThat(map.attr("href")).contains("coordinate=wgs84").contains("position=");
                assertThat(d.select("a[href^=geo:]")).hasSize(1);
                found = true;
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void everyInternalLinkResolvesToAGeneratedFile() throws IOException {
        List<String> broken = new ArrayList<>();
        for (String f : TestSite.files(out)) {
            if (!f.endsWith(".html") || f.equals("404.html")) continue;
            Path file = out.resolve(f);
            Document d = Jsoup.parse(file.toFile(), "UTF-8");
            for (Element e : d.select("a[href], link[href], img[src], script[src]")) {
                String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (url.isEmpty() || URI.create(url.replace(" ", "%20")).isAbsolute() || url.startsWith("//")) continue;
                String path = url.replaceFirst("[#?].*$", "");
                String fragment = url.contains("#") ? url.substring(url.indexOf('#') + 1) : "";
                Path target = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                if (Files.isDirectory(target)) target = target.resolve("index.html");
                if (!target.startsWith(out) || !Files.isRegularFile(target)) {
                    broken.add(f + " → " + url);
                } else if (!fragment.isEmpty() && target.toString().endsWith(".html")) {
                    Document t = target.equals(file) ? d : Jsoup.parse(target.toFile(), "UTF-8");
                    if (t.getElementById(fragment) == null) broken.add(f + " → " + url + " (no #" + fragment + ")");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void feedAndSitemapAreWellFormedXml() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var feed = factory.newDocumentBuilder().parse(out.resolve("feed.xml").toFile());
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).isEqualTo(20);
        var sitemap = factory.newDocumentBuilder().parse(out.resolve("sitemap.xml").toFile());
        var locs = sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        assertThat(locs.getLength()).isEqualTo(result.pages() - 6); // all but feed, sitemap, robots, 404, index.json, display/version.json
        for (int i = 0; i < locs.getLength(); i++) {
            assertThat(locs.item(i).getTextContent()).startsWith("https://shuangyong.example.gov.cn/");
        }
        assertThat(Files.readString(out.resolve("robots.txt")))
                .contains("Sitemap: https://shuangyong.example.gov.cn/sitemap.xml");
    }

    @Test
    void notFoundPageLinksFromTheSiteRoot() throws IOException {
        Document d = page("404.html");
        assertThat(d.select("main a").eachAttr("href")).contains("/", "/articles/");
        assertThat(d.select("link[rel=stylesheet]").attr("href")).matches("/assets/style\\.[0-9a-f]{8}\\.css");
    }

    @Test
    void twoBuildsAreByteIdentical() throws IOException {
        Path again = tmp.resolve("again");
        TestSite.build(TestSite.SAMPLE, again, false, new Problems());
        List<String> files = TestSite.files(out);
        assertThat(TestSite.files(again)).isEqualTo(files);
        for (String f : files) {
            assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(out.resolve(f)));
        }
    }

    @Test
    void previewShowsDraftsAndScheduledArticlesMarked() throws IOException {
        Path preview = tmp.resolve("preview");
        Problems p = new Problems();
        TestSite.build(TestSite.SAMPLE, preview, true, p);
        assertThat(p.count(Severity.ERROR)).isZero();
        Document draft = Jsoup.parse(preview.resolve("articles/ligong-junren-huixiang/index.html").toFile(), "UTF-8");
        assertThat(draft.select(".badge-draft").text()).isEqualTo("草稿");
        Document scheduled = Jsoup.parse(
                preview.resolve("articles/jianjun-bainian-shuangyong-zhuanti/index.html").toFile(), "UTF-8");
        assertThat(scheduled.select(".badge-draft").text()).isEqualTo("定时发布");
        assertThat(TestSite.files(preview)).noneMatch(f -> f.startsWith("articles/zhengji-yongjun-shangjia-he-gushi/"));
    }
}
