package rongguang.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import rongguang.problems.Problems;
import rongguang.testing.HtmlChecker;
import rongguang.testing.TestSite;

/**
 * The charts in the built sample site: inline SVG with a title, a description and a data table, as many bars as the
 * data files call for (counted here from the JSON, not from the model), and valid HTML.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartPagesTest {
    Path out;

    @BeforeAll
    void build(@TempDir Path tmp) throws IOException {
        out = tmp.resolve("output");
        Problems problems = new Problems();
        TestSite.build(TestSite.SAMPLE, out, false, problems);
        assertThat(problems.hasErrors()).isFalse();
    }

    private Document page(String path) throws IOException {
        return Jsoup.parse(out.resolve(path + "index.html").toFile(), "UTF-8");
    }

    private static List<JsonNode> data(String kind) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestSite.SAMPLE.resolve("content/data/" + kind))) {
            for (Path f : files.sorted().toList()) {
                JsonNode node = json.readTree(f.toFile());
                if (node.isArray()) node.forEach(all::add); else all.add(node);
            }
        }
        return all;
    }

    /** The SVG is an accessible image named by its title and description, and its numbers are in a table. */
    private static void accessible(Element svg) {
        assertThat(svg.attr("role")).isEqualTo("img");
        String[] ids = svg.attr("aria-labelledby").split(" ");
        assertThat(ids).hasSize(2);
        assertThat(svg.selectFirst("title").id()).isEqualTo(ids[0]);
        assertThat(svg.selectFirst("title").text()).isNotBlank();
        assertThat(svg.selectFirst("desc").id()).isEqualTo(ids[1]);
        assertThat(svg.selectFirst("desc").text()).isNotBlank();
        assertThat(svg.parent().select("details.chart-data table tbody tr")).isNotEmpty();
    }

    @Test
    void theHonorRollHasABarForEachCityWithANationalTitle() throws IOException {
        List<JsonNode> cities = data("cities");
        long national = cities.stream().filter(c -> {
            for (JsonNode h : c.get("honors")) if (h.get("level").asText().equals("national")) return true;
            return false;
        }).count();
        assertThat(national).isEqualTo(22);

        Element svg = page("cities/").selectFirst("svg.chart-bars");
        accessible(svg);
        assertThat(svg.select("g.chart-bar rect")).hasSize((int) national);
        assertThat(svg.parent().select("details tbody tr")).hasSize((int) national);
        // ranked: the values never increase down the chart
        List<Integer> values = svg.parent().select("details tbody td.num").eachText().stream().map(Integer::valueOf).toList();
        assertThat(values).isSortedAccordingTo((a, b) -> b - a);
        assertThat(svg.select("g.chart-bar").first().text()).contains("9次");
    }

    @Test
    void theMerchantDirectoryCountsMerchantsPerCategoryAndPerCity() throws IOException {
        List<JsonNode> merchants = data("merchants");
        Set<String> categories = new TreeSet<>();
        Set<String> cities = new TreeSet<>();
        for (JsonNode m : merchants) {
            categories.add(m.get("category").asText());
            cities.add(m.get("city").asText());
        }
        Document doc = page("merchants/");
        Element byCategory = doc.getElementById("chart-merchant-categories-title").parent();
        Element byCity = doc.getElementById("chart-merchant-cities-title").parent();
        accessible(byCategory);
        accessible(byCity);
        assertThat(byCategory.select("g.chart-bar rect")).hasSize(categories.size());
        assertThat(byCity.select("g.chart-bar rect")).hasSize(cities.size());
        int total = byCity.parent().select("details tbody td.num").eachText().stream().mapToInt(Integer::parseInt).sum();
        assertThat(total).isEqualTo(merchants.size());
        long restaurants = merchants.stream().filter(m -> m.get("category").asText().equals("餐饮")).count();
        assertThat(byCategory.parent().select("details tbody tr").first().text()).isEqualTo("餐饮 " + restaurants);
    }

    @Test
    void aCityPageShowsItsHonorsOnATimelineWhereYearsAreGiven() throws IOException {
        JsonNode shiyan = data("cities").stream().filter(c -> c.get("id").asText().equals("shiyan")).findFirst().orElseThrow();
        int years = shiyan.get("honors").get(0).get("years").size();
        Element svg = page("cities/shiyan/").selectFirst("svg.chart-timeline");
        accessible(svg);
        assertThat(svg.select("circle.timeline-dot")).hasSize(years);
        assertThat(svg.select("text.timeline-year").eachText()).containsExactly(
                "1994", "1997", "2000", "2004", "2008", "2012", "2016", "2020");
        assertThat(svg.select("line.timeline-streak")).hasSize(1);
        assertThat(svg.select("text.chart-count").text()).isEqualTo("八连冠");

        // a city whose honors give no years has no timeline
        assertThat(page("cities/changsha/").select("svg.chart-timeline")).isEmpty();
    }

    @Test
    void thePagesWithChartsAreValidHtml() throws IOException {
        HtmlChecker checker = new HtmlChecker();
        for (String path : List.of("cities/", "cities/shiyan/", "cities/qingyang/", "cities/hanzhong/", "merchants/")) {
            assertThat(checker.errors(out.resolve(path + "index.html"))).as(path).isEmpty();
        }
    }
}
