package rongguang.assets;

import java.util.function.Function;

/** Rewrites the relative {@code url(…)} and {@code @import "…"} references of a stylesheet that name another asset. */
final class CssUrls {
    private CssUrls() {}

    /**
     * @param css      minified CSS
     * @param from     the stylesheet's name under assets/
     * @param hashedOf an asset's name under assets/ → its hashed name, or null to leave the reference alone
     */
    static String rewrite(String css, String from, Function<String, String> hashedOf) {
        StringBuilder out = new StringBuilder(css.length());
        int i = 0;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '"' || c == '\'') {
                int end = CssMinifier.stringEnd(css, i);
                String string = css.substring(i, end);
                // @import "x.css" names a stylesheet with a plain string
                boolean imported = afterImport(out) && end - i >= 2
                        && css.charAt(end - 1) == c;
                out.append(imported ? rewriteUrl("url(" + string + ")", from, hashedOf).replaceFirst("^url\\((.*)\\)$", "$1")
                        : string);
                i = end;
            } else if (CssMinifier.startsUrl(css, i)) {
                int end = CssMinifier.urlEnd(css, i);
                out.append(rewriteUrl(css.substring(i, end), from, hashedOf));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** One {@code url(…)} token, as written. */
    private static String rewriteUrl(String token, String from, Function<String, String> hashedOf) {
        if (!token.endsWith(")")) return token;
        String inner = token.substring(4, token.length() - 1).strip();
        String quote = "";
        if (inner.length() >= 2 && (inner.charAt(0) == '"' || inner.charAt(0) == '\'')
                && inner.charAt(inner.length() - 1) == inner.charAt(0)) {
            quote = inner.substring(0, 1);
            inner = inner.substring(1, inner.length() - 1);
        }
        if (inner.contains("\\")) return token;
        int cut = indexOfAny(inner, "?#");
        String path = cut < 0 ? inner : inner.substring(0, cut);
        String suffix = cut < 0 ? "" : inner.substring(cut);
        if (path.isEmpty() || path.startsWith("/") || path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) return token;
        String target = AssetPaths.resolve(AssetPaths.folderOf(from), path);
        if (target == null) return token;
        String hashed = hashedOf.apply(target);
        if (hashed == null) return token;
        return "url(" + quote + AssetPaths.relative(AssetPaths.folderOf(from), hashed) + suffix + quote + ")";
    }

    private static boolean afterImport(StringBuilder out) {
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) end--;
        return end >= 7 && out.substring(end - 7, end).equalsIgnoreCase("@import");
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }
}
