package rongguang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import rongguang.model.City;
import rongguang.testing.SampleInBrowser;

/** /search/ as a reader uses it, below a path: type, see ranked and highlighted results, follow one, share the URL. */
class SearchPageBrowserTest {
    @RegisterExtension
    static final SampleInBrowser served = new SampleInBrowser("https://x.example.gov.cn/portal/", 1280, 900);

    private static List<WebElement> results() {
        return served.browser().driver().findElements(By.cssSelector("#search-results .search-result"));
    }

    private static void waitForResults() {
        served.browser().waiting().until(d -> !results().isEmpty()
                && d.findElement(By.id("search-status")).getText().startsWith("找到"));
    }

    @Test
    void typingShowsRankedHighlightedResultsAndAResultLeadsToItsPage() {
        City city = served.sample().site().cities().get(0);
        String word = city.name().substring(0, 2);
        served.browser().get(served.sample().url("search/"));
        WebElement box = served.browser().driver().findElement(By.id("search-q"));
        box.sendKeys(word);
        waitForResults();

        List<WebElement> found = results();
        assertThat(found).hasSizeGreaterThan(1);
        WebElement first = found.get(0);
        assertThat(first.findElement(By.cssSelector(".search-result-kind")).getText()).isEqualTo("模范城");
        assertThat(first.findElement(By.cssSelector(".search-result-title mark")).getText()).isEqualTo(word);
        for (WebElement r : found) {
            assertThat(r.findElements(By.tagName("mark"))).as(r.getText()).isNotEmpty();
            assertThat(r.findElements(By.tagName("mark")).stream().map(WebElement::getText)).allMatch(word::equals);
        }
        // a text-only match comes after every title match
        List<Boolean> inTitle = found.stream()
                .map(r -> !r.findElements(By.cssSelector(".search-result-title mark")).isEmpty()).toList();
        assertThat(inTitle.indexOf(false)).isGreaterThan(0);
        assertThat(inTitle.subList(inTitle.indexOf(false), inTitle.size())).doesNotContain(true);
        assertThat(served.browser().driver().getCurrentUrl())
                .endsWith("/portal/search/?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));

        first.findElement(By.cssSelector(".search-result-title a")).click();
        served.browser().waiting().until(d -> d.getCurrentUrl().endsWith("/portal/" + city.url()));
        assertThat(served.browser().driver().findElement(By.tagName("h1")).getText()).contains(city.name());
        assertThat(served.browser().severeLogs()).isEmpty();
    }

    @Test
    void theUrlRestoresTheSearchAndTheKindFilter() {
        String word = "优待";
        served.browser().get(served.sample().url("search/?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8) + "&kind=merchant"));
        waitForResults();
        assertThat(served.browser().driver().findElement(By.id("search-q")).getAttribute("value")).isEqualTo(word);
        assertThat(results()).allMatch(r -> "merchant".equals(r.getAttribute("data-kind")));
        assertThat(results().get(0).findElement(By.cssSelector(".search-result-kind")).getText()).isEqualTo("商家");

        served.browser().driver().findElement(By.cssSelector("input[name=kind][value=article]")).click();
        served.browser().waiting().until(d -> served.browser().driver().getCurrentUrl().endsWith("kind=article"));
        waitForResults();
        assertThat(results()).allMatch(r -> "article".equals(r.getAttribute("data-kind")));
        assertThat(results().get(0).findElement(By.tagName("time")).getAttribute("datetime")).matches("\\d{4}-\\d\\d-\\d\\d");
        assertThat(served.browser().severeLogs()).isEmpty();
    }

    @Test
    void theHeaderBoxOfAnyPageSearches() {
        var article = served.sample().site().articles().get(0);
        served.browser().get(served.sample().url(article.url()));
        WebElement box = served.browser().driver().findElement(By.id("site-search-q"));
        box.sendKeys("退役军人", Keys.ENTER);
        served.browser().waiting().until(d -> d.getCurrentUrl().contains("/portal/search/?q="));
        waitForResults();
        assertThat(served.browser().driver().findElement(By.id("search-q")).getAttribute("value")).isEqualTo("退役军人");
        assertThat(served.browser().severeLogs()).isEmpty();
    }

    @Test
    void aQueryThatAppearsNowhereSaysSo() {
        served.browser().get(served.sample().url("search/"));
        served.browser().driver().findElement(By.id("search-q")).sendKeys("鳄鱼火箭");
        served.browser().waiting().until(d -> d.findElement(By.id("search-status")).getText().startsWith("没有找到"));
        assertThat(results()).isEmpty();
    }
}
