package rongguang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import rongguang.testing.SampleInBrowser;
import rongguang.testing.TestSite;

/**
 * The honor display in headless Chromium, on the sample site: it fits landscape and portrait screens (every slide,
 * checked box by box), changes slide after the interval, follows ?slides= and the arrow keys, and runs through
 * whole cycles without the DOM growing. Screenshots go to target/screenshots/ for a person to look at.
 */
class DisplayBrowserTest {
    static final Path SHOTS = Path.of("target/screenshots");
    @RegisterExtension
    static final SampleInBrowser served = new SampleInBrowser(null, 1920, 1080);

    private static void open(String query) {
        served.browser().get(served.sample().url("display/" + query));
        served.browser().waiting().until(d -> "true".equals(served.browser().script("return document.getElementById('deck').dataset.fitted")));
    }

    private static long current() {
        return Long.parseLong(served.browser().script("return document.getElementById('deck').dataset.current"));
    }

    /**
     * Every box in every slide that overflows, or lies outside its slide or the screen: each as a line naming the
     * slide and the element. Inactive slides are laid out too (they are only invisible), so all are checked at once.
     */
    private static final String OVERFLOWS = """
            var out = [];
            var vw = window.innerWidth, vh = window.innerHeight;
            document.querySelectorAll('.slide').forEach(function (slide, i) {
              var name = i + ' ' + slide.getAttribute('aria-label');
              var sr = slide.getBoundingClientRect();
              if (sr.left < 0 || sr.top < 0 || sr.right > vw + 0.5 || sr.bottom > vh + 0.5) out.push(name + ': slide off screen');
              if (slide.scrollHeight > slide.clientHeight || slide.scrollWidth > slide.clientWidth)
                out.push(name + ': slide content ' + slide.scrollWidth + 'x' + slide.scrollHeight + ' > ' + slide.clientWidth + 'x' + slide.clientHeight);
              slide.querySelectorAll('*').forEach(function (el) {
                if (!(el instanceof HTMLElement)) return;
                var r = el.getBoundingClientRect();
                if (r.width === 0 && r.height === 0) return;
                var what = name + ': ' + el.tagName.toLowerCase() + '.' + el.className + ' "' + el.textContent.trim().slice(0, 20) + '"';
                if (el.clientWidth && (el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight))
                  out.push(what + ' overflows ' + el.scrollWidth + 'x' + el.scrollHeight + ' > ' + el.clientWidth + 'x' + el.clientHeight);
                if (r.left < sr.left - 0.5 || r.right > sr.right + 0.5 || r.top < sr.top - 0.5 || r.bottom > sr.bottom + 0.5)
                  out.push(what + ' outside its slide');
              });
            });
            return out;
            """;

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1920, 1080, landscape", "1080, 1920, portrait"})
    void theDisplayFitsTheScreenWithNoScrollbarsAndNoOverflow(int width, int height, String shape) throws Exception {
        served.browser().resizeViewport(width, height);
        open("?interval=3600");
        assertThat(served.browser().<Long>script("return window.innerWidth")).isEqualTo(width);
        assertThat(served.browser().<Long>script("return window.innerHeight")).isEqualTo(height);
        assertThat(served.browser().<Boolean>script("var d = document.documentElement; return d.scrollWidth <= innerWidth && d.scrollHeight <= innerHeight"
                + " && document.body.scrollWidth <= innerWidth && document.body.scrollHeight <= innerHeight")).isTrue();

        long slides = served.browser().script("return document.querySelectorAll('.slide').length");
        assertThat(slides).isEqualTo(57);
        assertThat(served.browser().<List<String>>script(OVERFLOWS)).isEmpty();

        // large type: a name is readable across a hall, and nothing on a slide is small print
        double vmin = Math.min(width, height);
        double smallest = served.browser().<Number>script("var m = 1e9; document.querySelectorAll('.slide *').forEach(function (el) {"
                + " if (el instanceof HTMLElement && el.childNodes.length && [].some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); }))"
                + " m = Math.min(m, parseFloat(getComputedStyle(el).fontSize)); }); return m").doubleValue();
        assertThat(smallest).isGreaterThanOrEqualTo(vmin * 0.022);
        double title = served.browser().<Number>script("return parseFloat(getComputedStyle(document.querySelector('.slide.is-active .slide-title')).fontSize)").doubleValue();
        assertThat(title).isGreaterThanOrEqualTo(vmin * 0.08);

        // the layout follows the screen's shape
        String exemplarDirection = served.browser().script("return getComputedStyle(document.querySelector('.slide-exemplar')).flexDirection");
        long cityColumns = served.browser().script("return getComputedStyle(document.querySelector('.slide-city')).gridTemplateColumns.split(' ').length");
        if (shape.equals("landscape")) {
            assertThat(exemplarDirection).isEqualTo("row");
            assertThat(cityColumns).isEqualTo(2);
        } else {
            assertThat(exemplarDirection).isEqualTo("column");
            assertThat(cityColumns).isEqualTo(1);
        }
        served.browser().screenshot(SHOTS.resolve("display-" + shape + ".png"));
        open("?slides=exemplars&interval=3600");
        served.browser().screenshot(SHOTS.resolve("display-" + shape + "-exemplar.png"));
        open("?slides=honors&interval=3600");
        served.browser().screenshot(SHOTS.resolve("display-" + shape + "-honors.png"));
        assertThat(served.browser().severeLogs()).isEmpty();
    }

    @Test
    void theSlideChangesAfterTheIntervalOfSiteJson() throws Exception {
        served.browser().resizeViewport(1920, 1080);
        int interval = new ObjectMapper().readTree(Files.readString(TestSite.SAMPLE.resolve("content/site.json")))
                .get("display").get("interval").asInt();
        open("");
        assertThat(served.browser().<String>script("return document.getElementById('deck').dataset.interval"))
                .isEqualTo(String.valueOf(interval));
        assertThat(current()).isZero();
        long started = System.nanoTime();
        new org.openqa.selenium.support.ui.WebDriverWait(served.browser().driver(), java.time.Duration.ofSeconds(interval + 20))
                .until(d -> current() == 1);
        double waited = (System.nanoTime() - started) / 1e9;
        assertThat(waited).isGreaterThan(interval - 1.0);
        assertThat(served.browser().<Long>script("return document.querySelectorAll('.slide.is-active').length")).isEqualTo(1);
        assertThat(served.browser().<String>script("return document.querySelector('.slide.is-active').getAttribute('aria-label')"))
                .isEqualTo(served.browser().script("return document.querySelectorAll('.slide')[1].getAttribute('aria-label')"));
        assertThat(served.browser().<String>script("return document.getElementById('deck-count').textContent")).isEqualTo("2 / 57");
        // the old slide fades out and is hidden from everyone once it has
        served.browser().waiting().until(d -> "hidden".equals(served.browser().script(
                "return getComputedStyle(document.querySelectorAll('.slide')[0]).visibility")));
    }

    @Test
    void slidesAreChosenByTheQueryAndSteppedWithTheArrowKeys() {
        served.browser().resizeViewport(1920, 1080);
        open("?slides=exemplars,cities&interval=3600");
        List<String> kinds = served.browser().script("return [].map.call(document.querySelectorAll('.slide'), function (s) { return s.dataset.kind; })");
        assertThat(kinds).hasSize(26 + 29);
        assertThat(kinds.subList(0, 26)).containsOnly("exemplars");
        assertThat(kinds.subList(26, kinds.size())).containsOnly("cities");
        assertThat(served.browser().<String>script("return document.querySelector('.slide.is-active').dataset.kind")).isEqualTo("exemplars");

        Actions keys = new Actions(served.browser().driver());
        keys.sendKeys(Keys.ARROW_RIGHT).perform();
        assertThat(current()).isEqualTo(1);
        keys.sendKeys(Keys.ARROW_LEFT).sendKeys(Keys.ARROW_LEFT).perform();
        assertThat(current()).isEqualTo(kinds.size() - 1);
        assertThat(served.browser().<String>script("return document.querySelector('.slide.is-active').dataset.kind")).isEqualTo("cities");
        assertThat(served.browser().<String>script("return document.getElementById('deck-count').textContent")).isEqualTo("55 / 55");
        assertThat(served.browser().<Long>script("return document.querySelectorAll('.slide.is-active').length")).isEqualTo(1);
    }

    @Test
    void twoFullCyclesLeaveTheDomAsItWas() {
        served.browser().resizeViewport(1920, 1080);
        open("?interval=0.5");
        Map<String, Object> before = counters();
        served.browser().waiting().withTimeout(java.time.Duration.ofSeconds(120))
                .until(d -> Long.parseLong(served.browser().script("return document.getElementById('deck').dataset.cycles")) >= 1);
        Map<String, Object> afterOne = counters();
        served.browser().waiting().withTimeout(java.time.Duration.ofSeconds(120))
                .until(d -> Long.parseLong(served.browser().script("return document.getElementById('deck').dataset.cycles")) >= 2);
        Map<String, Object> afterTwo = counters();
        assertThat(afterOne.get("elements")).isEqualTo(before.get("elements"));
        assertThat(afterTwo.get("elements")).isEqualTo(before.get("elements"));
        assertThat(afterTwo.get("textNodes")).isEqualTo(before.get("textNodes"));
        // Chromium's own counters, after a garbage collection: nodes still held (detached ones too) and listeners.
        // A node the page let go of just before a collection can outlive it (once in a full CI run, one node): a
        // leak stays through later collections, so the count is taken again, at most three times, before it fails
        long nodesAfterOne = ((Number) afterOne.get("nodes")).longValue();
        long nodesAfterTwo = ((Number) afterTwo.get("nodes")).longValue();
        for (int again = 0; again < 3 && nodesAfterTwo > nodesAfterOne; again++) {
            nodesAfterTwo = Math.min(nodesAfterTwo, ((Number) counters().get("nodes")).longValue());
        }
        assertThat(nodesAfterTwo).isLessThanOrEqualTo(nodesAfterOne);
        assertThat(afterTwo.get("jsEventListeners")).isEqualTo(afterOne.get("jsEventListeners"));
        assertThat(served.browser().severeLogs()).isEmpty();
    }

    private static Map<String, Object> counters() {
        served.browser().driver().executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        Map<String, Object> counters = new java.util.HashMap<>(served.browser().driver().executeCdpCommand("Memory.getDOMCounters", Map.of()));
        counters.put("elements", served.browser().script("return document.getElementsByTagName('*').length"));
        counters.put("textNodes", served.browser().script("var w = document.createTreeWalker(document, NodeFilter.SHOW_TEXT), n = 0;"
                + " while (w.nextNode()) n++; return n"));
        System.out.println("DOM counters: " + counters);
        return counters;
    }
}
