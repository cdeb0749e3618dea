package rongguang;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;
import rongguang.problems.BuildFailedException;
import rongguang.problems.Problems;
import rongguang.problems.Severity;
import rongguang.testing.TestSite;
import rongguang.text.Slugs;

/**
 * The XSS corpus ({@code src/test/resources/xss/payloads.txt}) put into every kind of place a site editor can write
 * text: Markdown bodies (raw, and inside links, images, reference definitions, footnotes, tables), every string field
 * of the article front matter, and every string field of cities, exemplars and merchants. One site is built; every
 * page must then hold only the theme's own scripts, no event handlers, no script/data URLs, no frames, objects,
 * forms, styles or foreign content, and plain fields must show the payload as text (escaped, not dropped). Feed,
 * sitemap and JSON must stay well-formed and carry the text unchanged.
 */
class XssTest {
    private static final String CORPUS = "/xss/payloads.txt";
    private static final String BASE = "https://test.example.gov.cn/sy/";
    private static final String SITE_TITLE = "测试双拥网";
    private static final int FEED_ENTRIES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Attributes whose value a browser may load or navigate to. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
            "data", "srcdoc", "poster", "background", "srcset", "cite", "longdesc", "lowsrc", "dynsrc", "ping",
            "codebase", "archive", "manifest", "icon", "profile", "usemap", "classid");
    /** SVG animation attributes that can set an href to a URL. */
    private static final Set<String> ANIMATION_VALUES = Set.of("to", "from", "values", "by");
    private static final List<String> BAD_SCHEMES = List.of("javascript:", "vbscript:", "data:");
    /** Elements the pages may only hold where the bundled theme itself puts them (exactly as it puts them). */
    private static final Set<String> WATCHED = Set.of("script", "iframe", "frame", "frameset", "object", "embed",
            "applet", "param", "form", "base", "style", "portal", "template", "noscript", "svg", "math", "link",
            "meta", "button", "input", "textarea", "select", "isindex", "xmp", "plaintext", "image", "video",
            "audio", "source", "marquee");

    @TempDir
    static Path tmp;

    static List<String> payloads;
    static Problems problems;
    static BuildFailedException buildFailure;
    static Path out;
    static final Map<String, Document> pages = new LinkedHashMap<>();
    /** Signatures of the watched elements, style attributes and script srcs of a payload-free build of the theme. */
    static final Set<String> allowed = new TreeSet<>();

    /** What was written where, for the text checks and the feed. */
    record FeedArticle(String slug, String title, List<String> authors, String column) {}

    static final List<FeedArticle> feedArticles = new ArrayList<>();
    static final List<String> fieldsCovered = new ArrayList<>();

    // ------------------------------------------------------------------ corpus

    /** The payloads, {@code {U+XXXX}} decoded, comments and blank lines left out. */
    static List<String> readCorpus() throws IOException {
        try (InputStream in = XssTest.class.getResourceAsStream(CORPUS)) {
            assertThat(in).as(CORPUS).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> list = new ArrayList<>();
            for (String line : text.split("\n", -1)) {
                if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
                if (line.isBlank() || line.startsWith("#")) continue;
                list.add(decode(line));
            }
            return List.copyOf(list);
        }
    }

    static String decode(String line) {
        Matcher m = Pattern.compile("\\{U\\+([0-9A-Fa-f]{4,6})\\}").matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
        m.appendTail(sb);
        return sb.toString();
    }

    /** What the site shows of a text: invisible control characters are removed when the input is read. */
    static String shown(String s) {
        return rongguang.text.ControlCharacters.strip(s);
    }

    /** A payload with its control characters made visible, for messages. */
    static String show(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7F) sb.append(String.format("{U+%04X}", c));
            else sb.appendCodePoint(c);
        });
        return sb.toString();
    }

    // ------------------------------------------------------------------ writing the site

    /** A YAML scalar holding {@code s} exactly: single-quoted when it can be, else double-quoted with escapes. */
    static String yaml(String s) {
        boolean simple = s.chars().allMatch(XssTest::yamlPrintable);
        if (simple) return "'" + s.replace("'", "''") + "'";
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (yamlPrintable(c) || Character.isSurrogate(c)) sb.append(c);
                    else sb.append(String.format("\\u%04X", (int) c));
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean yamlPrintable(int c) {
        return (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c != 0x2028 && c != 0x2029 && c != 0xFEFF && c < 0xFFFE);
    }

    /** A Markdown text with the payload raw, in inline and block context, and inside links, images and references. */
    static String markdownBody(String p, String ref) {
        return "正文开始。\n\n"
                + "前文 " + p + " 后文。\n\n"
                + "- 列表项 " + p + "\n\n"
                + "> 引用 " + p + "\n\n"
                + "| 表头 |\n| --- |\n| " + p + " |\n\n"
                + "[链接文字 " + p + "](https://ok.example/) **" + p + "**\n\n"
                + "[链接](" + p + ") ![图](" + p + ") [引用链接][" + ref + "] 脚注[^" + ref + "]\n\n"
                + "[" + ref + "]: " + p + "\n\n"
                + "[^" + ref + "]: 脚注 " + p + "\n\n"
                + "<a href=\"" + p + "\">双引号</a> <img src=\"" + p + "\" alt=\"图\"> <a href='" + p + "'>单引号</a> "
                + "<a href=" + p + ">无引号</a>\n\n"
                + p + "\n\n"
                + "正文结束。\n";
    }

    static String id(int i) {
        return String.format("%03d", i);
    }

    static String columnOf(int i) {
        return "k" + id(i) + " " + payloads.get(i);
    }

    static String tagOf(int i) {
        return "t" + id(i) + " " + payloads.get(i);
    }

    static void writePayloadSite(TestSite site) throws IOException {
        int n = payloads.size();
        LocalDate first = LocalDate.of(2020, 1, 1);
        for (int i = 0; i < n; i++) {
            String p = payloads.get(i);
            String k = id(i);
            String front = "---\n"
                    + "title: " + yaml(p) + "\n"
                    + "date: " + first.plusDays(i) + "\n"
                    + "slug: x-" + k + "\n"
                    + "kicker: " + yaml(p) + "\n"
                    + "subtitle: " + yaml(p) + "\n"
                    + "authors:\n  - " + yaml(p) + "\n"
                    + "source: " + yaml(p) + "\n"
                    + "column: " + yaml(columnOf(i)) + "\n"
                    + "tags:\n  - " + yaml(tagOf(i)) + "\n"
                    + "summary: " + yaml(p) + "\n"
                    + "cities:\n  - c-" + k + "\n"
                    + "exemplars:\n  - e-" + k + "\n"
                    + "---\n";
            site.write("content/articles/x-" + k + ".md", front + "\n" + markdownBody(p, "r" + k));

            ObjectNode city = JSON.createObjectNode();
            city.put("id", "c-" + k).put("name", p).put("province", p).put("target", p).put("summary", p);
            city.putArray("honors").addObject().put("level", "national").put("title", p).put("count", 1).put("note", p)
                    .putArray("years").add(2020);
            city.putArray("stats").addObject().put("label", p).put("value", 1).put("unit", p);
            site.write("content/data/cities/c-" + k + ".json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(city));

            ObjectNode exemplar = JSON.createObjectNode();
            exemplar.put("id", "e-" + k).put("name", p).put("category", p).put("summary", p).put("city", "c-" + k)
                    .put("role", p).put("service", p).put("story", markdownBody(p, "s" + k));
            exemplar.putArray("titles").addObject().put("title", p).put("year", 2024).put("issuer", p);
            site.write("content/data/exemplars/e-" + k + ".json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(exemplar));

            ObjectNode merchant = JSON.createObjectNode();
            merchant.put("id", "m-" + k).put("name", p).put("city", "c-" + k).put("district", p).put("category", p)
                    .put("address", p).put("phone", p).put("alliance", p);
            merchant.putArray("credentials").add(p);
            ObjectNode offer = merchant.putArray("offers").addObject();
            offer.putArray("for").add(p);
            offer.put("text", p);
            site.write("content/data/merchants/m-" + k + ".json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(merchant));
        }

        // the newest articles, the ones in feed.xml, carry all payloads between them: in titles, authors, columns
        // and (made from the Markdown) summaries
        int size = (n + FEED_ENTRIES - 1) / FEED_ENTRIES;
        for (int f = 0; f < FEED_ENTRIES; f++) {
            List<String> chunk = payloads.subList(Math.min(n, f * size), Math.min(n, (f + 1) * size));
            if (chunk.isEmpty()) chunk = List.of("空");
            String slug = "feed-" + id(f);
            String title = String.join(" ‖ ", chunk);
            String column = "f" + id(f) + " " + String.join(" ", chunk);
            StringBuilder fm = new StringBuilder("---\ntitle: " + yaml(title) + "\ndate: "
                    + LocalDate.of(2025, 1, 1).plusDays(f) + "\nslug: " + slug + "\ncolumn: " + yaml(column) + "\nauthors:\n");
            for (String p : chunk) fm.append("  - ").append(yaml(p)).append('\n');
            fm.append("---\n\n");
            for (String p : chunk) fm.append("摘要前文 ").append(p).append(" 摘要后文。\n\n");
            site.write("content/articles/" + slug + ".md", fm.toString());
            List<String> authors = chunk.stream().map(String::strip).distinct().toList();
            feedArticles.add(new FeedArticle(slug, title.strip(), authors, column.strip()));
        }
        fieldsCovered.addAll(List.of(
                "article.title", "article.kicker", "article.subtitle", "article.authors", "article.source",
                "article.column", "article.tags", "article.summary", "article.body (Markdown)",
                "city.name", "city.province", "city.target", "city.summary", "city.honors.title", "city.honors.note",
                "city.stats.label", "city.stats.unit",
                "exemplar.name", "exemplar.category", "exemplar.summary", "exemplar.role", "exemplar.service",
                "exemplar.story (Markdown)", "exemplar.titles.title", "exemplar.titles.issuer",
                "merchant.name", "merchant.district", "merchant.category", "merchant.address", "merchant.phone",
                "merchant.credentials", "merchant.alliance", "merchant.offers.text", "merchant.offers.for"));
    }

    /** A site without payloads: one of everything, so that every template renders. */
    static void writeCleanSite(TestSite site) throws IOException {
        site.article("clean", "干净的文章", "2024-01-01", "column: 双拥动态", "tags: [双拥]", "cities: [clean]",
                "exemplars: [clean]", "kicker: 引题", "subtitle: 副题", "authors: [记者]", "source: 日报");
        site.write("content/data/cities/clean.json", """
                {"id": "clean", "name": "长沙市", "province": "湖南省", "target": "八连冠", "summary": "一段话。",
                 "honors": [{"level": "national", "title": "全国双拥模范城", "count": 2, "consecutive": true, "note": "说明",
                             "years": [2016, 2020]},
                            {"level": "provincial", "title": "全省双拥模范城", "count": 1, "years": [2019]}],
                 "stats": [{"label": "数字", "value": 3, "unit": "个", "qualifier": "余"}],
                 "location": {"lat": 28.2, "lng": 112.9}}
                """);
        site.write("content/data/exemplars/clean.json", """
                {"id": "clean", "name": "田俊岭", "category": "最美退役军人", "summary": "一句话。", "city": "clean",
                 "role": "职务", "service": "服役", "story": "## 事迹\\n\\n故事，[链接](https://ok.example/)。",
                 "titles": [{"title": "全国最美退役军人", "year": 2021, "issuer": "退役军人事务部"}]}
                """);
        site.write("content/data/merchants/clean.json", """
                {"id": "clean", "name": "书民大药房", "city": "clean", "district": "复兴区", "category": "医药",
                 "address": "某路1号", "phone": "0310-1234567", "credentials": ["优待证"], "alliance": "拥军联盟",
                 "location": {"lat": 36.6, "lng": 114.5},
                 "offers": [{"for": ["现役军人"], "text": "药品九折", "discount": 9}]}
                """);
    }

    // ------------------------------------------------------------------ build

    @BeforeAll
    static void build() throws IOException {
        payloads = readCorpus();

        Path cleanOut = tmp.resolve("clean-output");
        TestSite clean = TestSite.create(tmp.resolve("clean"), 100);
        writeCleanSite(clean);
        clean.build(cleanOut, false, new Problems());
        for (String rel : htmlFiles(cleanOut)) {
            Document doc = parse(cleanOut, rel);
            for (Element e : doc.getAllElements()) {
                if (WATCHED.contains(e.normalName())) allowed.addAll(signatures(rel, e));
                if (e.hasAttr("style")) allowed.add("style=" + e.attr("style"));
            }
        }

        TestSite site = TestSite.create(tmp.resolve("site"), 100);
        writePayloadSite(site);
        out = tmp.resolve("output");
        problems = new Problems();
        try {
            site.build(out, false, problems);
        } catch (BuildFailedException e) {
            buildFailure = e;
            return;
        }
        for (String rel : htmlFiles(out)) pages.put(rel, parse(out, rel));
    }

    static List<String> htmlFiles(Path dir) {
        return TestSite.files(dir).stream().filter(f -> f.endsWith(".html")).toList();
    }

    static Document parse(Path dir, String rel) throws IOException {
        return Jsoup.parse(dir.resolve(rel).toFile(), "UTF-8", BASE + rel);
    }

    /** The path from the site root that {@code url} on page {@code rel} points to, or the URL as written. */
    static String resolve(String rel, String url) {
        try {
            URI u = URI.create("https://h.invalid/" + rel).resolve(url.strip());
            return "https".equals(u.getScheme()) && "h.invalid".equals(u.getHost()) ? u.getPath() : url;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** Tag and attributes (links resolved, page-specific values as *), and the whole markup of svg and math. */
    static String signature(String rel, Element e) {
        List<String> attrs = new ArrayList<>();
        for (Attribute a : e.attributes()) {
            String key = a.getKey().toLowerCase(Locale.ROOT);
            String value = switch (key) {
                case "href", "content", "title", "value", "label" -> "*";
                case "src", "action" -> resolve(rel, a.getValue());
                default -> a.getValue();
            };
            attrs.add(key + "=" + value);
        }
        attrs.sort(null);
        String sig = e.normalName() + " " + attrs;
        if (isJsonData(e)) sig += " data=(JSON)";
        else if (e.normalName().equals("script") || e.normalName().equals("style")) sig += " data=" + e.data();
        return sig;
    }

    /**
     * A {@code <script type="application/ld+json">} data block that is only a JSON object, with no {@code <} that
     * could end the element: structured data, which no browser runs.
     */
    static boolean isJsonData(Element e) {
        if (!e.normalName().equals("script") || !e.attr("type").equals("application/ld+json") || e.hasAttr("src")
                || e.data().contains("<")) return false;
        try {
            return new ObjectMapper().readTree(e.data()).isObject();
        } catch (IOException x) {
            return false;
        }
    }

    /**
     * What a watched element must match: its signature, and for svg and math (charts draw names and numbers in
     * them) the shape of each element inside: name and attributes, numbers and plain ids masked, text left out. An
     * element or attribute that the theme's clean build never has is still new.
     */
    static List<String> signatures(String rel, Element e) {
        if (!e.normalName().equals("svg") && !e.normalName().equals("math")) return List.of(signature(rel, e));
        List<String> shapes = new ArrayList<>();
        for (Element d : e.getAllElements()) shapes.add("in " + e.normalName() + ": " + shape(d));
        return shapes;
    }

    static String shape(Element d) {
        List<String> attrs = new ArrayList<>();
        for (Attribute a : d.attributes()) {
            String key = a.getKey().toLowerCase(Locale.ROOT);
            String value = a.getValue();
            if (value.matches("[-0-9. ]+")) value = "#";
            else if ((key.equals("id") || key.equals("aria-labelledby")) && value.matches("[a-z0-9 -]+")) value = "id";
            attrs.add(key + "=" + value);
        }
        attrs.sort(null);
        return d.normalName() + " " + attrs;
    }

    // ------------------------------------------------------------------ reporting

    /** Which payload and field a page was made from, when it is the page of one. */
    static String origin(String rel) {
        Matcher m = Pattern.compile("^(articles|cities|exemplars|merchants)/([xcem])-(\\d{3})/index\\.html$").matcher(rel);
        if (m.find()) {
            int i = Integer.parseInt(m.group(3));
            String kind = switch (m.group(2)) {
                case "x" -> "article";
                case "c" -> "city";
                case "e" -> "exemplar";
                default -> "merchant";
            };
            return kind + " of payload #" + i + " " + show(payloads.get(i));
        }
        return "list/other page";
    }

    static String snippet(Element e) {
        String html = e.outerHtml();
        return show(html.length() > 400 ? html.substring(0, 400) + "…" : html);
    }

    static void violation(List<String> found, String what, String rel, Element e) {
        String place = e.closest(".prose") != null
                ? (rel.startsWith("exemplars/") ? "in exemplar.story" : "in article body")
                : "outside .prose";
        found.add(what + " | " + rel + " (" + origin(rel) + ") " + place + " | " + snippet(e));
    }

    /** Fails with every problem found, repeated ones counted once. */
    static void report(String title, List<String> found) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String f : found) counts.merge(f, 1, Integer::sum);
        String list = counts.entrySet().stream()
                .map(e -> e.getValue() > 1 ? e.getKey() + "  (×" + e.getValue() + ")" : e.getKey())
                .collect(Collectors.joining("\n"));
        assertThat(counts.keySet()).as(title + ": " + counts.size() + " distinct problem(s)\n" + list).isEmpty();
    }

    // ------------------------------------------------------------------ tests

    /** The checks of pages mean nothing without pages. */
    static void built() {
        assertThat(buildFailure).as("the payload site failed to build: %s", problems.sorted()).isNull();
        assertThat(pages).hasSizeGreaterThan(4 * payloads.size());
    }

    @Test
    void theCorpusIsLargeAndDocumented() throws IOException {
        String text = new String(XssTest.class.getResourceAsStream(CORPUS).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text.lines().filter(l -> l.startsWith("#")).findFirst()).isPresent();
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(60).doesNotHaveDuplicates();
        assertThat(fieldsCovered).hasSizeGreaterThanOrEqualTo(34);
    }

    @Test
    void theSiteBuildsWithoutErrorsOrWarnings() {
        String list = problems.sorted().stream().map(p -> show(p.format())).collect(Collectors.joining("\n"));
        assertThat(buildFailure).as(list).isNull();
        assertThat(problems.sorted()).as(list).isEmpty();
        assertThat(problems.count(Severity.ERROR)).isZero();
        assertThat(pages).containsKeys("merchants/index.html", "articles/x-000/index.html", "cities/c-000/index.html",
                "exemplars/e-000/index.html", "merchants/m-000/index.html");
    }

    // ---- the checks of one page, shared by the tests over the site and the test of the checks themselves

    interface PageCheck {
        void check(String rel, Document doc, List<String> found);
    }

    static void checkScripts(String rel, Document doc, List<String> found) {
        for (Element s : doc.select("script")) {
            if (isJsonData(s)) continue;
            if (!s.hasAttr("src") || !s.data().isBlank()) violation(found, "inline script", rel, s);
            else if (!allowed.contains(signature(rel, s))) violation(found, "foreign script", rel, s);
        }
    }

    static void checkHandlers(String rel, Document doc, List<String> found) {
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                if (a.getKey().toLowerCase(Locale.ROOT).startsWith("on")) violation(found, "event handler " + a.getKey(), rel, e);
            }
        }
    }

    /** Trimmed, ASCII whitespace and control characters (C0 and DEL) removed, lowercased. */
    static String squeeze(String v) {
        StringBuilder sb = new StringBuilder();
        v.codePoints().filter(c -> c > 0x20 && c != 0x7F).forEach(sb::appendCodePoint);
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    static void checkUrls(String rel, Document doc, List<String> found) {
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                String v = squeeze(a.getValue());
                if (URL_ATTRIBUTES.contains(key)) {
                    for (String scheme : BAD_SCHEMES) {
                        if (v.startsWith(scheme)) violation(found, scheme + " in " + key, rel, e);
                    }
                    if (key.equals("srcdoc")) violation(found, "srcdoc", rel, e);
                } else if (ANIMATION_VALUES.contains(key)) {
                    for (String scheme : BAD_SCHEMES) {
                        if (v.contains(scheme)) violation(found, scheme + " in " + key, rel, e);
                    }
                }
            }
        }
    }

    static void checkElements(String rel, Document doc, List<String> found) {
        for (Element e : doc.select("iframe, frame, frameset, object, embed, applet, base, style, portal")) {
            violation(found, "forbidden element " + e.normalName(), rel, e);
        }
        for (Element e : doc.select("meta[http-equiv]")) violation(found, "meta http-equiv", rel, e);
        for (Element e : doc.select("link[rel~=(?i)import|preload|modulepreload|prefetch]")) violation(found, "link rel", rel, e);
        for (Element e : doc.select("link")) {
            if (e.closest("head") == null) violation(found, "link outside head", rel, e);
        }
        for (Element e : doc.select("form[action], [formaction]")) {
            // the theme's search forms send a GET to the site's own search page; any other action is a payload's
            boolean search = e.normalName().equals("form") && "get".equalsIgnoreCase(e.attr("method"))
                    && resolve(rel, e.attr("action")).endsWith("/search/") && allowed.contains(signature(rel, e));
            if (!search) violation(found, "form action", rel, e);
        }
        for (Element e : doc.getAllElements()) {
            if (WATCHED.contains(e.normalName()) && !allowed.containsAll(signatures(rel, e))) {
                violation(found, "element not in the theme: " + e.normalName(), rel, e);
            }
            if (e.hasAttr("style") && !allowed.contains("style=" + e.attr("style"))) {
                violation(found, "style attribute", rel, e);
            }
        }
    }

    static void checkProse(String rel, Document doc, List<String> found) {
        for (Element prose : doc.select(".prose")) {
            for (Element e : prose.select("[style]")) violation(found, "style attribute in .prose", rel, e);
            for (Element e : prose.select("svg, math")) violation(found, e.normalName() + " in .prose", rel, e);
            for (Element e : prose.getAllElements()) {
                if (e.tagName().contains(":")) violation(found, "namespaced element in .prose", rel, e);
            }
        }
    }

    static void checkAll(String title, PageCheck check) {
        built();
        List<String> found = new ArrayList<>();
        pages.forEach((rel, doc) -> check.check(rel, doc, found));
        report(title, found);
    }

    @Test
    void theOnlyScriptsAreTheThemesOwn() {
        assertThat(allowed).anyMatch(s -> s.startsWith("script ") && s.matches("(?s).*/assets/merchants\\.[0-9a-f]{8}\\.js.*"));
        checkAll("scripts", XssTest::checkScripts);
        assertThat(pages.get("merchants/index.html").select("script[src~=assets/merchants\\.[0-9a-f]{8}\\.js$][defer]")).hasSize(1);
    }

    /** Titles go into the article's JSON-LD as text: the JSON gives back exactly the title, whatever it holds. */
    @Test
    void structuredDataHoldsEveryTitleAsText() throws IOException {
        built();
        assertThat(feedArticles).isNotEmpty();
        for (FeedArticle f : feedArticles) {
            Document page = pages.get("articles/" + f.slug() + "/index.html");
            Elements data = page.select("script[type=application/ld+json]");
            assertThat(data).as(f.slug()).hasSize(1);
            assertThat(isJsonData(data.get(0))).as(f.slug()).isTrue();
            JsonNode json = new ObjectMapper().readTree(data.get(0).data());
            assertThat(json.get("headline").asText()).as(f.slug()).isEqualTo(shown(f.title()).strip());
        }
    }

    @Test
    void noElementHasAnEventHandler() {
        checkAll("event handlers", XssTest::checkHandlers);
    }

    @Test
    void noUrlIsAScriptOrDataUrl() {
        checkAll("script and data URLs", XssTest::checkUrls);
    }

    @Test
    void noFramesObjectsFormsBasesRefreshesOrStylesBeyondTheTheme() {
        checkAll("frames, objects, forms, base, refresh, styles", XssTest::checkElements);
    }

    @Test
    void articleAndExemplarBodiesHoldNoStylesSvgOrMath() {
        checkAll(".prose", XssTest::checkProse);
        // the bodies did reach the pages
        for (int i = 0; i < payloads.size(); i++) {
            for (String rel : List.of("articles/x-" + id(i) + "/index.html", "exemplars/e-" + id(i) + "/index.html")) {
                assertThat(pages.get(rel).select(".prose").text()).as(rel).startsWith("正文开始。");
            }
        }
    }

    /** The checks are worth something only if they catch what they look for: an unsanitized page. */
    @Test
    void theChecksCatchAnUnsanitizedPage() {
        Document bad = Jsoup.parse("""
                <!DOCTYPE html><html><head><meta http-equiv="refresh" content="0;url=javascript:alert(1)">
                <base href="https://evil.example/"><style>@import 'x.css';</style></head><body>
                <script>alert(1)</script><script src="../assets/evil.js"></script>
                <img src=x onerror=alert(1)><a href="&#x6A;ava&#09;script:alert(1)">x</a><a href=" VBScript:x">x</a>
                <iframe srcdoc="x"></iframe><object data="data:text/html,x"></object><embed src="x">
                <form action="javascript:alert(1)"><button formaction="javascript:x">x</button></form>
                <svg><set attributeName=href to="javascript:alert(1)"/></svg>
                <div class="prose"><p style="color:red">x</p><math></math><svg></svg></div>
                </body></html>""");
        Map<String, Integer> expected = Map.of("scripts", 2, "handlers", 1, "urls", 6, "elements", 10, "prose", 3);
        Map<String, PageCheck> checks = Map.of("scripts", XssTest::checkScripts, "handlers", XssTest::checkHandlers,
                "urls", XssTest::checkUrls, "elements", XssTest::checkElements, "prose", XssTest::checkProse);
        checks.forEach((name, check) -> {
            List<String> found = new ArrayList<>();
            check.check("articles/x-000/index.html", bad, found);
            assertThat(found).as(name).hasSizeGreaterThanOrEqualTo(expected.get(name));
        });
    }

    // ---- plain fields: escaped, not dropped

    /**
     * What jsoup's text() makes of a field: stripped at load (String.strip), whitespace collapsed, and trimmed with
     * String.trim, which also takes C0 control characters off both ends.
     */
    static String text(String s) {
        return s.strip().replaceAll("[ \\t\\n\\f\\r\\u00A0]+", " ").replaceAll("[\\u200B\\u00AD]", "").trim();
    }

    static void expect(List<String> found, int i, String field, Document doc, String rel, String css, String expected) {
        if (doc == null) {
            found.add("payload #" + i + " " + field + ": page " + rel + " missing");
            return;
        }
        Elements els = doc.select(css);
        if (els.eachText().stream().noneMatch(expected::equals)) {
            found.add("payload #" + i + " " + field + " | " + rel + " " + css + " | expected «" + show(expected)
                    + "» but found " + els.eachText().stream().map(XssTest::show).toList());
        }
    }

    /** The list item on any page of {@code prefix} that links to {@code target}. */
    static Element itemLinkingTo(String prefix, String selector, String target) {
        for (var entry : pages.entrySet()) {
            if (!entry.getKey().startsWith(prefix)) continue;
            for (Element item : entry.getValue().select(selector)) {
                for (Element a : item.select("a[href]")) {
                    if (resolve(entry.getKey(), a.attr("href")).equals(target)) return item;
                }
            }
        }
        return null;
    }

    static void expectItem(List<String> found, int i, String field, Element item, String css, String expected) {
        if (item == null) {
            found.add("payload #" + i + " " + field + ": list item missing");
            return;
        }
        Elements els = css.isEmpty() ? new Elements(item) : item.select(css);
        if (els.eachText().stream().noneMatch(expected::equals)) {
            found.add("payload #" + i + " " + field + " | " + css + " | expected «" + show(expected) + "» but found "
                    + els.eachText().stream().map(XssTest::show).toList());
        }
    }

    @Test
    void plainFieldsShowThePayloadAsText() {
        built();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            String p = shown(payloads.get(i));
            String t = text(p);
            String k = id(i);

            String rel = "articles/x-" + k + "/index.html";
            Document a = pages.get(rel);
            expect(found, i, "article.title", a, rel, "h1.article-title", t);
            // <title> is raw text, its whitespace kept
            expect(found, i, "article.title in <title>", a, rel, "title", (p.strip() + " - " + SITE_TITLE).trim());
            expect(found, i, "article.kicker", a, rel, ".article-head p.kicker", t);
            expect(found, i, "article.subtitle", a, rel, ".article-head p.subtitle", t);
            expect(found, i, "article.source", a, rel, ".article-head .meta span", text("来源：" + p.strip()));
            expect(found, i, "article.authors", a, rel, ".article-head .meta span", text("作者：" + p.strip()));
            expect(found, i, "article.tags", a, rel, ".article-foot a.tag-chip", text(shown(tagOf(i))));
            expect(found, i, "article.column", a, rel, "nav.breadcrumb a", text(shown(columnOf(i))));
            expect(found, i, "city.name (article links)", a, rel, ".article-foot p.links a", t);
            if (a != null && !a.select("meta[name=description]").attr("content").equals(p.strip())) {
                found.add("payload #" + i + " article.summary | " + rel + " meta description | expected «" + show(p.strip())
                        + "» but found «" + show(a.select("meta[name=description]").attr("content")) + "»");
            }
            expectItem(found, i, "article.summary (list)", itemLinkingTo("articles/", "li.article-item", "/articles/x-" + k + "/"),
                    ".article-item-summary", t);
            String col = "columns/" + Slugs.of(columnOf(i)) + "/index.html";
            expect(found, i, "article.column (column page)", pages.get(col), col, "h1.page-title", text(shown(columnOf(i))));
            String tag = "tags/" + Slugs.of(tagOf(i)) + "/index.html";
            expect(found, i, "article.tags (tag page)", pages.get(tag), tag, "h1.page-title", text(shown(tagOf(i))));

            rel = "cities/c-" + k + "/index.html";
            Document c = pages.get(rel);
            expect(found, i, "city.name", c, rel, "h1.page-title", t);
            expect(found, i, "city.province", c, rel, ".entity-head p.kicker", text(p.strip() + " · 双拥模范城"));
            expect(found, i, "city.target", c, rel, "p.target", text("争创目标：" + p.strip()));
            expect(found, i, "city.summary", c, rel, "p.lead", t);
            expect(found, i, "city.stats.label", c, rel, "dl.stats dt", t);
            expect(found, i, "city.stats.unit", c, rel, "dl.stats dd", text("1" + p.strip()));
            expect(found, i, "city.honors.title", c, rel, "table.honors tbody th", t);
            expect(found, i, "city.honors.note", c, rel, "table.honors tbody td", t);
            Element row = itemLinkingTo("cities/index.html", "table.honor-roll tbody tr", "/cities/c-" + k + "/");
            expectItem(found, i, "city.name (honor roll)", row, "th", t);
            expectItem(found, i, "city.province (honor roll)", row, "td", t);
            expectItem(found, i, "city.honors.title (honor roll)", row, "ul.honor-cell li", t);

            rel = "exemplars/e-" + k + "/index.html";
            Document e = pages.get(rel);
            expect(found, i, "exemplar.name", e, rel, "h1.page-title", t);
            expect(found, i, "exemplar.summary", e, rel, ".profile-head p.lead", t);
            expect(found, i, "exemplar.category", e, rel, ".profile-head p.kicker", text(p.strip() + " · " + p.strip()));
            if (e != null && e.select("dl.facts dd").eachText().stream().filter(t::equals).count() != 2) {
                found.add("payload #" + i + " exemplar.role/service | " + rel + " | expected «" + show(t) + "» twice but found "
                        + e.select("dl.facts dd").eachText().stream().map(XssTest::show).toList());
            }
            expect(found, i, "exemplar.titles.title", e, rel, "ul.titles strong", text("2024年 " + p.strip()));
            expect(found, i, "exemplar.titles.issuer", e, rel, "ul.titles span.issuer", t);
            Element card = itemLinkingTo("exemplars/index.html", "li.exemplar-card", "/exemplars/e-" + k + "/");
            expectItem(found, i, "exemplar.name (gallery)", card, ".exemplar-name", t);
            expectItem(found, i, "exemplar.summary (gallery)", card, ".exemplar-summary", t);

            rel = "merchants/m-" + k + "/index.html";
            Document m = pages.get(rel);
            expect(found, i, "merchant.name", m, rel, "h1.page-title", t);
            expect(found, i, "merchant.category", m, rel, ".entity-head .kicker .tag-chip", t);
            expect(found, i, "merchant.district", m, rel, ".entity-head .kicker", text(p.strip() + " " + p.strip() + p.strip()));
            expect(found, i, "merchant.alliance", m, rel, "p.alliance", text(p.strip() + "成员单位"));
            expect(found, i, "merchant.offers.for", m, rel, "table.offers tbody td:eq(0)", t);
            expect(found, i, "merchant.offers.text", m, rel, "table.offers tbody td:eq(2)", t);
            expect(found, i, "merchant.credentials", m, rel, "section p", text("请出示：" + p.strip()));
            expect(found, i, "merchant.address", m, rel, "dl.facts dd", t);
            expect(found, i, "merchant.phone", m, rel, "dl.facts dd a", t);
            Element item = itemLinkingTo("merchants/index.html", "li.merchant-item", "/merchants/m-" + k + "/");
            expectItem(found, i, "merchant.name (directory)", item, "h3.merchant-name", t);
            expectItem(found, i, "merchant.category+address (directory)", item, "p.meta", text(p.strip() + " " + p.strip()));
            expectItem(found, i, "merchant.offers (directory)", item, "ul.offer-list li", text(p.strip() + " " + p.strip()));
        }
        report("plain fields", found);
    }

    // ---- feed, sitemap, JSON

    static org.w3c.dom.Document parseXml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        return builder.parse(new ByteArrayInputStream(bytes));
    }

    /** XML 1.0 turns CR LF and CR into LF. */
    static String xmlText(String s) {
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Without the characters XML 1.0 forbids. */
    static String notXml(String s) {
        return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }

    static List<String> children(org.w3c.dom.Element parent, String name) {
        List<String> list = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name);
        for (int j = 0; j < nodes.getLength(); j++) {
            if (nodes.item(j).getParentNode() == parent) list.add(nodes.item(j).getTextContent());
        }
        return list;
    }

    @Test
    void theFeedIsWellFormedXmlWithThePayloadTitles() throws Exception {
        assertThat(buildFailure).isNull();
        byte[] bytes = Files.readAllBytes(out.resolve("feed.xml"));
        List<String> found = new ArrayList<>();
        org.w3c.dom.Document feed;
        boolean lenient = false;
        try {
            feed = parseXml(bytes);
        } catch (SAXParseException e) {
            String xml = new String(bytes, StandardCharsets.UTF_8);
            String[] lines = xml.split("\n", -1);
            String line = e.getLineNumber() >= 1 && e.getLineNumber() <= lines.length ? lines[e.getLineNumber() - 1] : "";
            found.add("feed.xml is not well-formed XML: " + e.getMessage() + " at line " + e.getLineNumber() + ": "
                    + show(line.strip()));
            // go on with the characters XML 1.0 forbids taken out, to check everything else
            feed = parseXml(notXml(xml).getBytes(StandardCharsets.UTF_8));
            lenient = true;
        }
        Map<String, FeedArticle> bySlug = new HashMap<>();
        for (FeedArticle f : feedArticles) bySlug.put(f.slug(), f);
        NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isEqualTo(FEED_ENTRIES);
        Set<String> seen = new LinkedHashSet<>();
        for (int j = 0; j < entries.getLength(); j++) {
            org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(j);
            String link = ((org.w3c.dom.Element) entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0))
                    .getAttribute("href");
            String slug = link.replaceFirst("^" + Pattern.quote(BASE + "articles/") + "([^/]+)/$", "$1");
            FeedArticle expected = bySlug.get(slug);
            if (expected != null) {
                expected = new FeedArticle(slug, shown(expected.title()).strip(),
                        expected.authors().stream().map(a -> shown(a).strip()).distinct().toList(),
                        shown(expected.column()).strip());
            }
            if (expected != null && lenient) {
                expected = new FeedArticle(slug, notXml(expected.title()),
                        expected.authors().stream().map(XssTest::notXml).toList(), notXml(expected.column()));
            }
            if (expected == null) {
                found.add("feed entry with unexpected link " + link);
                continue;
            }
            seen.add(slug);
            List<String> titles = children(entry, "title");
            if (!titles.equals(List.of(xmlText(expected.title())))) {
                found.add("feed " + slug + " title: expected «" + show(xmlText(expected.title())) + "» but was "
                        + titles.stream().map(XssTest::show).toList());
            }
            List<String> authors = new ArrayList<>();
            NodeList names = entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "name");
            for (int n = 0; n < names.getLength(); n++) authors.add(names.item(n).getTextContent());
            List<String> expectedAuthors = expected.authors().stream().map(XssTest::xmlText).toList();
            if (!authors.equals(expectedAuthors)) {
                found.add("feed " + slug + " authors: expected " + expectedAuthors.stream().map(XssTest::show).toList()
                        + " but was " + authors.stream().map(XssTest::show).toList());
            }
            org.w3c.dom.Element category = (org.w3c.dom.Element) entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "category").item(0);
            String label = category == null ? null : category.getAttribute("label");
            // attribute values are normalized by XML: tabs and newlines become spaces
            String expectedLabel = xmlText(expected.column()).replaceAll("[\\t\\n]", " ");
            if (!expectedLabel.equals(label)) {
                found.add("feed " + slug + " category label: expected «" + show(expectedLabel) + "» but was «"
                        + (label == null ? null : show(label)) + "»");
            }
            if (children(entry, "summary").size() != 1) found.add("feed " + slug + ": no summary");
        }
        assertThat(seen).hasSize(FEED_ENTRIES);
        report("feed.xml", found);
    }

    @Test
    void theSitemapIsWellFormedXml() throws Exception {
        assertThat(buildFailure).isNull();
        org.w3c.dom.Document sitemap = parseXml(Files.readAllBytes(out.resolve("sitemap.xml")));
        NodeList locs = sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        assertThat(locs.getLength()).isGreaterThan(4 * payloads.size());
        for (int j = 0; j < locs.getLength(); j++) assertThat(locs.item(j).getTextContent()).startsWith(BASE);
    }

    @Test
    void everyJsonFileParsesAndTheMerchantIndexKeepsTheText() throws Exception {
        assertThat(buildFailure).isNull();
        for (String f : TestSite.files(out)) {
            if (f.endsWith(".json")) JSON.readTree(Files.readAllBytes(out.resolve(f)));
        }
        JsonNode index = JSON.readTree(Files.readAllBytes(out.resolve("merchants/index.json")));
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode m : index.get("merchants")) byId.put(m.get("id").asText(), m);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            String p = shown(payloads.get(i)).strip();
            JsonNode m = byId.get("m-" + id(i));
            if (m == null) {
                found.add("payload #" + i + ": merchant missing from merchants/index.json");
                continue;
            }
            for (String key : List.of("name", "district", "category", "address", "cityName")) {
                if (!p.equals(m.path(key).asText(null))) {
                    found.add("payload #" + i + " index.json " + key + ": expected «" + show(p) + "» but was «"
                            + show(String.valueOf(m.path(key).asText(null))) + "»");
                }
            }
            ArrayNode groups = (ArrayNode) m.get("groups");
            if (groups == null || groups.size() != 1 || !groups.get(0).asText().equals(p)) {
                found.add("payload #" + i + " index.json groups: " + groups);
            }
            ArrayNode offers = (ArrayNode) m.get("offers");
            if (offers == null || offers.size() != 1 || !offers.get(0).asText().equals(p + "：" + p)) {
                found.add("payload #" + i + " index.json offers: " + offers);
            }
        }
        report("merchants/index.json", found);
    }
}
