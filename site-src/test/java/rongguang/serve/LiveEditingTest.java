package rongguang.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.problems.Problems;
import rongguang.testing.TestSite;

/** A site served while it is edited: every change shows in the served pages, mistakes in an overlay. */
class LiveEditingTest {
    @TempDir
    Path tmp;

    ServedSite served;

    @AfterEach
    void stop() throws IOException {
        if (served != null) served.close();
    }

    private ServedSite serve(TestSite site) throws IOException {
        served = ServedSite.start(site);
        return served;
    }

    private static boolean hasOverlay(HttpResponse<String> page) {
        return page.body().contains("id=\"rongguang-overlay\"");
    }

    @Test
    void editsAdditionsAndDeletionsShowInTheServedPages() throws Exception {
        TestSite site = TestSite.create(tmp.resolve("site"), 10).article("first", "第一篇", "2025-01-01");
        serve(site);
        assertThat(served.get("/articles/first/").body()).contains("第一篇");

        site.article("first", "改过的第一篇", "2025-01-01");
        served.awaitPage("/articles/first/", "the new title", r -> r.body().contains("改过的第一篇"));

        site.article("second", "新加的第二篇", "2025-01-02");
        served.awaitPage("/articles/second/", "the new article", r -> r.statusCode() == 200);
        assertThat(served.get("/articles/").body()).contains("新加的第二篇");
        assertThat(served.get("/").body()).contains("新加的第二篇");

        Files.delete(site.dir().resolve("content/articles/second.md"));
        served.awaitPage("/articles/second/", "a 404", r -> r.statusCode() == 404);
        assertThat(served.get("/articles/").body()).doesNotContain("新加的第二篇");

        Path template = site.dir().resolve("templates/article.ftlh");
        Files.writeString(template, Files.readString(template).replace("</@layout.frame>",
                "<p class=\"template-marker\">模板改了</p>\n</@layout.frame>"));
        served.awaitPage("/articles/first/", "the template change", r -> r.body().contains("模板改了"));
        assertThat(served.warnings).isEmpty();
    }

    @Test
    void foldersCreatedRenamedAndDeletedAreFollowed() throws Exception {
        TestSite site = TestSite.create(tmp.resolve("site"), 10).article("first", "第一篇", "2025-01-01");
        serve(site);

        site.write("content/articles/2027/deep/nested.md", "---\ntitle: 新文件夹里的文章\ndate: 2025-01-03\n---\n\n正文。\n");
        served.awaitPage("/articles/nested/", "the article in a new folder", r -> r.statusCode() == 200);

        Path articles = site.dir().resolve("content/articles");
        Files.move(articles.resolve("2027"), articles.resolve("2028"));
        site.write("content/articles/2028/deep/nested.md", "---\ntitle: 改名后的文件夹里改过\ndate: 2025-01-03\n---\n\n正文。\n");
        served.awaitPage("/articles/nested/", "the edit in the renamed folder", r -> r.body().contains("改名后的文件夹里改过"));

        site.write("content/articles/2028/deep/deeper/more.md", "---\ntitle: 更深一层\ndate: 2025-01-04\n---\n\n正文。\n");
        served.awaitPage("/articles/more/", "the article two levels down", r -> r.statusCode() == 200);

        try (Stream<Path> walk = Files.walk(articles.resolve("2028"))) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        served.awaitPage("/articles/nested/", "a 404 after the folder went", r -> r.statusCode() == 404);
        assertThat(served.get("/articles/more/").statusCode()).isEqualTo(404);
        assertThat(served.get("/articles/first/").statusCode()).isEqualTo(200);
    }

    @Test
    void savesThroughATemporaryFileAndAFolderMovedAwayAreFollowed() throws Exception {
        TestSite site = TestSite.create(tmp.resolve("site"), 10).article("first", "第一篇", "2025-01-01");
        site.write("content/articles/old/kept.md", "---\ntitle: 旧文件夹里的文章\ndate: 2025-01-02\n---\n\n正文。\n");
        serve(site);
        assertThat(served.get("/articles/kept/").statusCode()).isEqualTo(200);

        // as many editors save: the new text goes to a temporary file, which is then renamed over the article
        Path article = site.dir().resolve("content/articles/first.md");
        Path temporary = site.dir().resolve("content/articles/first.md.tmp~");
        Files.writeString(temporary, Files.readString(article).replace("第一篇", "经临时文件保存的第一篇"));
        Files.move(temporary, article, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        served.awaitPage("/articles/first/", "the saved text", r -> r.body().contains("经临时文件保存的第一篇"));

        // moved out of the site: the watcher sees the folder go, not the files in it
        Files.move(site.dir().resolve("content/articles/old"), tmp.resolve("old-elsewhere"));
        served.awaitPage("/articles/kept/", "a 404 after the folder went", r -> r.statusCode() == 404);
        assertThat(served.get("/articles/").body()).doesNotContain("旧文件夹里的文章");
    }

    @Test
    void eachGoodBuildSendsAReloadEventWithANewVersion() throws Exception {
        TestSite site = TestSite.create(tmp.resolve("site"), 10).article("first", "第一篇", "2025-01-01");
        serve(site);
        String pageVersion = scriptVersion(served.get("/articles/first/"));
        try (EventStream events = new EventStream(served.uri("/__rongguang/events"))) {
            // on connecting, the page learns the current version: its own, so no reload
            EventStream.Event hello = events.await("reload");
            assertThat(hello.data()).contains("\"version\":\"" + pageVersion + "\"").contains("\"ok\":true");

            site.article("first", "第一篇（改）", "2025-01-01");
            EventStream.Event reload = events.await("reload");
            assertThat(reload.data()).doesNotContain(pageVersion).contains("\"ok\":true");
            String newVersion = reload.data().replaceAll(".*\"version\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> page = served.get("/articles/first/");
            assertThat(scriptVersion(page)).isEqualTo(newVersion);
            assertThat(page.body()).contains("第一篇（改）");
        }
    }

    @Test
    void aSaveReloadsThePagesOnceAndTheSearchIndexFollows() throws Exception {
        TestSite site = TestSite.create(tmp.resolve("site"), 10).article("first", "第一篇", "2025-01-01");
        serve(site);
        String doc = "/search/doc/" + searchDocumentOf("articles/first/") + ".json";
        assertThat(served.get(doc).body()).doesNotContain("蓝鲸");
        try (EventStream events = new EventStream(served.uri("/__rongguang/events"))) {
            events.await("reload");
            int builds = served.outcomes.size();
            site.write("content/articles/first.md", "---\ntitle: 第一篇\ndate: 2025-01-01\n---\n\n正文里有新添的词语蓝鲸。\n");

            // the reload is sent once the pages are in place, the search index is written after it
            events.await("reload");
            assertThat(served.get("/articles/first/").body()).contains("蓝鲸");
            served.awaitPage(doc, "the search index", r -> r.body().contains("蓝鲸"));
            assertThat(served.awaitOutcomes(builds + 1)).hasSize(builds + 1).last().extracting(Outcome::ok).isEqualTo(true);
            assertThat(events.next(java.time.Duration.ofMillis(300))).as("one reload for one build").isNull();
        }
    }

    /** The number of the search index's document for a page. */
    private int searchDocumentOf(String url) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        int count = 0;
        for (com.fasterxml.jackson.databind.JsonNode kind : json.readTree(served.get("/search/index/meta.json").body())
                .path("kinds")) {
            count += kind.path("count").asInt();
        }
        for (int n = 0; n < count; n++) {
            if (json.readTree(served.get("/search/doc/" + n + ".json").body()).path("url").asText().equals(url)) return n;
        }
        throw new AssertionError("no search document for " + url);
    }

    @Test
    void aBrokenFrontMatterShowsTheOverlayWhileTheLastGoodPagesAreServedThenAFixClearsIt() throws Exception {
        TestSite site = TestSite.create(tmp.resolve("site"), 10)
                .article("a", "好的文章", "2025-01-01")
                .article("b", "另一篇", "2025-01-02");
        serve(site);
        assertThat(hasOverlay(served.get("/articles/a/"))).isFalse();

        try (EventStream events = new EventStream(served.uri("/__rongguang/events"))) {
            events.await("reload");
            site.write("content/articles/a.md", "---\ntitle: 坏了的标题\ndate: 2025-01-01\ntags: [一, 二\n---\n\n正文。\n");

            EventStream.Event problems = events.await("problems");
            assertThat(problems.data()).contains("content/articles/a.md:4:7: 错误: YAML 语法错误").contains("\"ok\":false");

            HttpResponse<String> page = served.awaitPage("/articles/a/", "the overlay", LiveEditingTest::hasOverlay);
            Document doc = Jsoup.parse(page.body());
            Element overlay = doc.getElementById("rongguang-overlay");
            assertThat(overlay.select("li").eachText()).hasSize(1).first().asString()
                    .startsWith("content/articles/a.md:4:7: 错误: YAML 语法错误");
            assertThat(overlay.text()).contains("预览构建失败：1 个错误，0 个警告");
            // the last good page, under the overlay
            assertThat(doc.select("h1").text()).isEqualTo("好的文章");
            assertThat(page.body()).doesNotContain("坏了的标题");
            assertThat(hasOverlay(served.get("/articles/b/"))).isTrue();
            assertThat(hasOverlay(served.get("/no/such/page/"))).isTrue();
            assertThat(served.get("/articles/b/").statusCode()).isEqualTo(200);

            site.write("content/articles/a.md", "---\ntitle: 修好的标题\ndate: 2025-01-01\ntags: [一, 二]\n---\n\n正文。\n");
            events.await("reload");
            HttpResponse<String> fixed = served.awaitPage("/articles/a/", "the fix", r -> !hasOverlay(r));
            assertThat(fixed.body()).contains("修好的标题");
            assertThat(hasOverlay(served.get("/articles/b/"))).isFalse();
        }
        assertThat(served.awaitOutcomes(3)).extracting(Outcome::ok).containsSubsequence(true, false, true);
    }

    @Test
    void problemsInTheOverlayAreEscaped() throws Exception {
        TestSite site = TestSite.create(tmp.resolve("site"), 10).article("a", "好的文章", "2025-01-01");
        serve(site);
        site.write("content/articles/a.md",
                "---\ntitle: 标题\ndate: 2025-13-01\n\"<img src=x onerror=alert(1)>\": 1\n---\n\n正文。\n");
        HttpResponse<String> page = served.awaitPage("/articles/a/", "the overlay", LiveEditingTest::hasOverlay);
        Element overlay = Jsoup.parse(page.body()).getElementById("rongguang-overlay");
        assertThat(overlay.select("img, script")).isEmpty();
        assertThat(overlay.select("li").eachText())
                .anySatisfy(t -> assertThat(t).contains("<img src=x onerror=alert(1)>"))
                .anySatisfy(t -> assertThat(t).startsWith("content/articles/a.md:3:7: 错误:"));
    }

    @Test
    void whenTheFirstBuildFailsAPlaceholderWithTheOverlayIsServedUntilAFix() throws Exception {
        TestSite site = TestSite.create(tmp.resolve("site"), 10);
        site.write("content/articles/a.md", "---\ntitle: 标题\ndate: 2025-02-30\n---\n\n正文。\n");
        serve(site);
        assertThat(served.outcomes).extracting(Outcome::ok).containsExactly(false);
        HttpResponse<String> placeholder = served.get("/articles/a/");
        assertThat(placeholder.statusCode()).isEqualTo(503);
        assertThat(placeholder.body()).contains("content/articles/a.md:3:7: 错误:").contains("/__rongguang/live.js");

        site.article("a", "修好了", "2025-02-28");
        served.awaitPage("/articles/a/", "the fixed page", r -> r.statusCode() == 200 && r.body().contains("修好了"));
        assertThat(hasOverlay(served.get("/articles/a/"))).isFalse();
    }

    @Test
    void serveNeverWritesToTheSiteOrItsOutput() throws Exception {
        TestSite site = TestSite.create(tmp.resolve("site"), 10).article("a", "第一篇", "2025-01-01");
        Path output = site.dir().resolve("output");
        site.build(output, false, new Problems());
        Map<String, byte[]> before = TestSite.snapshot(output);
        List<String> siteEntries = entries(site.dir());

        serve(site);
        site.article("a", "改过的第一篇", "2025-01-01").article("draft", "草稿文章", "2025-01-02", "draft: true");
        served.awaitPage("/articles/draft/", "the draft", r -> r.statusCode() == 200);
        site.write("content/articles/a.md", "---\ntitle: [坏\n---\n");
        served.awaitPage("/articles/a/", "the overlay", LiveEditingTest::hasOverlay);
        Path previewFolder = served.folder.dir();
        served.close();
        served = null;

        Map<String, byte[]> after = TestSite.snapshot(output);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((f, bytes) -> assertThat(after.get(f)).as(f).isEqualTo(bytes));
        assertThat(entries(site.dir())).isEqualTo(siteEntries);
        assertThat(previewFolder).doesNotExist();
    }

    @Test
    void eventStreamsAreDroppedWhenPagesGoAway() throws Exception {
        serve(TestSite.create(tmp.resolve("site"), 10).article("a", "第一篇", "2025-01-01"));
        EventStream one = new EventStream(served.uri("/__rongguang/events"));
        EventStream two = new EventStream(served.uri("/__rongguang/events"));
        one.await("reload");
        two.await("reload");
        ServedSite.await("two listeners", () -> served.server.listeners() == 2);

        // a tab closed without a word: the socket just goes away
        try (Socket tab = new Socket("127.0.0.1", served.port())) {
            tab.getOutputStream().write("GET /__rongguang/events HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            tab.getInputStream().read();
            ServedSite.await("three listeners", () -> served.server.listeners() == 3);
        }
        one.close();
        two.close();
        ServedSite.await("no listener left", () -> served.server.listeners() == 0);
    }

    @Test
    void closingStopsListeningAndEndsEventStreams() throws Exception {
        serve(TestSite.create(tmp.resolve("site"), 10).article("a", "第一篇", "2025-01-01"));
        int port = served.port();
        Path previewFolder = served.folder.dir();
        try (EventStream events = new EventStream(served.uri("/__rongguang/events"))) {
            events.await("reload");
            served.close();
            served = null;
            events.ended().get(ServedSite.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(previewFolder).doesNotExist();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            throw new AssertionError("the port still accepts connections");
        } catch (ConnectException expected) {
            // nobody listens any more
        }
    }

    private static String scriptVersion(HttpResponse<String> page) {
        String src = Jsoup.parse(page.body()).select("script[src^=/__rongguang/live.js]").attr("src");
        return src.substring(src.indexOf("?v=") + 3);
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
