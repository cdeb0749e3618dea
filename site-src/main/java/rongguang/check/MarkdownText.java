package rongguang.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import rongguang.problems.Place;

/**
 * A Markdown text taken apart for checking: the prose of each paragraph, heading, table cell and image description
 * (without code, URLs, HTML tags or Markdown syntax), the images that have no description, and every link and
 * image destination in order, each with its place in the file. Parsed with the extensions the site's Markdown uses.
 */
final class MarkdownText {
    private static final Parser PARSER = Parser.builder()
            .extensions(List.<Extension>of(TablesExtension.create(), StrikethroughExtension.create(),
                    AutolinkExtension.create(), FootnotesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern URL_ATTRIBUTE = Pattern.compile(
            "(?i)(?<![\\w-])(href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");
    private static final Pattern ALT = Pattern.compile("(?i)(?<![\\w-])alt\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");
    /** Tags whose content is not prose. */
    private static final Set<String> NOT_PROSE = Set.of("code", "pre", "kbd", "samp", "script", "style", "textarea");
    /** Tags inside a line of text: the text around them reads on. */
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "cite", "del", "em", "i", "ins", "mark", "q",
            "s", "small", "span", "strong", "sub", "sup", "time", "u", "var");

    /** An image without a description, as it is written. */
    record MissingAlt(Place place, String written) {}

    /** A link or image destination as written in Markdown or in an HTML attribute. */
    record LinkSource(String destination, Place place) {}

    final List<Prose> prose = new ArrayList<>();
    final List<MissingAlt> missingAlts = new ArrayList<>();
    final List<LinkSource> links = new ArrayList<>();
    private final TextInFile source;
    private final String md;

    private MarkdownText(TextInFile source) {
        this.source = source;
        this.md = source.text();
    }

    static MarkdownText parse(TextInFile markdown) {
        MarkdownText t = new MarkdownText(markdown);
        t.block(PARSER.parse(markdown.text()));
        return t;
    }

    private void block(Node n) {
        if (n instanceof Paragraph || n instanceof Heading || n instanceof TableCell) {
            Builder b = new Builder(start(n, 0));
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) inline(c, b);
            b.finish();
        } else if (n instanceof HtmlBlock html) {
            html(html.getLiteral(), start(n, 0), null);
        } else if (!(n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock || n instanceof ThematicBreak
                || n instanceof LinkReferenceDefinition)) {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) block(c);
        }
    }

    private void inline(Node n, Builder b) {
        int start = start(n, b.end);
        if (n instanceof Text text) {
            b.text(text.getLiteral(), start, spanLength(n));
        } else if (n instanceof SoftLineBreak) {
            int newline = md.indexOf('\n', b.end);
            b.add('\n', newline < 0 ? b.end : newline);
        } else if (n instanceof HardLineBreak) {
            b.add(Prose.BREAK, start);
        } else if (n instanceof Code || n instanceof FootnoteReference) {
            b.add(Prose.OBJECT, start);
            b.end = start + spanLength(n);
        } else if (n instanceof HtmlInline html) {
            html(html.getLiteral(), start, b);
            b.end = start + html.getLiteral().length();
        } else if (n instanceof Image image) {
            b.add(Prose.OBJECT, start);
            image(image, start);
            b.end = start + spanLength(n);
        } else if (n instanceof Link link) {
            links.add(new LinkSource(link.getDestination(), source.place(start)));
            if (isAutolink(link)) {
                b.add(Prose.OBJECT, start);
            } else {
                for (Node c = n.getFirstChild(); c != null; c = c.getNext()) inline(c, b);
            }
            b.end = Math.max(b.end, start + spanLength(n));
        } else {
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) inline(c, b);
        }
    }

    /** The description of an image is prose of its own; an image without one is reported. */
    private void image(Image image, int start) {
        links.add(new LinkSource(image.getDestination(), source.place(start)));
        Builder alt = new Builder(start);
        for (Node c = image.getFirstChild(); c != null; c = c.getNext()) inline(c, alt);
        if (alt.text.toString().isBlank()) {
            missingAlts.add(new MissingAlt(source.place(start), md.substring(start, Math.min(md.length(), start + spanLength(image)))));
        }
        alt.finish();
    }

    /** {@code <https://x>} and bare URLs are links whose text is their address: not prose. */
    private static boolean isAutolink(Link link) {
        if (!(link.getFirstChild() instanceof Text t) || t.getNext() != null) return false;
        String d = link.getDestination();
        String text = t.getLiteral();
        return d.equals(text) || d.equals("mailto:" + text) || d.equals("http://" + text) || d.equals("https://" + text);
    }

    /**
     * Raw HTML: tags are not prose, the text between them is; inline tags let a line read on, other tags end
     * it. Images without alt are reported, and href and src attributes recorded. {@code inline} is the line being
     * read when the HTML stands inside a paragraph, else null.
     */
    private void html(String literal, int at, Builder inline) {
        Builder b = inline != null ? inline : new Builder(at);
        Matcher tag = TAG.matcher(literal);
        int textFrom = 0;
        while (tag.find()) {
            b.raw(literal, at, textFrom, tag.start());
            textFrom = tag.end();
            if (tag.group(2) == null) continue; // a comment
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            String attributes = tag.group(3);
            int attributesAt = at + tag.start(3);
            attributes(attributes, attributesAt);
            if (name.equals("img")) {
                b.add(Prose.OBJECT, at + tag.start());
                Matcher alt = ALT.matcher(attributes);
                String value = alt.find() ? firstNonNull(alt.group(1), alt.group(2), alt.group(3)) : null;
                if (value == null || value.isBlank()) {
                    missingAlts.add(new MissingAlt(source.place(at + tag.start()), tag.group()));
                }
            } else if (name.equals("br")) {
                b.add(Prose.BREAK, at + tag.start());
            } else if (NOT_PROSE.contains(name) && tag.group(1).isEmpty()) {
                Matcher close = Pattern.compile("(?i)</" + name + "\\s*>").matcher(literal);
                if (close.find(tag.end())) {
                    textFrom = close.end();
                    tag.region(close.end(), literal.length());
                } else {
                    textFrom = literal.length();
                    break;
                }
                b.add(Prose.OBJECT, at + tag.start());
            } else if (!INLINE.contains(name) && inline == null) {
                b.finish();
                b = new Builder(at + tag.end());
            }
        }
        b.raw(literal, at, textFrom, literal.length());
        if (inline == null) b.finish();
    }

    private void attributes(String attributes, int at) {
        Matcher m = URL_ATTRIBUTE.matcher(attributes);
        while (m.find()) {
            int group = m.group(2) != null ? 2 : m.group(3) != null ? 3 : 4;
            String value = org.jsoup.parser.Parser.unescapeEntities(m.group(group), true);
            links.add(new LinkSource(value, source.place(at + m.start())));
        }
    }

    private static String firstNonNull(String... values) {
        for (String v : values) if (v != null) return v;
        return null;
    }

    private static int start(Node n, int fallback) {
        List<SourceSpan> spans = n.getSourceSpans();
        return spans.isEmpty() ? fallback : spans.get(0).getInputIndex();
    }

    private static int spanLength(Node n) {
        List<SourceSpan> spans = n.getSourceSpans();
        if (spans.isEmpty()) return 0;
        SourceSpan last = spans.get(spans.size() - 1);
        return last.getInputIndex() + last.getLength() - spans.get(0).getInputIndex();
    }

    /** Collects one piece of prose with the origin of each character. */
    private final class Builder {
        final StringBuilder text = new StringBuilder();
        int[] origin = new int[64];
        /** Where the source read so far ends: soft line breaks have no place of their own, they follow it. */
        int end;

        Builder(int start) {
            this.end = start;
        }

        void add(char c, int at) {
            if (text.length() == origin.length) origin = Arrays.copyOf(origin, origin.length * 2);
            origin[text.length()] = at;
            text.append(c);
            end = Math.max(end, at + 1);
        }

        /**
         * A text node: its literal is the written text with backslash escapes and entities resolved, so the two
         * are walked side by side.
         */
        void text(String literal, int start, int length) {
            int s = start;
            int limit = Math.min(md.length(), start + Math.max(length, literal.length()));
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                int at = s;
                while (at < limit && md.charAt(at) != c) {
                    if (md.charAt(at) == '&') { // an entity: the character it stands for is placed at its '&'
                        break;
                    }
                    at++;
                }
                if (at >= limit) at = Math.min(s, md.length() - 1);
                add(c, Math.max(at, 0));
                if (at < md.length() && md.charAt(at) == '&' && c != '&') {
                    int semicolon = md.indexOf(';', at);
                    s = semicolon > 0 && semicolon < limit ? semicolon + 1 : at + 1;
                } else {
                    s = at + 1;
                }
            }
            end = Math.max(end, start + length);
        }

        /** Characters of raw HTML between tags, as they are written. */
        void raw(String literal, int at, int from, int to) {
            for (int i = from; i < to; i++) add(literal.charAt(i), at + i);
        }

        void finish() {
            if (text.length() > 0) prose.add(new Prose(text.toString(), Arrays.copyOf(origin, text.length()), source));
        }
    }
}
