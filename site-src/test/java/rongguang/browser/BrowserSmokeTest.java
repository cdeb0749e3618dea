package rongguang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import rongguang.testing.SampleInBrowser;

/** The browser set-up itself: Chromium opens the built sample site below a path and follows a link. */
class BrowserSmokeTest {
    @RegisterExtension
    static final SampleInBrowser served = new SampleInBrowser("https://shuangyong.example.gov.cn/portal/", 1280, 800);

    @Test
    void opensTheHomePageAndFollowsAMenuLink() {
        served.browser().get(served.sample().url(""));
        assertThat(served.browser().driver().getTitle()).contains("中国双拥网");
        assertThat(served.browser().<Long>script("return window.innerWidth")).isEqualTo(1280L);

        var link = served.browser().driver().findElement(By.cssSelector("a[href$='cities/']"));
        link.click();
        served.browser().waiting().until(d -> d.getCurrentUrl().endsWith("/portal/cities/"));
        assertThat(served.browser().driver().findElement(By.tagName("h1")).getText()).isNotBlank();
        assertThat(served.browser().severeLogs()).isEmpty();
    }
}
