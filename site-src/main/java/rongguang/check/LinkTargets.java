package rongguang.check;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a URL found in a generated page leads: a file of the output (with a fragment), an external address, or
 * nowhere a static site can serve. URLs relative to the page, site paths ({@code /x/}, under the base path of
 * {@code baseUrl}) and absolute URLs under {@code baseUrl} are internal; query strings are ignored.
 */
final class LinkTargets {
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    sealed interface Target permits Internal, External, Outside, Ignored {}

    /** A path relative to the output folder (decoded; a folder ends with /, the root is ""), and the fragment or null. */
    record Internal(String path, String fragment) implements Target {}

    record External(String url) implements Target {}

    /** A site path that leaves the site: above its root, or outside the base path of baseUrl. */
    record Outside(String why) implements Target {}

    /** mailto:, tel:, geo: and the like: not pages. */
    record Ignored() implements Target {}

    private final String baseUrl;
    private final String basePath;

    /** @param baseUrl the site's baseUrl ending in /, or null when unknown */
    LinkTargets(String baseUrl) {
        this.baseUrl = baseUrl;
        String path = "/";
        if (baseUrl != null) {
            int hostStart = baseUrl.indexOf("//") + 2;
            int slash = baseUrl.indexOf('/', hostStart);
            path = slash < 0 ? "/" : baseUrl.substring(slash);
        }
        this.basePath = path;
    }

    /** @param page the page the URL is on, relative to the output folder, e.g. {@code articles/x/index.html} */
    Target resolve(String raw, String page) {
        String url = raw.strip();
        if (SCHEME.matcher(url).find()) {
            String lower = url.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("http://") && !lower.startsWith("https://")) return new Ignored();
            if (baseUrl == null || !url.startsWith(baseUrl)) return new External(url);
            return internal(url.substring(baseUrl.length()), "");
        }
        if (url.startsWith("//")) return new External(url);
        if (url.startsWith("/")) {
            if (!url.startsWith(basePath)) {
                return new Outside("不在网站的根路径 " + basePath + " 之下");
            }
            return internal(url.substring(basePath.length()), "");
        }
        if (url.isEmpty() || url.startsWith("#") || url.startsWith("?")) return internal(url, page);
        return internal(url, page.substring(0, page.lastIndexOf('/') + 1));
    }

    /** A path written from the site's root, as menu links in site.json are ({@code display/}). */
    Target fromRoot(String path) {
        return internal(path.startsWith("/") ? path.substring(1) : path, "");
    }

    /** {@code url} relative to {@code dir} (or, when it is only a fragment or query, to the page {@code dir}). */
    private Target internal(String url, String dir) {
        String fragment = null;
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = decode(url.substring(hash + 1));
            url = url.substring(0, hash);
        }
        int query = url.indexOf('?');
        if (query >= 0) url = url.substring(0, query);
        if (url.isEmpty() && !dir.endsWith("/") && !dir.isEmpty()) return new Internal(dir, fragment);
        List<String> parts = new ArrayList<>();
        String joined = dir.endsWith("/") || dir.isEmpty() ? dir + url : url;
        String[] segments = decode(joined).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.equals("..")) {
                if (parts.isEmpty()) return new Outside("超出了网站的根目录");
                parts.remove(parts.size() - 1);
                if (last) parts.add("");
            } else if (s.equals(".") || (s.isEmpty() && !last)) {
                if (last) parts.add("");
            } else {
                parts.add(s);
            }
        }
        return new Internal(String.join("/", parts), fragment);
    }

    /** Percent-decoding as UTF-8; a malformed escape is kept as it is. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(b);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
