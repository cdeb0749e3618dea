package rongguang.render;

import java.util.Map;

/**
 * What a build leaves for the next one to compare with: a record of each page, the shape of the site the pages
 * were planned from ({@link Fingerprints#shape}) and the digest of each member of {@code site} a page read.
 */
public record RenderedPages(Map<String, PageRecord> pages, byte[] shape, Map<String, byte[]> members) {
    public static final RenderedPages NONE = new RenderedPages(Map.of(), null, Map.of());
}
