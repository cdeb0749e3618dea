package rongguang.search;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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
        char[] out = new char[html.length()];
        int[] range = strip(out, 0, text(html.toCharArray(), html.length(), out, 0));
        return new String(out, range[0], range[1] - range[0]);
    }

    /**
     * Writes the text of HTML in UTF-8 (the buffer's remaining bytes, which it reads) into {@code out} from
     * {@code at} (which must have room for as many chars as the HTML has bytes: the text is never longer), stripped
     * as {@link String#strip} does; returns where it ends.
     * The HTML is decoded into a buffer the thread keeps: no string of it, or of its text, is made.
     */
    static int append(ByteBuffer utf8, char[] out, int at) {
        int bytes = utf8.remaining();
        if (bytes == 0) return at;
        CharBuffer chars = DECODED.get();
        if (chars.capacity() < bytes) chars = CharBuffer.allocate(bytes + (bytes >> 2));
        DECODED.set(chars);
        chars.clear();
        // UTF-8 never has more characters than bytes, so the buffer cannot overflow
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(utf8, chars, true);
        if (result.isError() || result.isOverflow()) throw new IllegalStateException(result.toString());
        int[] range = strip(out, at, text(chars.array(), chars.position(), out, at));
        if (range[0] > at) System.arraycopy(out, range[0], out, at, range[1] - range[0]);
        return at + range[1] - range[0];
    }

    private static final ThreadLocal<CharBuffer> DECODED = ThreadLocal.withInitial(() -> CharBuffer.allocate(16 * 1024));

    /** Where {@code chars[from, to)} starts and ends without the whitespace {@link String#strip} removes. */
    static int[] strip(char[] chars, int from, int to) {
        while (from < to && Character.isWhitespace(chars[from])) from++;
        while (to > from && Character.isWhitespace(chars[to - 1])) to--;
        return new int[] {from, to};
    }

    /**
     * Writes the text of {@code in[0, n)} into {@code out} from {@code start}; returns where it ends. Char arrays,
     * not a StringBuilder: this runs over every body of the site, a call per character costs.
     */
    private static int text(char[] in, int n, char[] out, int start) {
        int o = start;
        int i = 0;
        while (i < n) {
            char c = in[i];
            if (c == '<') {
                int end = indexOf(in, n, '>', i);
                if (end < 0) break;
                if (isBlockEnd(in, i + 1, end)) o = newline(out, start, o);
                i = end + 1;
            } else if (c == '&') {
                int end = indexOf(in, n, ';', i);
                if (end < 0 || end - i > 10) {
                    out[o++] = c;
                    i++;
                    continue;
                }
                String decoded = entity(new String(in, i + 1, end - i - 1));
                decoded.getChars(0, decoded.length(), out, o);
                o += decoded.length();
                i = end + 1;
            } else if (c == '\n' || c == '\r' || c == '\t') {
                if (o > start && out[o - 1] != '\n' && out[o - 1] != ' ') out[o++] = ' ';
                i++;
            } else {
                out[o++] = c;
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

    private static int indexOf(char[] in, int n, char c, int from) {
        for (int i = from; i < n; i++) if (in[i] == c) return i;
        return -1;
    }

    /** Whether the tag in {@code html[from, end)} (after its {@code <}) ends a line; compared in place, per tag. */
    private static boolean isBlockEnd(char[] html, int from, int end) {
        int start = html[from] == '/' ? from + 1 : from;
        int stop = start;
        while (stop < end && Character.isLetterOrDigit(html[stop])) stop++;
        for (int b = 0; b < BLOCKS.length; b++) {
            if (sameName(BLOCKS[b], html, start, stop)) {
                // opening <br>, <td>, <th> separate too: cells and lines would otherwise run together
                return start > from || b >= SEPARATE_WHEN_OPENED;
            }
        }
        return false;
    }

    private static boolean sameName(char[] name, char[] html, int from, int to) {
        if (to - from != name.length) return false;
        for (int i = 0; i < name.length; i++) {
            char c = html[from + i];
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
