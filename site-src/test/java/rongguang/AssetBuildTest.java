package rongguang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.problems.Problems;
import rongguang.testing.TestSite;

/** The theme's assets in a built site: minified, named by their hash, referred to by that name, nothing stale. */
class AssetBuildTest {
    private static final Pattern HASHED_CSS = Pattern.compile("assets/style\\.[0-9a-f]{8}\\.css");

    @TempDir
    Path tmp;

    private TestSite site() throws IOException {
        return TestSite.create(tmp.resolve("site"), 20).article("hao", "一篇好文章", "2024-05-01");
    }

    private static String stylesheetOf(Path page) throws IOException {
        Document doc = Jsoup.parse(page.toFile(), "UTF-8");
        return doc.selectFirst("link[rel=stylesheet]").attr("href");
    }

    @Test
    void pagesReferToTheHashedMinifiedFiles() throws IOException {
        Path out = tmp.resolve("out");
        site().build(out, false, new Problems());

        assertThat(stylesheetOf(out.resolve("index.html"))).matches(HASHED_CSS.pattern());
        String fromArticle = stylesheetOf(out.resolve("articles/hao/index.html"));
        assertThat(fromArticle).startsWith("../../assets/style.");
        Path css = out.resolve("articles/hao").resolve(fromArticle).normalize();
        assertThat(css).isRegularFile();
        String minified = Files.readString(css);
        assertThat(minified).doesNotContain("/*").doesNotContain("\n  ");
        assertThat(minified.length()).isLessThan(Files.readString(TestSite.SAMPLE.resolve("templates/assets/style.css")).length());
        assertThat(out.resolve("assets/style.css")).as("also under its own name").hasContent(minified);
        assertThat(out.resolve("assets/favicon.svg")).isRegularFile();

        String notFound = Files.readString(out.resolve("404.html"));
        assertThat(notFound).contains("href=\"/sy/assets/style.");
        Document merchants = Jsoup.parse(out.resolve("merchants/index.html").toFile(), "UTF-8");
        assertThat(merchants.selectFirst("script[src*=merchants]").attr("src")).matches("\\.\\./assets/merchants\\.[0-9a-f]{8}\\.js");
    }

    @Test
    void everyAssetReferenceOfTheSampleSiteIsHashed() throws IOException {
        Path out = tmp.resolve("sample");
        TestSite.build(TestSite.SAMPLE, out, false, new Problems());
        Pattern reference = Pattern.compile("(?:href|src)=\"[^\"]*assets/([^\"]+)\"");
        for (String file : TestSite.files(out)) {
            if (!file.endsWith(".html")) continue;
            Matcher m = reference.matcher(Files.readString(out.resolve(file), StandardCharsets.UTF_8));
            while (m.find()) {
                assertThat(m.group(1)).as(file + " refers to an asset by its plain name; use asset(\"…\")")
                        .matches(".+\\.[0-9a-f]{8}(\\.[a-z0-9]+)?");
                assertThat(out.resolve("assets/" + m.group(1))).as(file).isRegularFile();
            }
        }
    }

    @Test
    void anEditedStylesheetLeavesNoOldFileBehind() throws IOException {
        TestSite site = site();
        Path out = tmp.resolve("out");
        Generator.Options options = new Generator.Options(site.dir(), out, TestSite.NOW, false, true, null);
        new Generator().build(options, new Problems());
        String before = stylesheetOf(out.resolve("index.html"));

        Path style = site.dir().resolve("templates/assets/style.css");
        Files.writeString(style, Files.readString(style) + "\n.x { color: red }\n");
        Generator.Result again = new Generator().build(options, new Problems());

        String after = stylesheetOf(out.resolve("index.html"));
        assertThat(after).isNotEqualTo(before);
        assertThat(again.written()).as("every HTML page refers to the stylesheet").isGreaterThan(5);
        List<String> styles = TestSite.files(out.resolve("assets")).stream().filter(f -> f.startsWith("style.")).toList();
        assertThat(styles).containsExactlyInAnyOrder("style.css", after.substring("assets/".length()));
        assertThat(out.resolve(after)).content().contains(".x{color:red}");
    }

    @Test
    void theSameInputGivesTheSameAssets() throws IOException {
        TestSite site = site();
        site.build(tmp.resolve("a"), false, new Problems());
        site.build(tmp.resolve("b"), false, new Problems());
        assertThat(TestSite.snapshot(tmp.resolve("a/assets"))).usingRecursiveComparison()
                .isEqualTo(TestSite.snapshot(tmp.resolve("b/assets")));
    }
}
