package rongguang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import rongguang.model.Article;
import rongguang.model.City;
import rongguang.model.Exemplar;
import rongguang.model.Merchant;
import rongguang.model.Site;
import rongguang.testing.SampleInBrowser;
import rongguang.testing.TestSite;

/**
 * The index of the sample site, queried by the real search.js in Chromium: every article, city, exemplar and
 * merchant is found by a two- and a three-character word from the middle of its text, merchants by category and
 * city name, nonsense finds nothing, and title matches rank above text-only matches.
 */
class SearchSampleContentTest {
    @RegisterExtension
    static final SampleInBrowser served = new SampleInBrowser("https://x.example.gov.cn/portal/", 1280, 800);
    /** Document number → url, from the documents the index wrote. */
    static Map<Long, String> urls = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path docs = served.sample().output().resolve("search/doc");
        for (String f : TestSite.files(docs)) {
            JsonNode doc = json.readTree(Files.readString(docs.resolve(f)));
            urls.put(Long.parseLong(f.replace(".json", "")), doc.get("url").asText());
        }
        served.browser().get(served.sample().url("search/"));
        served.browser().waiting().until(d -> served.browser().<Boolean>script("return typeof window.rongguangSearch === 'function'"));
    }

    /** The urls of the results, best first. */
    static List<String> search(String query) {
        List<Map<String, Object>> results = served.browser().driver().executeAsyncScript(
                "var done = arguments[arguments.length - 1]; window.rongguangSearch(arguments[0]).then(done);", query)
                instanceof List<?> l ? cast(l) : List.of();
        return results.stream().map(r -> urls.get((Long) r.get("doc"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cast(List<?> l) {
        return (List<Map<String, Object>>) l;
    }

    @Test
    void everyArticleCityExemplarAndMerchantIsFoundByTwoAndThreeCharactersFromTheMiddleOfItsText() throws IOException {
        Site site = served.sample().site();
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        // an article's text as its page shows it (the bodies the build read are gone with its body store)
        for (Article a : site.articles()) {
            Path page = served.sample().output().resolve(a.url() + "index.html");
            texts.put(a.url(), Jsoup.parse(Files.readString(page)).selectFirst(".prose").text());
        }
        for (City c : site.cities()) texts.put(c.url(), c.summary() != null ? c.summary() : c.target());
        for (Exemplar e : site.exemplars()) {
            texts.put(e.url(), e.storyHtml() != null ? Jsoup.parse(e.storyHtml()).text() : e.summary());
        }
        for (Merchant m : site.merchants()) {
            texts.put(m.url(), m.offers().stream().map(Merchant.Offer::text).collect(Collectors.joining("。"))
                    + "。" + m.address());
        }
        assertThat(texts).hasSize(site.articles().size() + site.cities().size() + site.exemplars().size()
                + site.merchants().size()).hasSizeGreaterThan(100);
        List<String> misses = new ArrayList<>();
        texts.forEach((url, text) -> {
            assertThat(text).as(url).isNotBlank();
            String run = middleRun(text);
            assertThat(run).as("a run of Chinese in the middle of " + url).hasSizeGreaterThanOrEqualTo(3);
            int mid = (run.length() - 2) / 2;
            for (String word : List.of(run.substring(mid, mid + 2), run.substring(mid, mid + 3))) {
                if (!search(word).contains(url)) misses.add(url + " by " + word);
            }
        });
        assertThat(misses).isEmpty();
    }

    /** The longest run of three or more Chinese characters nearest the middle of the text. */
    static String middleRun(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\p{IsHan}{3,}").matcher(text);
        String best = "";
        int bestDistance = Integer.MAX_VALUE;
        int middle = text.length() / 2;
        while (m.find()) {
            int distance = m.start() > middle ? m.start() - middle : Math.max(0, middle - m.end());
            if (distance < bestDistance) {
                best = m.group();
                bestDistance = distance;
            }
        }
        return best;
    }

    @Test
    void aMerchantIsFoundByItsCategoryAndByItsCityName() {
        Site site = served.sample().site();
        List<String> misses = new ArrayList<>();
        for (Merchant m : site.merchants()) {
            String city = site.city(m.city()).name();
            if (!search(m.category()).contains(m.url())) misses.add(m.url() + " by " + m.category());
            if (!search(city).contains(m.url())) misses.add(m.url() + " by " + city);
            if (!search(m.category() + " " + city).contains(m.url())) misses.add(m.url() + " by both");
        }
        assertThat(misses).isEmpty();
    }

    @Test
    void wordsThatAppearNowhereFindNothing() throws IOException {
        for (String nonsense : List.of("鳄鱼火箭", "犀牛", "zqxjvw", "１２３４５６７８９")) {
            assertThat(appearsInOutput(nonsense)).as(nonsense).isFalse();
            assertThat(search(nonsense)).as(nonsense).isEmpty();
        }
        assertThat(served.browser().driver().findElements(org.openqa.selenium.By.cssSelector(".search-result"))).isEmpty();
    }

    private static String everything;

    /** Whether a word is anywhere in the site's pages and JSON files. */
    private static boolean appearsInOutput(String word) throws IOException {
        if (everything == null) {
            StringBuilder all = new StringBuilder();
            for (String f : TestSite.files(served.sample().output())) {
                if (f.endsWith(".html") || f.endsWith(".json")) all.append(Files.readString(served.sample().output().resolve(f)));
            }
            everything = all.toString();
        }
        String normalized = java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFKC);
        return everything.contains(word) || everything.contains(normalized);
    }

    @Test
    void aRunInsideALongerWordIsFoundAndAScatteredOneIsNot() throws IOException {
        String url = "articles/handan-shuangyong-gongzuo-zongshu/";
        assertThat(search("军人事")).contains(url);
        // XYZ made of two bigrams XY and YZ of this article that never stand side by side anywhere
        String text = Jsoup.parse(Files.readString(served.sample().output().resolve(url + "index.html"))).selectFirst(".prose").text();
        String scattered = null;
        for (int i = 0; i + 1 < text.length() && scattered == null; i++) {
            for (int j = 0; j + 1 < text.length() && scattered == null; j++) {
                String candidate = text.substring(i, i + 2) + text.charAt(j + 1);
                if (candidate.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                        && text.charAt(j) == text.charAt(i + 1) && !appearsInOutput(candidate)) {
                    scattered = candidate;
                }
            }
        }
        assertThat(scattered).isNotNull();
        assertThat(search(scattered.substring(0, 2))).contains(url);
        assertThat(search(scattered.substring(1))).contains(url);
        assertThat(search(scattered)).as(scattered).isEmpty();
    }

    @Test
    void theLastLatinWordMatchesAsAPrefixTheOthersWhole() {
        List<String> app = search("APP");
        assertThat(app).isNotEmpty();
        assertThat(search("ap")).containsAll(app);
        assertThat(search("邯郸 ap")).isNotEmpty().isSubsetOf(search("ap"));
        assertThat(search("ap 邯郸")).as("a word before the last is whole").isEmpty();
    }

    @Test
    void fullWidthAndHalfWidthFormsFindTheSame() {
        assertThat(search("ＡＰＰ")).isNotEmpty().isEqualTo(search("app"));
    }

    @Test
    void titleMatchesRankAboveTextOnlyMatchesThenIndexOrder() {
        Site site = served.sample().site();
        // a word of a city's name that other pages mention only in their text
        String word = site.cities().get(0).name().substring(0, 2);
        List<String> results = search(word);
        List<String> titled = new ArrayList<>();
        for (City c : site.cities()) if (c.name().contains(word)) titled.add(c.url());
        for (Exemplar e : site.exemplars()) if (e.name().contains(word)) titled.add(e.url());
        for (Merchant m : site.merchants()) if (m.name().contains(word)) titled.add(m.url());
        for (Article a : site.articles()) if (a.title().contains(word)) titled.add(a.url());
        assertThat(titled).isNotEmpty();
        assertThat(results).hasSizeGreaterThan(titled.size());
        assertThat(results.subList(0, titled.size())).containsExactlyElementsOf(titled);
        // among the text-only matches, articles come newest first
        List<String> articles = results.subList(titled.size(), results.size()).stream()
                .filter(u -> u.startsWith("articles/")).toList();
        List<String> newestFirst = site.articles().stream().map(Article::url).filter(articles::contains).toList();
        assertThat(articles).isNotEmpty().containsExactlyElementsOf(newestFirst);
    }
}
