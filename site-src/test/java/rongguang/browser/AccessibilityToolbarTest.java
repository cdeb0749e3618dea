package rongguang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import rongguang.testing.SampleInBrowser;

/**
 * The accessibility toolbar in Chromium: it shows only with script, its buttons work from the keyboard, and the
 * reader's choices (text size, high contrast, line spacing) are applied at once, survive a reload and follow the
 * reader to other pages.
 */
class AccessibilityToolbarTest {
    @RegisterExtension
    static final SampleInBrowser served = new SampleInBrowser("https://shuangyong.example.gov.cn/portal/", 1280, 800);

    @BeforeEach
    void forgetChoices() {
        served.browser().get(served.sample().url("404.html"));
        served.browser().script("localStorage.clear()");
    }

    @Test
    void withoutScriptTheToolbarIsHidden() throws Exception {
        for (String page : new String[] {"index.html", "articles/changsha-shuangyong-zhihua/index.html", "404.html"}) {
            var doc = Jsoup.parse(Files.readString(served.sample().output().resolve(page)));
            assertThat(doc.select("#a11y-tools[hidden][role=region][aria-label]")).as(page).hasSize(1);
            assertThat(doc.select("#a11y-tools button[type=button]")).as(page).hasSize(5);
        }
        open("");
        assertThat(tools().isDisplayed()).isTrue();
        assertThat(served.browser().severeLogs()).isEmpty();
    }

    @Test
    void choicesSurviveAReloadAndApplyOnOtherPages() {
        open("articles/changsha-shuangyong-zhihua/");
        double before = bodyFontSize();
        button("larger").click();
        button("larger").click();
        button("contrast").click();
        button("spacing").click();
        double larger = bodyFontSize();
        assertThat(larger).isGreaterThanOrEqualTo(before * 1.29);
        assertThat(status()).isEqualTo("当前 130%");

        served.browser().driver().navigate().refresh();
        served.browser().waiting().until(d -> tools().isDisplayed());
        assertThat(bodyFontSize()).isEqualTo(larger);
        assertThat(htmlClasses()).contains("rg-contrast", "rg-spacing");
        assertThat(button("contrast").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(button("spacing").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(status()).isEqualTo("当前 130%");
        assertThat(served.browser().<String>script("return getComputedStyle(document.body).backgroundColor"))
                .isEqualTo("rgb(0, 0, 0)");

        open("cities/");
        assertThat(bodyFontSize()).isEqualTo(larger);
        assertThat(htmlClasses()).contains("rg-contrast", "rg-spacing");

        button("reset").click();
        button("contrast").click();
        button("spacing").click();
        assertThat(bodyFontSize()).isEqualTo(before);
        assertThat(htmlClasses()).doesNotContain("rg-contrast", "rg-spacing");
        assertThat(button("contrast").getAttribute("aria-pressed")).isEqualTo("false");
        served.browser().driver().navigate().refresh();
        assertThat(bodyFontSize()).isEqualTo(before);
        assertThat(htmlClasses()).doesNotContain("rg-contrast");
    }

    @Test
    void theButtonsWorkFromTheKeyboardAndStopAtTheLastStep() {
        open("");
        // the skip link comes first, then the toolbar
        WebElement body = served.browser().driver().findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        assertThat(focused().getAttribute("class")).isEqualTo("skip-link");
        focused().sendKeys(Keys.TAB);
        assertThat(focused().getAttribute("data-a11y")).isEqualTo("smaller");
        assertThat(focused().getAttribute("aria-disabled")).isEqualTo("true");
        focused().sendKeys(Keys.TAB);
        assertThat(focused().getAttribute("data-a11y")).isEqualTo("larger");
        double before = bodyFontSize();
        for (int i = 0; i < 8; i++) focused().sendKeys(i % 2 == 0 ? Keys.ENTER : Keys.SPACE);
        assertThat(status()).isEqualTo("当前 200%");
        assertThat(bodyFontSize()).isEqualTo(before * 2);
        assertThat(focused().getAttribute("data-a11y")).isEqualTo("larger");
        assertThat(focused().getAttribute("aria-disabled")).isEqualTo("true");
        assertThat(button("smaller").getAttribute("aria-disabled")).isEqualTo("false");

        button("contrast").sendKeys(Keys.SPACE);
        assertThat(htmlClasses()).contains("rg-contrast");
        assertThat(button("contrast").getAttribute("aria-pressed")).isEqualTo("true");
        // the page does not overflow sideways at the largest size: text reflows instead
        assertThat(served.browser().<Boolean>script(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isTrue();
    }

    @Test
    void aStoredChoiceIsOnThePageBeforeItsBodyExists() {
        open("");
        button("contrast").click();
        // recorded by a script that runs before the page's own, when the parser first inserts <body>
        var id = served.browser().driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                new MutationObserver(function (records, observer) {
                  if (!document.body) return;
                  window.classWhenBodyAppeared = document.documentElement.className;
                  observer.disconnect();
                }).observe(document, {childList: true, subtree: true});
                """));
        try {
            served.browser().get(served.sample().url("exemplars/"));
            assertThat(served.browser().<String>script("return window.classWhenBodyAppeared")).contains("rg-contrast");
        } finally {
            served.browser().driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", id);
        }
    }

    @Test
    void aTableWiderThanThePhoneScrollsFromTheKeyboard() {
        // at 390 px the honors table fits with the default text, and is wider than the screen at 200 %
        served.browser().resizeViewport(390, 844);
        try {
            open("cities/handan/");
            WebElement wrap = served.browser().driver().findElement(By.cssSelector("table.honors")).findElement(By.xpath(".."));
            assertThat(wrap.getAttribute("tabindex")).isNull();
            for (int i = 0; i < 5; i++) button("larger").click();
            served.browser().waiting().until(d -> "0".equals(wrap.getAttribute("tabindex")));
            assertThat(wrap.getAttribute("role")).isEqualTo("region");
            assertThat(wrap.getAttribute("aria-label")).isEqualTo("邯郸市所获双拥荣誉（可左右滚动）");
            wrap.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
            served.browser().waiting().until(d -> served.browser().<Number>script("return arguments[0].scrollLeft", wrap).intValue() > 0);

            served.browser().resizeViewport(1280, 800);
            served.browser().waiting().until(d -> wrap.getAttribute("tabindex") == null);
            assertThat(wrap.getAttribute("role")).isNull();
        } finally {
            served.browser().resizeViewport(1280, 800);
        }
    }

    private void open(String path) {
        served.browser().get(served.sample().url(path));
        served.browser().waiting().until(d -> tools().isDisplayed());
    }

    private WebElement tools() {
        return served.browser().driver().findElement(By.id("a11y-tools"));
    }

    private WebElement button(String action) {
        return served.browser().driver().findElement(By.cssSelector("#a11y-tools button[data-a11y='" + action + "']"));
    }

    private WebElement focused() {
        return served.browser().driver().switchTo().activeElement();
    }

    private String status() {
        return served.browser().driver().findElement(By.cssSelector("#a11y-tools [role=status]")).getText();
    }

    private double bodyFontSize() {
        return Double.parseDouble(served.browser().<String>script("return getComputedStyle(document.body).fontSize")
                .replace("px", ""));
    }

    private String htmlClasses() {
        return served.browser().script("return document.documentElement.className");
    }
}
