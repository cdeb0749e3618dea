package rongguang.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import rongguang.problems.Problems;
import rongguang.testing.TestSite;

/** One small site served for the whole class, read the way a browser reads it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpServingTest {
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    Path tmp;
    TestSite site;
    ServedSite served;

    @BeforeAll
    void serve(@TempDir Path tmp) throws IOException {
        this.tmp = tmp;
        site = TestSite.create(tmp.resolve("site"), 10)
                .article("published", "已发布的文章", "2025-01-01", "column: 双拥动态")
                .article("a-draft", "一篇草稿", "2025-02-01", "draft: true")
                .article("scheduled", "定时发布的文章", "2025-03-01", "publishDate: 2027-01-01");
        Files.createDirectories(site.dir().resolve("content/media"));
        Files.write(site.dir().resolve("content/media/dot.png"), PNG);
        Files.write(site.dir().resolve("content/media/big.bin"), big());
        served = ServedSite.start(site);
    }

    @AfterAll
    void stop() throws IOException {
        served.close();
    }

    @ParameterizedTest
    @CsvSource({
            "/, text/html; charset=utf-8",
            "/articles/published/, text/html; charset=utf-8",
            "/404.html, text/html; charset=utf-8",
            "/assets/style.css, text/css; charset=utf-8",
            "/assets/merchants.js, text/javascript; charset=utf-8",
            "/assets/favicon.svg, image/svg+xml; charset=utf-8",
            "/merchants/index.json, application/json; charset=utf-8",
            "/feed.xml, application/xml; charset=utf-8",
            "/sitemap.xml, application/xml; charset=utf-8",
            "/robots.txt, text/plain; charset=utf-8",
            "/media/dot.png, image/png",
            "/__rongguang/live.js, text/javascript; charset=utf-8",
            "/__rongguang/live.css, text/css; charset=utf-8",
    })
    void filesAreServedWithTheirTypes(String path, String type) throws Exception {
        HttpResponse<String> response = served.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains(type);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(response.headers().firstValue("ETag"))
                .hasValueSatisfying(tag -> assertThat(tag).matches("\"[0-9a-f]{32}\""));
    }

    @Test
    void mediaFilesArriveByteForByte() throws Exception {
        var response = served.sendBytes("/media/dot.png");
        assertThat(response.body()).isEqualTo(PNG);
    }

    /** Larger than what is held in memory: streamed from disk, with the same validator and 304s. */
    @Test
    void largeFilesAreStreamedWithTheirETag() throws Exception {
        var response = served.sendBytes("/media/big.bin");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(big());
        assertThat(response.headers().firstValue("Content-Type")).contains("application/octet-stream");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo(ETags.of(big()));
        assertThat(served.get("/media/big.bin", "If-None-Match", etag).statusCode()).isEqualTo(304);
        String head = served.raw("HEAD /media/big.bin HTTP/1.1");
        assertThat(head.toLowerCase(Locale.ROOT)).contains("content-length: " + big().length).endsWith("\r\n\r\n");
    }

    private static byte[] big() {
        byte[] bytes = new byte[9 << 20];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 31 + (i >>> 13));
        return bytes;
    }

    @Test
    void theSiteIsServedAtItsBaseUrlPathToo() throws Exception {
        HttpResponse<String> atRoot = served.get("/articles/published/");
        HttpResponse<String> atBase = served.get("/sy/articles/published/");
        assertThat(atBase.statusCode()).isEqualTo(200);
        assertThat(atBase.body()).isEqualTo(atRoot.body());
        assertThat(served.server.url().toString()).isEqualTo("http://127.0.0.1:" + served.port() + "/sy/");

        HttpResponse<String> bare = served.get("/sy");
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).contains("/sy/");
        // the 404 page links from the base path; those links work
        Document notFound = Jsoup.parse(served.get("/no/such/page/").body());
        String style = notFound.select("link[rel=stylesheet]").first().attr("href");
        assertThat(style).matches("/sy/assets/style\\.[0-9a-f]{8}\\.css");
        assertThat(served.get(style).statusCode()).isEqualTo(200);
    }

    @Test
    void foldersServeTheirIndexAndGetTheirSlash() throws Exception {
        HttpResponse<String> folder = served.get("/articles/published/");
        assertThat(folder.body()).contains("已发布的文章");

        HttpResponse<String> withoutSlash = served.get("/articles/published?x=1");
        assertThat(withoutSlash.statusCode()).isEqualTo(302);
        assertThat(withoutSlash.headers().firstValue("Location")).contains("/articles/published/?x=1");

        assertThat(served.get("/robots.txt/").statusCode()).isEqualTo(404);
    }

    @Test
    void missingPagesGetTheSite404PageWithStatus404() throws Exception {
        HttpResponse<String> response = served.get("/articles/no-such-article/");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(response.body()).contains("页面不存在").contains("/__rongguang/live.js");
        assertThat(served.get("/media/missing.png").statusCode()).isEqualTo(404);
        assertThat(served.get("/__rongguang/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void draftsAndScheduledArticlesAreInThePreviewAndMarked() throws Exception {
        assertThat(served.get("/articles/a-draft/").body()).contains("一篇草稿").contains("草稿");
        assertThat(served.get("/articles/scheduled/").body()).contains("定时发布的文章").contains("定时发布");
        assertThat(served.get("/articles/").body()).contains("一篇草稿").contains("定时发布的文章");
    }

    @Test
    void pagesGetTheLiveScriptOnlyWhenServed() throws Exception {
        Document page = Jsoup.parse(served.get("/articles/published/").body());
        var scripts = page.select("script[src^=/__rongguang/live.js]");
        assertThat(scripts).hasSize(1);
        assertThat(scripts.first().hasAttr("defer")).isTrue();
        assertThat(scripts.first().data()).isEmpty();
        assertThat(page.body().children().last()).isEqualTo(scripts.first());
        assertThat(page.getElementById("rongguang-overlay")).isNull();

        // the preview files on disk and a build's output have no trace of it
        assertThat(Files.readString(served.folder.siteRoot().resolve("articles/published/index.html")))
                .doesNotContain("__rongguang");
        Path out = tmp.resolve("built");
        site.build(out, true, new Problems());
        for (String f : TestSite.files(out)) {
            assertThat(new String(Files.readAllBytes(out.resolve(f)), StandardCharsets.ISO_8859_1)).as(f)
                    .doesNotContain("__rongguang");
        }
    }

    @Test
    void aMatchingETagGets304WithoutABody() throws Exception {
        HttpResponse<String> first = served.get("/articles/published/");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = served.get("/articles/published/", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).contains(etag);

        assertThat(served.get("/articles/published/", "If-None-Match", "\"other\", W/" + etag).statusCode())
                .isEqualTo(304);
        assertThat(served.get("/articles/published/", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(served.get("/assets/style.css").headers().firstValue("ETag"))
                .isNotEqualTo(first.headers().firstValue("ETag"));
    }

    @Test
    void headAnswersLikeGetWithoutTheBody() throws Exception {
        HttpResponse<String> get = served.get("/articles/published/");
        String raw = served.raw("HEAD /articles/published/ HTTP/1.1");
        assertThat(ServedSite.statusOf(raw)).isEqualTo(200);
        int end = raw.indexOf("\r\n\r\n");
        assertThat(end).isPositive();
        assertThat(raw.substring(end + 4)).as("nothing after the headers").isEmpty();
        String headers = raw.substring(0, end).toLowerCase(Locale.ROOT);
        assertThat(headers)
                .contains("content-length: " + get.body().getBytes(StandardCharsets.UTF_8).length)
                .contains("content-type: text/html; charset=utf-8")
                .contains("etag: " + get.headers().firstValue("ETag").orElseThrow());

        String missing = served.raw("HEAD /nothing/here/ HTTP/1.1");
        assertThat(ServedSite.statusOf(missing)).isEqualTo(404);
        assertThat(missing.substring(missing.indexOf("\r\n\r\n") + 4)).isEmpty();
    }

    @Test
    void otherMethodsAreRefused() throws Exception {
        HttpResponse<String> post = served.send("POST", "/");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    }
}
