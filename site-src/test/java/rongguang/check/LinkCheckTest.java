package rongguang.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.problems.Place;

/** Links of generated pages, on an output folder written by hand, reported at their place in the page. */
class LinkCheckTest {
    private static final String HOME = """
            <!DOCTYPE html><html><head>
            <link rel="stylesheet" href="assets/style.css?v=2">
            <link rel="canonical" href="https://x.example.gov.cn/sy/">
            </head><body><a href="#main">跳到正文</a><main id="main">
            <a href="articles/">文章</a> <a href="articles">没有斜杠</a> <a href="./articles/a/?page=2#sec">查询和锚点</a>
            <a href="articles/a/#old">a[name]</a> <a href="/sy/media/%E7%85%A7%E7%89%87.jpg">编码的路径</a>
            <img src="media/照片.jpg" srcset="media/照片.jpg 1x, media/big.jpg 2x" alt="照片">
            <a href="articles/b/">不存在</a>
            <a href="/other/">根路径之外</a> <a href="../up.html">根目录之外</a>
            <a href="https://example.org/x">外部</a> <a href="mailto:a@b.cn">邮件</a> <a href="https://x.example.gov.cn/sy/articles/">本站的绝对地址</a>
            <img src="media/照片.jpg">
            <a href="#nowhere">本页没有的锚点</a> <a href="articles/a/#missing">别页没有的锚点</a> <a href="#top">页首</a>
            </main></body></html>
            """;
    private static final String ARTICLE = """
            <!DOCTYPE html><html><head><link rel="stylesheet" href="../../assets/style.css"></head><body>
            <h2 id="sec">一节</h2><a name="old"></a>
            <a href="../b/">不存在</a> <a href="https://example.org/x">外部</a>
            </body></html>
            """;

    @TempDir
    Path out;

    @BeforeEach
    void writeOutput() throws IOException {
        write("index.html", HOME);
        write("articles/index.html", "<!DOCTYPE html><html><body><a href=\"a/\">一篇</a></body></html>");
        write("articles/a/index.html", ARTICLE);
        write("assets/style.css", "body{}");
        write("media/照片.jpg", "");
    }

    private void write(String file, String text) throws IOException {
        Files.createDirectories(out.resolve(file).getParent());
        Files.writeString(out.resolve(file), text);
    }

    private LinkCheck.Result check(Findings findings, Map<String, Place> menu) throws IOException {
        return new LinkCheck(out, "output", "https://x.example.gov.cn/sy/", findings, null, menu).run();
    }

    @Test
    void brokenLinksFragmentsAndImagesAreFoundAtTheirPlace() throws IOException {
        Findings findings = new Findings(CheckConfig.defaults());
        LinkCheck.Result result = check(findings, Map.of());

        assertThat(findings.sorted()).extracting(f -> f.file() + ":" + f.line() + ":" + f.column() + " " + f.rule().id()
                + " " + f.text()).containsExactly(
                "output/articles/a/index.html:3:10 link ../b/",
                "output/index.html:7:33 link media/big.jpg",
                "output/index.html:9:10 link /other/",
                "output/index.html:9:38 link ../up.html",
                "output/index.html:12:10 fragment #nowhere",
                "output/index.html:12:41 fragment articles/a/#missing",
                "output/index.html:11:11 image-alt media/照片.jpg");
        assertThat(findings.sorted().get(0).message()).contains("articles/b/ 不存在", "共 2 个页面有此问题");
        assertThat(findings.sorted().stream().filter(f -> f.rule() == Rule.IMAGE_ALT).findFirst().orElseThrow().severity())
                .isEqualTo(rongguang.problems.Severity.WARNING);
        assertThat(result.pages()).isEqualTo(3);
        assertThat(result.external()).containsExactly(new ExternalLink("https://example.org/x", 2, "output/articles/a/index.html"));
    }

    @Test
    void aBrokenMenuLinkIsReportedWhereTheMenuIsWritten() throws IOException {
        Findings findings = new Findings(CheckConfig.defaults());
        Place nav = new Place("content/site.json", 5, 30);
        check(findings, Map.of("articles/b/", nav));
        Finding menu = findings.sorted().get(0);
        assertThat(menu.file() + ":" + menu.line() + ":" + menu.column()).isEqualTo("content/site.json:5:30");
        assertThat(menu.message()).isEqualTo("菜单链接指向的 articles/b/ 不存在（2 个页面的菜单里都有它）");
    }

    @Test
    void urlsResolveLikeABrowserDoes() {
        LinkTargets t = new LinkTargets("https://x.example.gov.cn/sy/");
        assertThat(t.resolve("../b/c.html?x=1#y", "articles/a/index.html"))
                .isEqualTo(new LinkTargets.Internal("articles/b/c.html", "y"));
        assertThat(t.resolve("", "articles/a/index.html")).isEqualTo(new LinkTargets.Internal("articles/a/index.html", null));
        assertThat(t.resolve("#%E4%B8%80", "index.html")).isEqualTo(new LinkTargets.Internal("index.html", "一"));
        assertThat(t.resolve("/sy/", "index.html")).isEqualTo(new LinkTargets.Internal("", null));
        assertThat(t.resolve("https://x.example.gov.cn/sy/a/./b/../", "index.html")).isEqualTo(new LinkTargets.Internal("a/", null));
        assertThat(t.resolve("//cdn.example.org/x.js", "index.html")).isInstanceOf(LinkTargets.External.class);
        assertThat(t.resolve("tel:123", "index.html")).isInstanceOf(LinkTargets.Ignored.class);
        assertThat(t.resolve("/x/", "index.html")).isInstanceOf(LinkTargets.Outside.class);
        assertThat(t.resolve("../../x", "a/index.html")).isInstanceOf(LinkTargets.Outside.class);
        assertThat(LinkCheck.srcset("a.jpg 1x, b.jpg 2x,c,d.jpg 640w")).isEqualTo(List.of("a.jpg", "b.jpg", "c,d.jpg"));
    }
}
