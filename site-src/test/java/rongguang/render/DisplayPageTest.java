package rongguang.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import rongguang.Generator;
import rongguang.model.City;
import rongguang.problems.Problems;
import rongguang.testing.HtmlChecker;
import rongguang.testing.TestSite;

/** The display page as built from the sample site: its slides, its settings, its version stamp, valid HTML. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisplayPageTest {
    Path out;
    Generator.Result result;
    Document page;

    @BeforeAll
    void build(@TempDir Path tmp) throws IOException {
        out = tmp.resolve("output");
        Problems problems = new Problems();
        result = TestSite.build(TestSite.SAMPLE, out, false, problems);
        assertThat(problems.hasErrors()).isFalse();
        page = Jsoup.parse(out.resolve("display/index.html").toFile(), "UTF-8");
    }

    @Test
    void everySlideIsInThePageAndTheFirstIsShownWithoutScript() {
        List<City> honoured = result.site().cities().stream().filter(c -> !c.honors().isEmpty()).toList();
        assertThat(page.select(".slide[data-kind=cities]")).hasSize(honoured.size());
        assertThat(page.select(".slide[data-kind=cities] .slide-title").eachText())
                .containsExactlyElementsOf(honoured.stream().map(City::name).toList());
        assertThat(page.select(".slide[data-kind=exemplars]")).hasSize(result.site().exemplars().size());
        assertThat(page.select(".slide.is-active")).hasSize(1);
        assertThat(page.select(".slide").first().hasClass("is-active")).isTrue();
        // streaks are spelt out: 邯郸 is 九连冠, 十堰 八连冠
        Element handan = page.selectFirst(".slide[aria-label=邯郸市]");
        assertThat(handan.selectFirst(".lead-honor-count").text()).isEqualTo("九连冠");
        assertThat(handan.select(".slide-stats div")).hasSizeBetween(1, 3);
        // exemplars without a photo get the emblem with their initial
        Element tian = page.selectFirst(".slide[aria-label=田俊岭]");
        assertThat(tian.selectFirst("svg.emblem text").text()).isEqualTo("田");
        assertThat(tian.selectFirst(".slide-kicker").text()).isEqualTo("最美拥军人物 · 邯郸市");
        assertThat(page.getElementById("deck-count").text()).isEqualTo("1 / " + page.select(".slide").size());
    }

    @Test
    void theLatestHonorsComeNewestFirstSixToASlide() {
        List<String> years = page.select(".slide[data-kind=honors] .recent-year").eachText();
        assertThat(years).isNotEmpty().isSortedAccordingTo((a, b) -> b.compareTo(a));
        for (Element slide : page.select(".slide[data-kind=honors]")) assertThat(slide.select(".recent li")).hasSizeBetween(1, 6);
        assertThat(page.select(".slide[data-kind=honors] .recent li").eachText()).contains("2020 十堰市 全国双拥模范城 八连冠");
    }

    @Test
    void theIntervalAndTheVersionComeWithThePage() throws IOException {
        ObjectMapper json = new ObjectMapper();
        int interval = json.readTree(TestSite.SAMPLE.resolve("content/site.json").toFile()).get("display").get("interval").asInt();
        Element deck = page.getElementById("deck");
        assertThat(deck.attr("data-interval")).isEqualTo(String.valueOf(interval));
        String version = json.readTree(out.resolve("display/version.json").toFile()).get("version").asText();
        assertThat(version).matches("[0-9a-f]{32}");
        assertThat(deck.attr("data-version")).isEqualTo(version);
        assertThat(page.selectFirst("h1.deck-title").text()).isEqualTo("双拥荣誉展示");
    }

    @Test
    void itNeedsNothingBeyondTheSite() throws IOException {
        for (Element e : page.select("[src], [href]")) {
            String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            if (e.tagName().equals("link") && e.attr("rel").equals("canonical")) continue;
            assertThat(url).as(e.outerHtml()).doesNotContain(":").doesNotStartWith("/");
        }
        var scripts = page.select("script[src]").eachAttr("src");
        assertThat(scripts).hasSize(1);
        assertThat(scripts.get(0)).matches("\\.\\./assets/display\\.[0-9a-f]{8}\\.js");
        assertThat(out.resolve("display").resolve(scripts.get(0)).normalize()).isRegularFile();
        assertThat(Files.exists(out.resolve("assets/display.js"))).isTrue();
        assertThat(Files.exists(out.resolve("assets/display.css"))).isTrue();
        assertThat(Files.readString(out.resolve("assets/display.js"))).doesNotContain("http:", "https:");
    }

    @Test
    void aSiteWithNothingToShowStillHasAScreenToShow(@TempDir Path tmp) throws IOException {
        TestSite empty = TestSite.create(tmp.resolve("site"), 10);
        Path emptyOut = tmp.resolve("output");
        empty.build(emptyOut, false, new Problems());
        Document doc = Jsoup.parse(emptyOut.resolve("display/index.html").toFile(), "UTF-8");
        assertThat(doc.select(".slide")).hasSize(1);
        assertThat(doc.selectFirst(".slide.is-active .slide-title").text()).isEqualTo("测试双拥网");
        assertThat(new HtmlChecker().errors(emptyOut.resolve("display/index.html"))).isEmpty();
    }

    @Test
    void anExemplarWithAPhotoIsShownWithIt(@TempDir Path tmp) throws IOException {
        TestSite small = TestSite.create(tmp.resolve("site"), 10)
                .write("content/media/photos/li.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>")
                .write("content/data/exemplars/li.json", """
                        {"id": "li", "name": "李明", "category": "最美退役军人", "summary": "一句话。",
                         "photo": "photos/li.svg"}
                        """);
        Path smallOut = tmp.resolve("output");
        small.build(smallOut, false, new Problems());
        Document doc = Jsoup.parse(smallOut.resolve("display/index.html").toFile(), "UTF-8");
        Element photo = doc.selectFirst(".slide[aria-label=李明] img.photo");
        assertThat(photo.attr("src")).isEqualTo("../media/photos/li.svg");
        assertThat(photo.attr("alt")).isEqualTo("李明的照片");
        assertThat(doc.select(".slide[aria-label=李明] svg.emblem")).isEmpty();
        assertThat(Files.exists(smallOut.resolve("media/photos/li.svg"))).isTrue();
    }

    @Test
    void theVersionChangesWithTheDisplaysThemeFilesAndNotWithOthers(@TempDir Path tmp) throws IOException {
        Path site = tmp.resolve("site");
        TestSite.copySample(site);
        Path version = tmp.resolve("output/display/version.json");
        TestSite.build(site, tmp.resolve("output"), false, new Problems());
        String first = Files.readString(version);
        assertThat(first).isEqualTo(Files.readString(out.resolve("display/version.json")));

        Path article = site.resolve("templates/article.ftlh");
        Files.writeString(article, Files.readString(article) + "<#-- changed -->\n");
        TestSite.build(site, tmp.resolve("output"), false, new Problems());
        assertThat(Files.readString(version)).isEqualTo(first);

        Path css = site.resolve("templates/assets/display.css");
        Files.writeString(css, Files.readString(css) + "/* changed */\n");
        TestSite.build(site, tmp.resolve("output"), false, new Problems());
        assertThat(Files.readString(version)).isNotEqualTo(first);
    }

    @Test
    void thePageIsValidHtml() throws IOException {
        assertThat(new HtmlChecker().errors(out.resolve("display/index.html"))).isEmpty();
    }
}
