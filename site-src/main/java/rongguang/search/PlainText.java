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
        // char arrays, not a StringBuilder: this runs over every body of the site, a call per character costs
        char[] in = html.toCharArray();
        char[] out = new char[in.length];
        int o = 0;
        int i = 0;
        int n = in.length;
        while (i < n) {
            char c = in[i];
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) break;
                if (isBlockEnd(html, i + 1, end)) o = newline(out, o);
                i = end + 1;
            } else if (c == '&') {
                int end = html.indexOf(';', i);
                if (end < 0 || end - i > 10) {
                    out[o++] = c;
                    i++;
                    continue;
                }
                String decoded = entity(html.substring(i + 1, end));
                decoded.getChars(0, decoded.length(), out, o);
                o += decoded.length();
                i = end + 1;
            } else if (c == '\n' || c == '\r' || c == '\t') {
                if (o > 0 && out[o - 1] != '\n' && out[o - 1] != ' ') out[o++] = ' ';
                i++;
            } else {
                out[o++] = c;
                i++;
            }
        }
        return new String(out, 0, o).strip();
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

    /** Ends the line at {@code o}, without trailing spaces and never twice; returns the new end. */
    private static int newline(char[] out, int o) {
        while (o > 0 && out[o - 1] == ' ') o--;
        if (o > 0 && out[o - 1] != '\n') out[o++] = '\n';
        return o;
    }

    /** The text of a character reference ({@code name} without {@code &} and {@code ;}); unknown ones as written. */
    private static String entity(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            case "nbsp": return " ";
            default:
                try {
                    if (name.startsWith("#x") || name.startsWith("#X")) {
                        return Character.toString(Integer.parseInt(name.substring(2), 16));
                    } else if (name.startsWith("#")) {
                        return Character.toString(Integer.parseInt(name.substring(1)));
                    }
                } catch (IllegalArgumentException e) {
                    // not a character: kept as written
                }
                return "&" + name + ";";
        }
    }
}
