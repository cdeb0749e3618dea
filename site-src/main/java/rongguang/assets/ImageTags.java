package rongguang.assets;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jsoup.parser.Parser;

/**
 * Completes the {@code <img>} tags of a rendered page. For an image under media/ whose size is known: {@code width}
 * and {@code height} (so the page does not jump as it loads), and for a large photo {@code srcset} with its
 * smaller copies and {@code sizes}. For every image: {@code decoding="async"}, and {@code loading="lazy"} except
 * for the first image of the page, which is usually the one a reader sees first. What a template wrote itself is
 * kept: these attributes are only added where missing.
 */
public final class ImageTags {
    /** The width of an image in the theme's text column; a template that knows better writes {@code sizes}. */
    static final String DEFAULT_SIZES = "(min-width: 880px) 848px, calc(100vw - 2rem)";

    private ImageTags() {}

    /**
     * @param html   the page
     * @param root   the page's way back to the site root ({@code ../../}, or the base path on the 404 page)
     * @param images the images under media/ by path
     * @param uses   told each media path an {@code <img>} of the page refers to
     */
    public static String complete(String html, String root, Map<String, ImageInfo> images, Consumer<String> uses) {
        int at = indexOfImg(html, 0);
        if (at < 0) return html;
        StringBuilder out = new StringBuilder(html.length() + 256);
        int copied = 0;
        boolean first = true;
        while (at >= 0) {
            int end = tagEnd(html, at);
            if (end < 0) break;
            out.append(html, copied, at);
            out.append(complete(html.substring(at, end), root, images, uses, first));
            first = false;
            copied = end;
            at = indexOfImg(html, end);
        }
        out.append(html, copied, html.length());
        return out.toString();
    }

    private static int indexOfImg(String html, int from) {
        for (int i = html.indexOf('<', from); i >= 0; i = html.indexOf('<', i + 1)) {
            if (html.regionMatches(true, i + 1, "img", 0, 3) && i + 4 < html.length()
                    && (Character.isWhitespace(html.charAt(i + 4)) || html.charAt(i + 4) == '>'
                    || html.charAt(i + 4) == '/')) {
                return i;
            }
        }
        return -1;
    }

    /** The index after the tag's {@code >}, quoted attribute values skipped; -1 when it never closes. */
    private static int tagEnd(String html, int start) {
        char quote = 0;
        for (int i = start + 4; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return -1;
    }

    private record Attribute(String name, String value) {}

    private static String complete(String tag, String root, Map<String, ImageInfo> images, Consumer<String> uses,
                                   boolean first) {
        List<Attribute> attributes = attributes(tag);
        if (attributes == null) return tag;
        List<String> added = new ArrayList<>();
        String src = value(attributes, "src");
        String media = src == null ? null : mediaPath(src, root);
        if (media != null) {
            uses.accept(media);
            ImageInfo info = images.get(media);
            if (info != null) {
                if (value(attributes, "width") == null && value(attributes, "height") == null) {
                    added.add("width=\"" + info.width() + "\"");
                    added.add("height=\"" + info.height() + "\"");
                }
                if (!info.variantWidths().isEmpty() && value(attributes, "srcset") == null && !src.contains("?")
                        && !src.contains("#")) {
                    added.add("srcset=\"" + srcset(src, info) + "\"");
                    if (value(attributes, "sizes") == null) {
                        String width = value(attributes, "width");
                        added.add("sizes=\"" + (width != null && width.matches("[0-9]+") ? width + "px" : DEFAULT_SIZES)
                                + "\"");
                    }
                }
            }
        }
        if (value(attributes, "loading") == null && !first) added.add("loading=\"lazy\"");
        if (value(attributes, "decoding") == null) added.add("decoding=\"async\"");
        if (added.isEmpty()) return tag;
        int close = tag.endsWith("/>") ? tag.length() - 2 : tag.length() - 1;
        String head = tag.substring(0, close).stripTrailing();
        return head + " " + String.join(" ", added) + tag.substring(close);
    }

    /** The copies and the original, as written in src (escaped as it was) with the width inserted. */
    private static String srcset(String src, ImageInfo info) {
        StringBuilder sb = new StringBuilder();
        for (int w : info.variantWidths()) sb.append(ImageInfo.variantName(src, w)).append(' ').append(w).append("w, ");
        return sb.append(src).append(' ').append(info.width()).append('w').toString();
    }

    /** The path under media/ that {@code src} (as written, escaped) names from the page, or null. */
    static String mediaPath(String src, String root) {
        String url = Parser.unescapeEntities(src, true);
        String prefix = root + "media/";
        if (!url.startsWith(prefix)) return null;
        String path = url.substring(prefix.length());
        int cut = path.indexOf('?') >= 0 ? path.indexOf('?') : path.indexOf('#');
        if (cut >= 0) path = path.substring(0, cut);
        if (path.contains("%")) {
            try {
                path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return path.isEmpty() ? null : path;
    }

    private static String value(List<Attribute> attributes, String name) {
        for (Attribute a : attributes) if (a.name().equals(name)) return a.value();
        return null;
    }

    /** The attributes of a tag, names lowercased, values as written; null when the tag cannot be read. */
    private static List<Attribute> attributes(String tag) {
        List<Attribute> out = new ArrayList<>();
        int i = 4;
        int n = tag.length() - 1;
        while (i < n) {
            char c = tag.charAt(i);
            if (Character.isWhitespace(c) || c == '/') {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < n && !Character.isWhitespace(tag.charAt(i)) && tag.charAt(i) != '=' && tag.charAt(i) != '/') i++;
            String name = tag.substring(nameStart, i).toLowerCase(java.util.Locale.ROOT);
            while (i < n && Character.isWhitespace(tag.charAt(i))) i++;
            if (i < n && tag.charAt(i) == '=') {
                i++;
                while (i < n && Character.isWhitespace(tag.charAt(i))) i++;
                if (i >= n) return null;
                char q = tag.charAt(i);
                if (q == '"' || q == '\'') {
                    int close = tag.indexOf(q, i + 1);
                    if (close < 0) return null;
                    out.add(new Attribute(name, tag.substring(i + 1, close)));
                    i = close + 1;
                } else {
                    int s = i;
                    while (i < n && !Character.isWhitespace(tag.charAt(i))) i++;
                    out.add(new Attribute(name, tag.substring(s, i)));
                }
            } else {
                out.add(new Attribute(name, ""));
            }
        }
        return out;
    }
}
