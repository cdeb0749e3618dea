package rongguang.render;

import java.util.Set;

/**
 * Which pages a build must fingerprint again ({@link Fingerprints#changesSince}): all of them, or only those whose
 * record holds one of the retold articles or reads one of the changed members of {@code site}. Any other page is
 * the page its record describes.
 */
public final class PageChanges {
    static final PageChanges EVERYTHING = new PageChanges(null, Set.of());

    private final Set<String> articles;
    private final Set<String> members;

    PageChanges(Set<String> articles, Set<String> members) {
        this.articles = articles;
        this.members = members;
    }

    /** Whether the page may differ from its record. */
    boolean reach(Page page, PageRecord record) {
        if (articles == null || page instanceof Page.Json) return true;
        for (String member : record.members()) if (members.contains(member)) return true;
        if (articles.isEmpty()) return false;
        for (String file : record.articles()) if (articles.contains(file)) return true;
        return false;
    }
}
