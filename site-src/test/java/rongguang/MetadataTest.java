package rongguang;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import rongguang.problems.Problems;
import rongguang.testing.TestSite;

/**
 * What a page tells search engines and social apps: title, description, canonical URL, Open Graph and the
 * article's NewsArticle JSON-LD, on a small site below a path, with a title that tries to break out of the script.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetadataTest {
    static final String BASE = "https://test.example.gov.cn/sy/";
    static final String TITLE = "“引号”与\"双引号\"</script><!--<script>alert('x')</script> & 双拥";

    Path out;

    @BeforeAll
    void build(@TempDir Path tmp) throws IOException {
        TestSite site = TestSite.create(tmp.resolve("site"), 1)
                .write("content/media/covers/a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
                .write("content/articles/x.md", "---\ntitle: '" + TITLE.replace("'", "''") + "'\n"
                        + "date: 2026-01-02T09:30:00\nauthors: [李明, 本网编辑部]\ncolumn: 双拥动态\ntags: [优待证]\n"
                        + "cover: covers/a.svg\nsummary: 一段摘要。\n---\n\n正文。\n")
                .article("y", "第二篇", "2026-01-01");
        Problems problems = new Problems();
        out = tmp.resolve("output");
        site.build(out, false, problems);
        assertThat(problems.sorted()).isEmpty();
    }

    Document page(String path) throws IOException {
        return Jsoup.parse(out.resolve(path.endsWith(".html") ? path : path + "index.html").toFile(), "UTF-8",
                BASE + path);
    }

    @Test
    void articleJsonLdIsANewsArticleThatKeepsTheTitleInside() throws IOException {
        Document a = page("articles/x/");
        // the title made no script of its own: every script is a file of the theme, or the JSON-LD
        assertThat(a.select("script")).allSatisfy(s -> assertThat(s.hasAttr("src")
                || s.attr("type").equals("application/ld+json")).as(s.outerHtml()).isTrue());
        var data = a.select("head script[type=application/ld+json]");
        assertThat(data).hasSize(1);
        assertThat(data.get(0).data()).doesNotContain("<", ">", "&");
        JsonNode json = new ObjectMapper().readTree(data.get(0).data());
        assertThat(json.get("@context").asText()).isEqualTo("https://schema.org");
        assertThat(json.get("@type").asText()).isEqualTo("NewsArticle");
        assertThat(json.get("headline").asText()).isEqualTo(TITLE);
        assertThat(a.select("h1").text()).isEqualTo(TITLE);
        assertThat(json.get("datePublished").asText()).isEqualTo("2026-01-02T09:30:00+08:00");
        assertThat(json.get("dateModified").asText()).isEqualTo("2026-01-02T09:30:00+08:00");
        assertThat(json.at("/mainEntityOfPage/@id").asText()).isEqualTo(BASE + "articles/x/");
        assertThat(json.at("/image/0").asText()).isEqualTo(BASE + "media/covers/a.svg");
        assertThat(json.at("/author/0/@type").asText()).isEqualTo("Person");
        assertThat(json.at("/author/0/name").asText()).isEqualTo("李明");
        assertThat(json.at("/author/1/@type").asText()).isEqualTo("Organization");
        assertThat(json.at("/author/1/name").asText()).isEqualTo("本网编辑部");
        assertThat(json.at("/publisher/@type").asText()).isEqualTo("Organization");
        assertThat(json.at("/publisher/name").asText()).isEqualTo("测试单位");
        assertThat(json.get("description").asText()).isEqualTo("一段摘要。");
        assertThat(json.get("articleSection").asText()).isEqualTo("双拥动态");

        // without authors, the site's organization wrote it; other pages have no JSON-LD
        JsonNode y = new ObjectMapper().readTree(page("articles/y/").select("script[type=application/ld+json]").get(0).data());
        assertThat(y.at("/author/0/@type").asText()).isEqualTo("Organization");
        assertThat(y.has("image")).isFalse();
        assertThat(page("").select("script[type=application/ld+json]")).isEmpty();
    }

    @Test
    void openGraphTagsAreAbsoluteAndTyped() throws IOException {
        Document a = page("articles/x/");
        assertThat(og(a, "type")).isEqualTo("article");
        assertThat(og(a, "title")).isEqualTo(TITLE);
        assertThat(og(a, "description")).isEqualTo("一段摘要。");
        assertThat(og(a, "url")).isEqualTo(BASE + "articles/x/");
        assertThat(og(a, "image")).isEqualTo(BASE + "media/covers/a.svg");
        assertThat(og(a, "site_name")).isEqualTo("测试双拥网");
        assertThat(og(a, "locale")).isEqualTo("zh_CN");

        Document home = page("");
        assertThat(og(home, "type")).isEqualTo("website");
        assertThat(og(home, "url")).isEqualTo(BASE);
        assertThat(home.select("meta[property=og:image]")).isEmpty();
        assertThat(og(page("articles/page/2/"), "url")).isEqualTo(BASE + "articles/page/2/");
    }

    @Test
    void everyPageHasATitleADescriptionACanonicalUrlAndTheFavicon() throws IOException {
        var pages = TestSite.files(out).stream().filter(f -> f.endsWith(".html")).toList();
        assertThat(pages).contains("index.html", "articles/page/2/index.html", "columns/index.html", "404.html");
        for (String file : pages) {
            Document d = Jsoup.parse(out.resolve(file).toFile(), "UTF-8", BASE + file);
            assertThat(d.title()).as(file).endsWith("测试双拥网");
            // site.json has no description here: every page still gets one of its own
            assertThat(d.select("meta[name=description]").attr("content")).as(file).isNotBlank();
            String favicon = d.select("link[rel=icon][type=image/svg+xml]").attr("href");
            if (file.equals("404.html")) {
                assertThat(d.select("link[rel=canonical], meta[property=og:url]")).as(file).isEmpty();
                assertThat(d.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
                assertThat(favicon).matches("/sy/assets/favicon\\.[0-9a-f]{8}\\.svg");
                continue;
            }
            String url = BASE + file.replaceFirst("index\\.html$", "");
            assertThat(d.select("link[rel=canonical]").attr("href")).as(file).isEqualTo(url);
            assertThat(og(d, "url")).as(file).isEqualTo(url);
            assertThat(out.resolve(file).resolveSibling(favicon).normalize()).as(file).isRegularFile();
        }
        assertThat(page("articles/page/2/").title()).isEqualTo("新闻动态（第2页） - 测试双拥网");
        assertThat(page("articles/page/2/").select("meta[name=description]").attr("content"))
                .isEqualTo("测试双拥网的全部新闻动态，共 2 篇，按发布时间从新到旧排列（第 2 页）");
        assertThat(page("tags/").select("meta[name=description]").attr("content")).isEqualTo("全部 1 个标签：优待证");
        assertThat(Files.readString(out.resolve("assets/favicon.svg"))).startsWith("<svg");
    }

    private static String og(Document d, String property) {
        var meta = d.select("meta[property=og:" + property + "]");
        assertThat(meta).as("og:" + property).hasSize(1);
        return meta.attr("content");
    }
}
