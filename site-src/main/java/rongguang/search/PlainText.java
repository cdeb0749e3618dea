package rongguang.search;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The text a reader sees in sanitized HTML (an article body, an exemplar's story): tags dropped, block ends as
 * line breaks, character references decoded. The HTML is the generator's own sanitized output, so a small
 * scanner is enough and far cheaper than parsing 10,000 bodies into trees.
 */
final class PlainText {
    private PlainText() {}

    static String of(String html) {
        if (html == null || html.isEmpty()) return "";
        byte[] utf8 = html.getBytes(StandardCharsets.UTF_8);
        char[] out = new char[utf8.length];
        return new String(out, 0, append(ByteBuffer.wrap(utf8), out, 0));
    }

    /**
     * Writes the text of HTML in UTF-8 (the buffer's remaining bytes, which it reads) into {@code out} from
     * {@code at} (which must have room for as many chars as the HTML has bytes: the text is never longer), stripped
     * as {@link String#strip} does; returns where it ends. No string of the HTML, or of its text, is made.
     */
    static int append(ByteBuffer utf8, char[] out, int at) {
        if (!utf8.hasArray()) utf8 = ByteBuffer.wrap(readAll(utf8));
        int from = utf8.arrayOffset() + utf8.position();
        int to = from + utf8.remaining();
        utf8.position(utf8.limit());
        int[] range = strip(out, at, text(utf8.array(), from, to, out, at));
        if (range[0] > at) System.arraycopy(out, range[0], out, at, range[1] - range[0]);
        return at + range[1] - range[0];
    }

    private static byte[] readAll(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** Where {@code chars[from, to)} starts and ends without the whitespace {@link String#strip} removes. */
    static int[] strip(char[] chars, int from, int to) {
        while (from < to && Character.isWhitespace(chars[from])) from++;
        while (to > from && Character.isWhitespace(chars[to - 1])) to--;
        return new int[] {from, to};
    }

    /**
     * Writes the text of the UTF-8 HTML {@code in[i, n)} into {@code out} from {@code start}; returns where it ends.
     * Decodes as it goes, in one pass over arrays: this runs over every body of the site, and a pass of the JDK's
     * decoder before it cost as much again. What is not UTF-8 (a damaged store) becomes U+FFFD.
     */
    private static int text(byte[] in, int i, int n, char[] out, int start) {
        int o = start;
        while (i < n) {
            int b = in[i];
            if (b < 0) {
                int c = b & 0xff;
                if (c >= 0xe0 && c < 0xf0 && i + 2 < n && (in[i + 1] & 0xc0) == 0x80 && (in[i + 2] & 0xc0) == 0x80) {
                    char ch = (char) ((c & 0x0f) << 12 | (in[i + 1] & 0x3f) << 6 | (in[i + 2] & 0x3f));
                    out[o++] = ch >= 0x800 && !Character.isSurrogate(ch) ? ch : '\ufffd';
                    i += 3;
                } else if (c >= 0xc2 && c < 0xe0 && i + 1 < n && (in[i + 1] & 0xc0) == 0x80) {
                    out[o++] = (char) ((c & 0x1f) << 6 | (in[i + 1] & 0x3f));
                    i += 2;
                } else if (c >= 0xf0 && c < 0xf5 && i + 3 < n && (in[i + 1] & 0xc0) == 0x80
                        && (in[i + 2] & 0xc0) == 0x80 && (in[i + 3] & 0xc0) == 0x80) {
                    int cp = (c & 0x07) << 18 | (in[i + 1] & 0x3f) << 12 | (in[i + 2] & 0x3f) << 6 | (in[i + 3] & 0x3f);
                    if (cp >= 0x10000 && cp <= Character.MAX_CODE_POINT) {
                        out[o++] = Character.highSurrogate(cp);
                        out[o++] = Character.lowSurrogate(cp);
                    } else {
                        out[o++] = '\ufffd';
                    }
                    i += 4;
                } else {
                    out[o++] = '\ufffd';
                    i++;
                }
            } else if (b == '<') {
                int end = indexOf(in, n, '>', i);
                if (end < 0) break;
                if (isBlockEnd(in, i + 1, end)) o = newline(out, start, o);
                i = end + 1;
            } else if (b == '&') {
                int end = indexOf(in, n, ';', i);
                if (end < 0 || end - i > 10) {
                    out[o++] = '&';
                    i++;
                    continue;
                }
                String decoded = entity(new String(in, i + 1, end - i - 1, StandardCharsets.UTF_8));
                decoded.getChars(0, decoded.length(), out, o);
                o += decoded.length();
                i = end + 1;
            } else if (b == '\n' || b == '\r' || b == '\t') {
                if (o > start && out[o - 1] != '\n' && out[o - 1] != ' ') out[o++] = ' ';
                i++;
            } else {
                out[o++] = (char) b;
                i++;
            }
        }
        return o;
    }

    /** Elements whose end (or, for the last three, whose start too) ends a line of text. */
    private static final char[][] BLOCKS = java.util.stream.Stream.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "tr", "div", "pre", "blockquote", "figcaption", "dt", "dd", "br", "td", "th")
            .map(String::toCharArray).toArray(char[][]::new);
    private static final int SEPARATE_WHEN_OPENED = BLOCKS.length - 3;

    private static int indexOf(byte[] in, int n, char c, int from) {
        for (int i = from; i < n; i++) if (in[i] == c) return i;
        return -1;
    }

    /** Whether the tag in {@code html[from, end)} (after its {@code <}) ends a line; compared in place, per tag. */
    private static boolean isBlockEnd(byte[] html, int from, int end) {
        int start = html[from] == '/' ? from + 1 : from;
        int stop = start;
        while (stop < end && (html[stop] < 0 || Character.isLetterOrDigit(html[stop]))) stop++;
        for (int b = 0; b < BLOCKS.length; b++) {
            if (sameName(BLOCKS[b], html, start, stop)) {
                // opening <br>, <td>, <th> separate too: cells and lines would otherwise run together
                return start > from || b >= SEPARATE_WHEN_OPENED;
            }
        }
        return false;
    }

    private static boolean sameName(char[] name, byte[] html, int from, int to) {
        if (to - from != name.length) return false;
        for (int i = 0; i < name.length; i++) {
            int c = html[from + i];
            if (c >= 'A' && c <= 'Z') c += 32;
            if (c != name[i]) return false;
        }
        return true;
    }

    /** Ends the line at {@code o} (of a text from {@code start}), without trailing spaces and never twice. */
    private static int newline(char[] out, int start, int o) {
        while (o > start && out[o - 1] == ' ') o--;
        if (o > start && out[o - 1] != '\n') out[o++] = '\n';
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
