package rongguang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import rongguang.testing.Axe;
import rongguang.testing.SampleInBrowser;

/**
 * axe-core finds no violation of WCAG 2.1 A and AA on any kind of page of the sample site, in the default theme
 * and in the high-contrast mode chosen with the accessibility toolbar.
 */
class AccessibilityTest {
    /** One page of each kind; articles with a cover, with tables and figures, and with footnotes. */
    static final List<String> PAGES = List.of(
            "",
            "articles/",
            "articles/page/2/",
            "articles/changsha-shuangyong-zhihua/",
            "articles/shushuo-shuangyong-yi-zhang-fugai-chengxiang-de-tuiyi-junren-fuwuwang/",
            "articles/youdaizheng-zenme-yong/",
            "columns/",
            "columns/shuangyong-dongtai/",
            "tags/",
            "tags/youdaizheng/",
            "cities/",
            "cities/handan/",
            "exemplars/",
            "exemplars/tian-junling/",
            "merchants/",
            "merchants/shumin-dayaofang/",
            "404.html");

    @RegisterExtension
    static final SampleInBrowser served = new SampleInBrowser("https://shuangyong.example.gov.cn/portal/", 1280, 800);
    static Axe axe;

    @BeforeAll
    static void start() throws Exception {
        axe = Axe.load();
    }

    /** Each test starts from a reader who has chosen nothing yet. */
    @BeforeEach
    void forgetChoices() {
        served.browser().get(served.sample().url("404.html"));
        served.browser().script("localStorage.clear()");
    }

    /**
     * The only text whose contrast axe cannot work out in the default theme, worked out by hand: white on the
     * header's red gradient (#8e1414 to #c62828, the menu bar darkened by 18 %), at least 5.6:1; the initial of a
     * portrait placeholder (large text) in #ffe08a on a gradient of the same reds, at least 4.3:1.
     */
    static final String GRADIENT = ".masthead, .portrait.placeholder";
    /**
     * Text in the build-time charts: axe cannot decide on text inside an {@code svg} drawing, so
     * {@link #CHART_TEXT} measures it against the chart's background instead.
     */
    static final String CHARTS = ".chart-svg";
    /** Each chart text whose fill has less than 4.5:1 against its chart's background, as {@code text: ratio}. */
    static final String CHART_TEXT = """
            function lum(c) {
              var m = c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map(function (v) {
                v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
              return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2];
            }
            var low = [];
            document.querySelectorAll('.chart-svg text').forEach(function (t) {
              var fig = t.closest('.chart'), bg = getComputedStyle(fig).backgroundColor;
              var a = lum(getComputedStyle(t).fill), b = lum(bg);
              var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
              if (ratio < 4.5) low.push(t.textContent + ': ' + ratio.toFixed(2) + ' (' + getComputedStyle(t).fill + ' on ' + bg + ')');
            });
            return low;
            """;

    static List<String> pages() {
        return PAGES;
    }

    @ParameterizedTest
    @MethodSource("pages")
    void noViolationsInTheDefaultTheme(String path) throws Exception {
        open(path);
        Axe.Report report = axe.run(served.browser(), GRADIENT + ", " + CHARTS);
        assertThat(report.violations()).as("axe-core on /%s", path).isEmpty();
        assertThat(report.undecidedContrast()).as("contrast axe could not decide on /%s", path).isEmpty();
        assertThat(served.browser().<List<String>>script(CHART_TEXT)).as("chart text on /%s", path).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void noViolationsInHighContrast(String path) throws Exception {
        open(path);
        served.browser().driver().findElement(By.cssSelector("#a11y-tools button[data-a11y=contrast]")).click();
        assertThat(served.browser().<String>script("return document.documentElement.className")).contains("rg-contrast");
        Axe.Report report = axe.run(served.browser(), CHARTS);
        assertThat(report.violations()).as("axe-core on /%s in high contrast", path).isEmpty();
        assertThat(served.browser().<List<String>>script(CHART_TEXT)).as("chart text on /%s in high contrast", path).isEmpty();
        // also nothing axe leaves undecided: text in the colour of its background is one of those
        assertThat(report.undecidedContrast()).as("contrast axe could not decide on /%s in high contrast", path)
                .isEmpty();
    }

    /**
     * On a phone, with the text at its largest: the page reflows to the screen's width, and wide tables scroll in
     * their frame, which can be scrolled from the keyboard.
     */
    @ParameterizedTest
    @MethodSource("pages")
    void noViolationsOnAPhoneWithTheLargestText(String path) throws Exception {
        served.browser().resizeViewport(390, 844);
        try {
            open(path);
            var larger = served.browser().driver().findElement(By.cssSelector("#a11y-tools button[data-a11y=larger]"));
            while (!"true".equals(larger.getAttribute("aria-disabled"))) larger.click();
            assertThat(served.browser().<String>script("return getComputedStyle(document.documentElement).fontSize"))
                    .isEqualTo("32px");
            Axe.Report report = axe.run(served.browser(), GRADIENT + ", " + CHARTS);
            assertThat(report.violations()).as("axe-core on /%s at 390 px and 200 %% text", path).isEmpty();
            assertThat(report.undecidedContrast()).as("contrast axe could not decide on /%s", path).isEmpty();
            // the page reflows: nothing but a table's own frame scrolls sideways
            assertThat(served.browser().<String>script("""
                    var wide = [];
                    document.querySelectorAll('body *').forEach(function (e) {
                      var r = e.getBoundingClientRect();
                      if (r.width && r.right > document.documentElement.clientWidth + 1 && !e.closest('.table-wrap'))
                        wide.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
                    });
                    return wide.join(' ');
                    """)).as("wider than the screen on /%s", path).isEmpty();
        } finally {
            served.browser().resizeViewport(1280, 800);
        }
    }

    /** The harness itself: axe runs in the page and reports what it finds. */
    @org.junit.jupiter.api.Test
    void axeReportsWhatIsWrong() throws Exception {
        open("");
        served.browser().script("""
                var main = document.querySelector('main');
                var img = document.createElement('img'); img.src = 'x.png'; main.appendChild(img);
                var p = document.createElement('p'); p.textContent = '看不清的字'; p.style.color = '#ddd';
                main.appendChild(p);
                var q = document.createElement('p'); q.id = 'same'; q.textContent = '同色的字';
                q.style.color = '#fffaf2'; main.appendChild(q);
                """);
        Axe.Report report = axe.run(served.browser(), GRADIENT);
        assertThat(report.violations()).anySatisfy(v -> assertThat(v).startsWith("image-alt (critical)"))
                .anySatisfy(v -> assertThat(v).startsWith("color-contrast (serious)"));
        assertThat(report.undecidedContrast()).containsExactly("#same: equalRatio");
    }

    private void open(String path) {
        served.browser().get(served.sample().url(path));
        served.browser().waiting().until(d -> "complete".equals(served.browser().script("return document.readyState")));
        assertThat(served.browser().driver().findElements(By.tagName("h1"))).as(path).hasSize(1);
    }
}
