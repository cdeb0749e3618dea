package rongguang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import rongguang.testing.SampleInBrowser;

/**
 * The charts as Chromium draws them with real fonts: every label inside its drawing, no two year labels on top of
 * each other; the print stylesheet leaves out menu, breadcrumb and footer. Screenshots and print-outs (PDF) go to
 * target/screenshots/.
 */
class ChartBrowserTest {
    static final Path SHOTS = Path.of("target/screenshots");
    @RegisterExtension
    static final SampleInBrowser served = new SampleInBrowser(null, 1280, 1400);

    /** Labels of each chart that stick out of its viewBox, or overlap another label of the same chart. */
    private static final String MISPLACED = """
            var out = [];
            document.querySelectorAll('svg.chart-svg').forEach(function (svg) {
              var vb = svg.viewBox.baseVal, boxes = [];
              svg.querySelectorAll('text').forEach(function (t) {
                var b = t.getBBox();
                if (b.x < -0.5 || b.y < -0.5 || b.x + b.width > vb.width + 0.5 || b.y + b.height > vb.height + 0.5)
                  out.push(svg.id + ' "' + t.textContent + '" outside the drawing');
                boxes.push([t.textContent, b]);
              });
              for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
                var a = boxes[i][1], c = boxes[j][1];
                if (a.x < c.x + c.width - 0.5 && c.x < a.x + a.width - 0.5 && a.y < c.y + c.height - 0.5 && c.y < a.y + a.height - 0.5)
                  out.push('"' + boxes[i][0] + '" overlaps "' + boxes[j][0] + '"');
              }
            });
            return out;
            """;

    @Test
    void theHonorRollChart() throws Exception {
        served.browser().resizeViewport(1280, 1400);
        served.browser().get(served.sample().url("cities/"));
        assertThat(served.browser().<List<String>>script(MISPLACED)).isEmpty();
        assertThat(served.browser().<Long>script("return document.querySelectorAll('svg.chart-bars g.chart-bar rect').length")).isEqualTo(22);
        // the bars take the theme's red
        assertThat(served.browser().<String>script("return getComputedStyle(document.querySelector('.chart-bar rect')).fill")).isEqualTo("rgb(183, 28, 28)");
        served.browser().screenshot(SHOTS.resolve("cities.png"));
        assertThat(served.browser().severeLogs()).isEmpty();
    }

    @Test
    void aCityTimelineAndTheMerchantCharts() throws Exception {
        served.browser().resizeViewport(1280, 1000);
        for (String city : List.of("shiyan", "qingyang", "hanzhong", "zhangye")) {
            served.browser().get(served.sample().url("cities/" + city + "/"));
            assertThat(served.browser().<List<String>>script(MISPLACED)).as(city).isEmpty();
        }
        served.browser().get(served.sample().url("cities/shiyan/"));
        served.browser().screenshot(SHOTS.resolve("city.png"));

        served.browser().get(served.sample().url("merchants/"));
        assertThat(served.browser().<List<String>>script(MISPLACED)).isEmpty();
        served.browser().script("document.getElementById('merchant-charts-title').scrollIntoView()");
        served.browser().screenshot(SHOTS.resolve("merchants-charts.png"));
    }

    @Test
    void theHonorRollAndAnExemplarPrintWithoutTheSiteChrome() throws Exception {
        served.browser().resizeViewport(1280, 1400);
        for (String path : List.of("cities/", "exemplars/tian-junling/")) {
            served.browser().get(served.sample().url(path));
            served.browser().driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            for (String hidden : List.of(".mainnav", ".sitefoot", ".breadcrumb", ".skip-link")) {
                assertThat(served.browser().<String>script("var e = document.querySelector(arguments[0]); return e ? getComputedStyle(e).display : 'none'", hidden))
                        .as(path + " " + hidden).isEqualTo("none");
            }
            assertThat(served.browser().<String>script("return getComputedStyle(document.querySelector('.brand-title')).display")).isNotEqualTo("none");
            assertThat(served.browser().<String>script("return getComputedStyle(document.querySelector('h1')).display")).isNotEqualTo("none");
            String name = path.equals("cities/") ? "cities-print" : "exemplar-print";
            served.browser().screenshot(SHOTS.resolve(name + ".png"));
            served.browser().driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

            PrintOptions a4 = new PrintOptions();
            a4.setPageSize(new PageSize(29.7, 21.0));
            a4.setBackground(true);
            byte[] pdf = Base64.getDecoder().decode(served.browser().driver().print(a4).getContent());
            Files.write(SHOTS.resolve(name + "-a4.pdf"), pdf);
            int pages = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).split("/Type\\s*/Page[^s]", -1).length - 1;
            System.out.println(path + " prints on " + pages + " A4 pages");
            assertThat(pages).isPositive();
            if (path.startsWith("exemplars/")) assertThat(pages).isEqualTo(1);
        }
    }
}
