package rongguang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.WebDriverWait;
import rongguang.problems.Problems;
import rongguang.testing.Browser;
import rongguang.testing.StaticServer;
import rongguang.testing.TestSite;

/**
 * A screen left running picks up a rebuilt site by itself: the same content rebuilt keeps the same version (no
 * reload for nothing); a change of content changes it, and the open display reloads, keeping its parameters.
 */
class DisplayReloadTest {

    @Test
    void theDisplayReloadsWhenTheSiteIsRebuiltWithOtherContent(@TempDir Path tmp) throws Exception {
        Path site = tmp.resolve("site");
        TestSite.copySample(site);
        Path out = tmp.resolve("output");
        build(site, out);
        Path version = out.resolve("display/version.json");
        String first = Files.readString(version);
        build(site, out);
        assertThat(Files.readString(version)).isEqualTo(first);

        try (StaticServer server = StaticServer.start(out, "/"); Browser browser = Browser.open(1920, 1080)) {
            browser.get(server.url("display/?slides=cities&interval=3600&poll=1"));
            browser.waiting().until(d -> "true".equals(browser.script("return document.getElementById('deck').dataset.fitted")));
            assertThat(browser.<String>script("return document.querySelector('.slide.is-active .slide-title').textContent"))
                    .isEqualTo("邯郸市");
            browser.script("window.loadedBeforeTheRebuild = true");

            Path handan = site.resolve("content/data/cities/handan.json");
            Files.writeString(handan, Files.readString(handan).replace("\"name\": \"邯郸市\"", "\"name\": \"邯郸市（新）\""));
            build(site, out);
            assertThat(Files.readString(version)).isNotEqualTo(first);

            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                    browser.script("return window.loadedBeforeTheRebuild === undefined && document.getElementById('deck')"
                            + " && document.getElementById('deck').dataset.fitted === 'true'") instanceof Boolean b && b);
            assertThat(browser.<String>script("return document.querySelector('.slide.is-active .slide-title').textContent"))
                    .isEqualTo("邯郸市（新）");
            assertThat(browser.driver().getCurrentUrl()).endsWith("display/?slides=cities&interval=3600&poll=1");
            assertThat(browser.<Long>script("return document.querySelectorAll('.slide').length")).isEqualTo(29);
            assertThat(browser.severeLogs()).isEmpty();
        }
    }

    /** A server that keeps giving the old page with a new version.json gets one reload, not one a minute. */
    @Test
    void anInconsistentServerCausesOneReloadNotALoop(@TempDir Path tmp) throws Exception {
        Path site = tmp.resolve("site");
        TestSite.copySample(site);
        Path out = tmp.resolve("output");
        build(site, out);
        Files.writeString(out.resolve("display/version.json"), "{\"version\": \"0123456789abcdef0123456789abcdef\"}");

        try (StaticServer server = StaticServer.start(out, "/"); Browser browser = Browser.open(1280, 720)) {
            browser.get(server.url("display/?slides=honors&poll=1"));
            browser.script("window.marked = true");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                    browser.script("return window.marked === undefined && !!document.getElementById('deck')"
                            + " && document.getElementById('deck').dataset.fitted === 'true'") instanceof Boolean b && b);
            browser.script("window.marked = true");
            // several polls later the page is still the same one
            Thread.sleep(4000);
            assertThat(browser.<Boolean>script("return window.marked === true")).isTrue();
        }
    }

    private static void build(Path site, Path out) throws Exception {
        Problems problems = new Problems();
        TestSite.build(site, out, false, problems);
        assertThat(problems.hasErrors()).isFalse();
    }
}
