package rongguang.model;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One Markdown article. Its body is sanitized HTML; references hold ids, resolved through {@link Site}.
 * {@code digest} is a hash of the article's source file: equal digests, equal articles (for incremental builds).
 */
public record Article(
        String slug,
        String title,
        String kicker,
        String subtitle,
        List<String> authors,
        String source,
        Term column,
        List<Term> tags,
        List<String> cities,
        List<String> exemplars,
        String summary,
        String cover,
        ZonedDateTime date,
        ZonedDateTime publishDate,
        ZonedDateTime expiryDate,
        boolean draft,
        Body body,
        String file,
        String digest) {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");

    /** The body's HTML, read from wherever it is kept: for the article page only. */
    public String bodyHtml() {
        return body.html();
    }

    /** The body's HTML as UTF-8, read once by the search index. */
    public byte[] bodyUtf8() {
        return body.utf8();
    }

    public String url() {
        return "articles/" + slug + "/";
    }

    /** 2023年11月8日 */
    public String displayDate() {
        return date.format(CHINESE_DATE);
    }

    /** 2023-11-08 */
    public String isoDate() {
        return date.toLocalDate().toString();
    }

    /** 2023-11-08T00:00:00+08:00, for {@code <time datetime>} and feeds. */
    public String dateTime() {
        return date.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** When the article goes out: {@code publishDate}, else {@code date}. */
    public ZonedDateTime effectivePublishDate() {
        return publishDate != null ? publishDate : date;
    }
}
