package rongguang.render;

import java.util.Set;

/**
 * Which pages a build must fingerprint again ({@link Fingerprints#changesSince}): all of them, or only those whose
 * record reads one of the changed texts ({@link TextReads}) or one of the changed members of {@code site}. Any
 * other page is the page its record describes.
 */
public final class PageChanges {
    static final PageChanges EVERYTHING = new PageChanges(null, Set.of());

    private final Set<String> texts;
    private final Set<String> members;

    PageChanges(Set<String> texts, Set<String> members) {
        this.texts = texts;
        this.members = members;
    }

    /** Whether the page may differ from its record. */
    boolean reach(Page page, PageRecord record) {
        return page instanceof Page.Json || reach(record);
    }

    /** Whether a templated page may differ from its record (a JSON page always may). */
    boolean reach(PageRecord record) {
        if (texts == null) return true;
        for (String member : record.members()) if (members.contains(member)) return true;
        if (texts.isEmpty()) return false;
        for (String text : record.texts()) if (texts.contains(text)) return true;
        return false;
    }

    /** Whether only some pages can differ from their records: those {@link #reach} tells. */
    boolean isLimited() {
        return texts != null;
    }
}
