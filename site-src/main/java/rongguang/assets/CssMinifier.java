package rongguang.assets;

/**
 * A conservative CSS minifier: removes comments, collapses whitespace, drops whitespace next to {@code { } ; ,}
 * and after {@code :}, and the last {@code ;} of a block. Strings and {@code url(…)} are kept as written, and
 * nothing else is touched: whitespace before {@code :} ({@code a :hover}) and around {@code + - * /} (in
 * {@code calc( a + b )} it is required) stays, collapsed to one space.
 */
final class CssMinifier {
    private CssMinifier() {}

    static String minify(String css) {
        StringBuilder out = new StringBuilder(css.length());
        boolean space = false;
        int i = 0;
        int n = css.length();
        while (i < n) {
            char c = css.charAt(i);
            if (c == '/' && i + 1 < n && css.charAt(i + 1) == '*') {
                int end = css.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                // a comment separates like whitespace: a/**/b must not become ab
                space = true;
                continue;
            }
            if (isSpace(c)) {
                space = true;
                i++;
                continue;
            }
            if (space) {
                if (!out.isEmpty() && !dropsSpaceAfter(out.charAt(out.length() - 1)) && !dropsSpaceBefore(c)) {
                    out.append(' ');
                }
                space = false;
            }
            if (c == '"' || c == '\'') {
                int end = stringEnd(css, i);
                out.append(css, i, end);
                i = end;
            } else if (startsUrl(css, i)) {
                int end = urlEnd(css, i);
                out.append(css, i, end);
                i = end;
            } else if (c == '}' && !out.isEmpty() && out.charAt(out.length() - 1) == ';') {
                out.setCharAt(out.length() - 1, '}');
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean dropsSpaceAfter(char c) {
        return c == '{' || c == '}' || c == ';' || c == ',' || c == ':';
    }

    private static boolean dropsSpaceBefore(char c) {
        return c == '{' || c == '}' || c == ';' || c == ',';
    }

    /** The index after the string opened at {@code start}, escapes included; an unclosed string runs to the line end. */
    static int stringEnd(String css, int start) {
        char quote = css.charAt(start);
        int i = start + 1;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '\\' && i + 1 < css.length()) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return i;
    }

    /** {@code url(} not preceded by a name character (so not {@code myurl(}), in any case. */
    static boolean startsUrl(String css, int i) {
        if (!css.regionMatches(true, i, "url(", 0, 4)) return false;
        if (i == 0) return true;
        char before = css.charAt(i - 1);
        return !(Character.isLetterOrDigit(before) || before == '-' || before == '_' || before == '\\');
    }

    /** The index after the {@code )} closing the url( at {@code start}, quoted contents included. */
    static int urlEnd(String css, int start) {
        int i = start + 4;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '"' || c == '\'') {
                i = stringEnd(css, i);
            } else if (c == '\\' && i + 1 < css.length()) {
                i += 2;
            } else if (c == ')') {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }
}
