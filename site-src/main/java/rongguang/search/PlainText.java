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
        return of(html.toCharArray(), html.length());
    }

    /** The same of HTML in UTF-8, decoded into a buffer the thread keeps: no string of the whole HTML is made. */
    static String of(byte[] utf8) {
        if (utf8.length == 0) return "";
        CharBuffer chars = DECODED.get();
        if (chars.capacity() < utf8.length) chars = CharBuffer.allocate(utf8.length + (utf8.length >> 2));
        DECODED.set(chars);
        chars.clear();
        // UTF-8 never has more characters than bytes, so the buffer cannot overflow
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(utf8), chars, true);
        if (result.isError() || result.isOverflow()) throw new IllegalStateException(result.toString());
        return of(chars.array(), chars.position());
    }

    private static final ThreadLocal<CharBuffer> DECODED = ThreadLocal.withInitial(() -> CharBuffer.allocate(16 * 1024));

    // char arrays, not a StringBuilder: this runs over every body of the site, a call per character costs
    private static String of(char[] in, int n) {
        char[] out = new char[n];
        int o = 0;
        int i = 0;
        while (i < n) {
            char c = in[i];
            if (c == '<') {
                int end = indexOf(in, n, '>', i);
                if (end < 0) break;
                if (isBlockEnd(in, i + 1, end)) o = newline(out, o);
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
                if (o > 0 && out[o - 1] != '\n' && out[o - 1] != ' ') out[o++] = ' ';
                i++;
            } else {
                out[o++] = c;
                i++;
            }
        }
        return new String(out, 0, o).strip();
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
