package rongguang.model;

/**
 * The sanitized HTML of an article body. Bodies are the bulk of a site, so they need not stay in memory: a body
 * may be read back from a store when its page is rendered. The digest names the content, for incremental builds.
 */
public interface Body {
    String html();

    /** A hash of the HTML: equal digests, equal bodies. */
    String digest();
}
