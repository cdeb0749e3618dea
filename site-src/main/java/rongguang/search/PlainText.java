package rongguang.search;

/**
 * The text a reader sees in sanitized HTML (an article body, an exemplar's story): tags dropped, block ends as
 * line breaks, character references decoded. The HTML is the generator's own sanitized output, so a small
 * scanner is enough and far cheaper than parsing 10,000 bodies into trees.
 */
final class PlainText {
    private PlainText() {}

    static String of(String html) {
        if (html == null || html.isEmpty()) return "";
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) break;
                if (isBlockEnd(html, i + 1, end)) newline(out);
                i = end + 1;
            } else if (c == '&') {
                int end = html.indexOf(';', i);
                if (end < 0 || end - i > 10) {
                    out.append(c);
                    i++;
                    continue;
                }
                appendEntity(out, html.substring(i + 1, end));
                i = end + 1;
            } else if (c == '\n' || c == '\r' || c == '\t') {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n' && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().strip();
    }

    private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "li", "h1", "h2", "h3", "h4", "h5",
            "h6", "br", "tr", "td", "th", "div", "pre", "blockquote", "figcaption", "dt", "dd");

    private static boolean isBlockEnd(String html, int from, int end) {
        int start = html.charAt(from) == '/' ? from + 1 : from;
        int stop = start;
        while (stop < end && Character.isLetterOrDigit(html.charAt(stop))) stop++;
        String name = html.substring(start, stop).toLowerCase(java.util.Locale.ROOT);
        // opening <br>, <td>, <th> separate too: cells and lines would otherwise run together
        return BLOCKS.contains(name) && (start > from || name.equals("br") || name.equals("td") || name.equals("th"));
    }

    private static void newline(StringBuilder out) {
        int len = out.length();
        while (len > 0 && out.charAt(len - 1) == ' ') len--;
        out.setLength(len);
        if (len > 0 && out.charAt(len - 1) != '\n') out.append('\n');
    }

    private static void appendEntity(StringBuilder out, String name) {
        switch (name) {
            case "amp" -> out.append('&');
            case "lt" -> out.append('<');
            case "gt" -> out.append('>');
            case "quot" -> out.append('"');
            case "apos" -> out.append('\'');
            case "nbsp" -> out.append(' ');
            default -> {
                try {
                    if (name.startsWith("#x") || name.startsWith("#X")) {
                        out.appendCodePoint(Integer.parseInt(name.substring(2), 16));
                    } else if (name.startsWith("#")) {
                        out.appendCodePoint(Integer.parseInt(name.substring(1)));
                    } else {
                        out.append('&').append(name).append(';');
                    }
                } catch (IllegalArgumentException e) {
                    out.append('&').append(name).append(';');
                }
            }
        }
    }
}
