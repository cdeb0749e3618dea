package rongguang.model;

import java.time.ZonedDateTime;

/**
 * Which articles go out at {@code now}: not drafts, not before their publish date, not after their expiry date.
 * A preview (the dev server) shows drafts and scheduled articles too, marked.
 */
public record Publication(ZonedDateTime now, boolean preview) {

    public boolean isVisible(Article a) {
        if (a.expiryDate() != null && !a.expiryDate().isAfter(now)) return false;
        return preview || (!a.draft() && !isScheduled(a));
    }

    public boolean isScheduled(Article a) {
        return a.effectivePublishDate().isAfter(now);
    }

    /** 草稿, 定时发布, or null for an article that is simply published. */
    public String badge(Article a) {
        if (a.draft()) return "草稿";
        return isScheduled(a) ? "定时发布" : null;
    }
}
