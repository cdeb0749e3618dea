package rongguang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import rongguang.problems.Problems;
import rongguang.testing.SampleInBrowser;
import rongguang.testing.ImageFiles;
import rongguang.testing.StaticServer;
import rongguang.testing.TestSite;

/** What a phone downloads: the home page's weight on a first visit, and the copy of a photo the browser picks. */
class PageWeightBrowserTest {
    @RegisterExtension
    static final SampleInBrowser served = new SampleInBrowser(null, 360, 640);

    @Test
    void theHomePageWeighsLessThan200KbOnAFirstVisit() {
        served.browser().get(served.sample().url(""));
        served.browser().waiting().until(d -> "complete".equals(served.browser().script("return document.readyState")));
        // served uncompressed here, so this is more than a phone gets from a server that compresses
        List<Map<String, Object>> entries = served.browser().script("""
                return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                  .map(e => ({name: e.name, bytes: e.transferSize}));""");
        long total = entries.stream().mapToLong(e -> ((Number) e.get("bytes")).longValue()).sum();
        assertThat(entries).extracting(e -> (String) e.get("name")).anyMatch(n -> n.matches(".*/assets/style\\.[0-9a-f]{8}\\.css"));
        assertThat(entries).allMatch(e -> ((Number) e.get("bytes")).longValue() > 0, "every file came over the network");
        assertThat(total).as("bytes of the home page and everything it loaded: " + entries).isLessThan(200 * 1024);
        assertThat(served.browser().severeLogs()).isEmpty();
    }

    @Test
    void aPhonePicksTheSmallCopyAndAWideScreenALargerOne(@TempDir Path tmp) throws Exception {
        TestSite site = TestSite.create(tmp.resolve("site"), 20);
        ImageFiles.writeJpeg(site.dir().resolve("content/media/covers/big.jpg"), 1600, 900);
        site.article("tu", "图文报道", "2024-05-01", "cover: covers/big.jpg");
        Path out = tmp.resolve("out");
        Problems problems = new Problems();
        site.build(out, false, problems);
        assertThat(problems.hasErrors()).isFalse();
        assertThat(Files.exists(out.resolve("media/covers/big.480w.jpg"))).isTrue();
        try (StaticServer server = StaticServer.start(out, "/sy/")) {
            assertThat(shownCopy(server.url("articles/tu/"), 360)).endsWith("/media/covers/big.480w.jpg");
            served.browser().resizeViewport(1280, 800);
            try {
                assertThat(shownCopy(server.url("articles/tu/") + "?wide", 1280)).endsWith("/media/covers/big.960w.jpg");
            } finally {
                served.browser().resizeViewport(360, 640);
            }
        }
    }

    /** The file the browser chose for the cover, once it is loaded, with the page's box of the intrinsic ratio. */
    private String shownCopy(String url, int viewport) {
        served.browser().get(url);
        served.browser().waiting().until(d -> Boolean.TRUE.equals(
                served.browser().script("var i = document.querySelector('main img'); return i.complete && i.naturalWidth > 0")));
        Number ratio = served.browser().script("var r = document.querySelector('main img').getBoundingClientRect(); return r.width / r.height");
        assertThat(ratio.doubleValue()).as("viewport " + viewport).isCloseTo(16.0 / 9, org.assertj.core.data.Offset.offset(0.02));
        return served.browser().script("return document.querySelector('main img').currentSrc");
    }
}
