package rongguang.load;

import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import rongguang.text.ControlCharacters;

/**
 * CommonMark with tables, strikethrough, autolinks and footnotes, rendered to HTML that is then sanitized:
 * raw HTML is allowed in Markdown, but scripts, event handlers, {@code javascript:} URLs, iframes and styles
 * never reach a page. Site paths ({@code /media/…}, {@code /articles/…}) become relative to the page, which for
 * every page with Markdown (articles, exemplars) is two folders below the site root.
 *
 * <p>One instance serves all threads: commonmark's parser and renderer and jsoup's cleaner are thread-safe.
 */
public final class Markdown {
    /** From a page at {@code kind/id/} back to the site root. */
    static final String ROOT_FROM_DETAIL_PAGE = "../../";

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Cleaner cleaner = new Cleaner(safelist());
    private final HtmlRenderer direct;

    /** HTML of a Markdown text, sanitized, and its plain text for summaries. */
    public record Html(String html, String text) {}

    public Markdown() {
        List<Extension> extensions = List.of(
                TablesExtension.create(),
                StrikethroughExtension.create(),
                AutolinkExtension.create(),
                FootnotesExtension.create(),
                HeadingAnchorExtension.builder().idPrefix("h-").build());
        parser = Parser.builder().extensions(extensions).build();
        renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .attributeProviderFactory(context -> new TableAlignment())
                .build();
        direct = HtmlRenderer.builder()
                .extensions(extensions)
                .attributeProviderFactory(context -> new TableAlignment())
                .attributeProviderFactory(context -> new DirectHtml.Attributes())
                .build();
    }

    public Html render(String markdown) {
        Node document = parser.parse(ControlCharacters.strip(markdown));
        return DirectHtml.applies(document) ? DirectHtml.render(document, direct) : sanitized(document);
    }

    /** Raw HTML from the editor: render, then clean with jsoup's safelist and rewrite the clean tree. */
    private Html sanitized(Node document) {
        String dirty = renderer.render(document);
        Document clean = cleaner.clean(Jsoup.parseBodyFragment(dirty, "https://site.invalid/"));
        clean.outputSettings().prettyPrint(false);
        rewrite(clean);
        return new Html(clean.body().html(), plainText(clean));
    }

    private static void rewrite(Document doc) {
        shiftHeadings(doc);
        dropUnsafeUrls(doc);
        for (Element a : doc.select("a[href]")) a.attr("href", siteRelative(a.attr("href")));
        for (Element img : doc.select("img")) {
            img.attr("src", siteRelative(img.attr("src")));
            if (!img.hasAttr("alt")) img.attr("alt", "");
        }
        for (Element back : doc.select("a.footnote-backref")) back.attr("aria-label", "返回正文");
        for (Element ref : doc.select("sup.footnote-ref > a")) ref.attr("aria-label", "注释 " + ref.text());
        for (Element table : doc.select("table")) table.wrap("<div class=\"table-wrap\"></div>");
    }

    /**
     * jsoup checks protocols after removing only C0 controls, so {@code &#127;javascript:} passes as a relative
     * link; read the URL the way the strictest reader would (no controls, no spaces) and drop any other scheme.
     */
    private static void dropUnsafeUrls(Document doc) {
        for (Element e : doc.select("[href], [src]")) {
            for (String attr : List.of("href", "src")) {
                if (!e.hasAttr(attr)) continue;
                String safe = safeUrl(e.attr(attr));
                if (safe == null) e.removeAttr(attr);
                else e.attr(attr, safe);
            }
        }
    }

    /** The URL without control characters, or null when its scheme is not one a page may link to. */
    static String safeUrl(String url) {
        String bare = url.replaceAll("[\\x00-\\x20\\x7F-\\x9F]", "").toLowerCase(java.util.Locale.ROOT);
        java.util.regex.Matcher scheme = SCHEME.matcher(bare);
        if (scheme.lookingAt() && !SAFE_SCHEMES.contains(scheme.group(1))) return null;
        return ControlCharacters.strip(url);
    }

    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("([a-z][a-z0-9+.-]*):");
    private static final java.util.Set<String> SAFE_SCHEMES = java.util.Set.of("http", "https", "mailto", "tel");

    /**
     * The page's title is its only h1, so the body's top heading level becomes h2 and the others follow, keeping
     * the outline valid whether an editor starts sections with #, ## or ###.
     */
    private static void shiftHeadings(Document doc) {
        var headings = doc.select("h1, h2, h3, h4, h5, h6");
        int top = headings.stream().mapToInt(h -> h.tagName().charAt(1) - '0').min().orElse(2);
        if (top == 2) return;
        for (Element h : headings) h.tagName("h" + Math.min(6, h.tagName().charAt(1) - '0' - top + 2));
    }

    /** {@code /media/x.jpg} and {@code media/x.jpg} → {@code ../../media/x.jpg}; other URLs stay. */
    public static String siteRelative(String url) {
        if (url.startsWith("/") && !url.startsWith("//")) return ROOT_FROM_DETAIL_PAGE + url.substring(1);
        if (url.startsWith("media/")) return ROOT_FROM_DETAIL_PAGE + url;
        return url;
    }

    private static String plainText(Document doc) {
        StringBuilder sb = new StringBuilder();
        for (Element p : doc.select("p")) {
            if (p.parent() != null && p.parent().closest("section.footnotes, blockquote, figure, table, details") != null) {
                continue;
            }
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(p.text());
            if (sb.length() > 400) break;
        }
        return sb.toString();
    }

    private static Safelist safelist() {
        return Safelist.relaxed()
                .addTags("figure", "figcaption", "details", "summary", "abbr", "section", "del", "s", "ins",
                        "mark", "hr", "small", "time", "cite", "kbd", "samp", "var")
                .addAttributes("abbr", "title")
                .addAttributes("time", "datetime")
                .addAttributes("h1", "id").addAttributes("h2", "id").addAttributes("h3", "id")
                .addAttributes("h4", "id").addAttributes("h5", "id").addAttributes("h6", "id")
                .addAttributes("section", "class")
                .addAttributes("sup", "class")
                .addAttributes("a", "id", "class")
                .addAttributes("li", "id")
                .addAttributes("th", "class").addAttributes("td", "class")
                .addAttributes("ol", "start")
                .addProtocols("a", "href", "http", "https", "mailto", "tel")
                .addProtocols("img", "src", "http", "https")
                .preserveRelativeLinks(true);
    }

    /** The obsolete {@code align} attribute of table cells becomes a class, so that pages stay valid HTML. */
    private static final class TableAlignment implements AttributeProvider {
        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            String align = attributes.remove("align");
            if (align != null) attributes.put("class", "align-" + align);
        }
    }
}
