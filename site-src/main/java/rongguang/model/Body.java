package rongguang.model;

/**
 * The sanitized HTML of an article body. Bodies are the bulk of a site, so they need not stay in memory: a body
 * may be read back from a store when its page is rendered.
 */
public interface Body {
    String html();

    /** The HTML as UTF-8, for readers that scan it once (the search index) and need no string of it. */
    default byte[] utf8() {
        return html().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The same in {@code reuse} when it has room, else in a new buffer, from 0 to its limit: a reader of every body
     * (the search index) then makes no array per body.
     */
    default java.nio.ByteBuffer utf8(java.nio.ByteBuffer reuse) {
        return java.nio.ByteBuffer.wrap(utf8());
    }
}
