package rongguang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import rongguang.testing.Browser;
import rongguang.testing.BuiltSample;

/** The browser set-up itself: Chromium opens the built sample site below a path and follows a link. */
class BrowserSmokeTest {
    static BuiltSample sample;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        sample = BuiltSample.build("https://shuangyong.example.gov.cn/portal/");
        browser = Browser.open(1280, 800);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        if (sample != null) sample.close();
    }

    @Test
    void opensTheHomePageAndFollowsAMenuLink() {
        browser.get(sample.url(""));
        assertThat(browser.driver().getTitle()).contains("中国双拥网");
        assertThat(browser.<Long>script("return window.innerWidth")).isEqualTo(1280L);

        var link = browser.driver().findElement(By.cssSelector("a[href$='cities/']"));
        link.click();
        browser.waiting().until(d -> d.getCurrentUrl().endsWith("/portal/cities/"));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isNotBlank();
        assertThat(browser.severeLogs()).isEmpty();
    }
}
