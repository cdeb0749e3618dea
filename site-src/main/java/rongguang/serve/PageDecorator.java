package rongguang.serve;

import java.nio.charset.StandardCharsets;

/**
 * Adds what the preview needs to an HTML page as it is served (never to the files a build writes): the live
 * reload script and, after a failed build, the panel of errors; both just before {@code </body>}.
 */
final class PageDecorator {
    private static final byte[] BODY_END = "</body>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HTML_END = "</html>".getBytes(StandardCharsets.US_ASCII);

    private final byte[] addition;

    /** @param overlay the panel of errors, or an empty string */
    PageDecorator(String version, String overlay) {
        this.addition = (overlay + "<script src=\"/__rongguang/live.js?v=" + version + "\" defer></script>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    byte[] decorate(byte[] page) {
        int at = lastIndexOf(page, BODY_END);
        if (at < 0) at = lastIndexOf(page, HTML_END);
        if (at < 0) at = page.length;
        byte[] out = new byte[page.length + addition.length];
        System.arraycopy(page, 0, out, 0, at);
        System.arraycopy(addition, 0, out, at, addition.length);
        System.arraycopy(page, at, out, at + addition.length, page.length - at);
        return out;
    }

    /** The last place of an ASCII tag, in any letter case; UTF-8 never has ASCII bytes inside other characters. */
    private static int lastIndexOf(byte[] text, byte[] tag) {
        outer:
        for (int i = text.length - tag.length; i >= 0; i--) {
            for (int j = 0; j < tag.length; j++) {
                int b = text[i + j];
                if (b >= 'A' && b <= 'Z') b += 'a' - 'A';
                if (b != tag[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
