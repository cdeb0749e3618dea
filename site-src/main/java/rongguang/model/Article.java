package rongguang.model;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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

    /** What an article says, as opposed to where it shows: its text and what is derived from its source as a whole. */
    private static final Set<String> TEXT = Set.of("body", "summary", "digest");

    /** Whether a component of the record is part of what the article says ({@link #differsOnlyInText}). */
    public static boolean isText(String component) {
        return TEXT.contains(component);
    }
    private static final List<Method> PLACE = Arrays.stream(Article.class.getRecordComponents())
            .filter(c -> !TEXT.contains(c.getName()))
            .map(RecordComponent::getAccessor)
            .toList();

    /**
     * Whether {@code other} differs from this article at most in what it says (body, summary): same title, dates,
     * terms, references… A component added to the record counts as a place unless it is listed in {@code TEXT},
     * so that a new field can never be overlooked by incremental builds.
     */
    public boolean differsOnlyInText(Article other) {
        try {
            for (Method m : PLACE) if (!Objects.equals(m.invoke(this), m.invoke(other))) return false;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return true;
    }

    /** The body's HTML, read from wherever it is kept: for the article page only. */
    public String bodyHtml() {
        return body.html();
    }

    /** The body's HTML as UTF-8 (the search index reads it through {@link Body#utf8(java.nio.ByteBuffer)}). */
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
