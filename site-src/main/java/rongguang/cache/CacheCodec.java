package rongguang.cache;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import rongguang.load.ArticleEntry;
import rongguang.load.BodyStore;
import rongguang.model.Article;
import rongguang.model.Body;
import rongguang.model.RelatedArticles;
import rongguang.model.Term;
import rongguang.problems.Problem;
import rongguang.problems.Severity;
import rongguang.render.PageRecord;
import rongguang.render.RenderedPages;
import rongguang.render.TextReads;
import rongguang.search.SearchIndex;
import rongguang.write.FileStamp;

/** The cache's records, field by field, in a plain binary form that reads back fast. */
final class CacheCodec {
    private CacheCodec() {}

    static void write(RecordOutput out, ArticleEntry e) throws IOException {
        out.writeString(e.file());
        stamp(out, e.stamp());
        problems(out, e.problems());
        Article a = e.article();
        out.writeBoolean(a != null);
        if (a == null) return;
        out.writeString(a.slug());
        out.writeString(a.title());
        string(out, a.kicker());
        string(out, a.subtitle());
        strings(out, a.authors());
        string(out, a.source());
        term(out, a.column());
        out.writeInt(a.tags().size());
        for (Term t : a.tags()) term(out, t);
        strings(out, a.cities());
        strings(out, a.exemplars());
        out.writeString(a.summary());
        string(out, a.cover());
        time(out, a.date());
        time(out, a.publishDate());
        time(out, a.expiryDate());
        out.writeBoolean(a.draft());
        BodyStore.Stored body = (BodyStore.Stored) a.body();
        out.writeLong(body.offset());
        out.writeInt(body.length());
        out.writeString(a.file());
        out.writeString(a.digest());
    }

    static ArticleEntry readEntry(RecordInput in, BodyStore bodies) throws IOException {
        String file = in.readString();
        FileStamp stamp = stamp(in);
        List<Problem> problems = problems(in);
        Article article = null;
        if (in.readBoolean()) {
            String slug = in.readString();
            String title = in.readString();
            String kicker = string(in);
            String subtitle = string(in);
            List<String> authors = strings(in);
            String source = string(in);
            Term column = term(in);
            int tagCount = in.readInt();
            List<Term> tags = new ArrayList<>(tagCount);
            for (int i = 0; i < tagCount; i++) tags.add(term(in));
            List<String> cities = strings(in);
            List<String> exemplars = strings(in);
            String summary = in.readString();
            String cover = string(in);
            ZonedDateTime date = time(in);
            ZonedDateTime publishDate = time(in);
            ZonedDateTime expiryDate = time(in);
            boolean draft = in.readBoolean();
            Body body = bodies.at(in.readLong(), in.readInt());
            article = new Article(slug, title, kicker, subtitle, authors, source, column, List.copyOf(tags), cities,
                    exemplars, summary, cover, date, publishDate, expiryDate, draft, body, in.readString(), in.readString());
        }
        return new ArticleEntry(file, stamp, article, problems);
    }

    /**
     * The page records; the texts they read as numbers, twice the article's number in the order the cache lists its
     * article entries, plus one for a body.
     */
    static void write(RecordOutput out, RenderedPages pages, Map<String, Integer> articleNumbers)
            throws IOException {
        out.writeBoolean(pages.shape() != null);
        if (pages.shape() != null) bytes(out, pages.shape());
        out.writeInt(pages.members().size());
        for (Map.Entry<String, byte[]> m : new TreeMap<>(pages.members()).entrySet()) {
            out.writeString(m.getKey());
            bytes(out, m.getValue());
        }
        // pages read the same few sets of members: each set once, then its number for each page
        Map<Set<String>, Integer> sets = new HashMap<>();
        List<Set<String>> ordered = new ArrayList<>();
        for (PageRecord r : pages.pages().values()) {
            if (sets.putIfAbsent(r.members(), sets.size()) == null) ordered.add(r.members());
        }
        out.writeInt(ordered.size());
        for (Set<String> set : ordered) {
            out.writeInt(set.size());
            for (String m : new TreeSet<>(set)) out.writeString(m);
        }
        out.writeInt(pages.pages().size());
        for (PageRecord r : pages.pages().values()) {
            out.writeString(r.file());
            bytes(out, r.fingerprint());
            out.writeInt(sets.get(r.members()));
            out.writeInt(r.texts().length);
            for (String text : r.texts()) {
                Integer number = articleNumbers.get(TextReads.file(text));
                if (number == null) throw new IOException("页面记录引用了未知的文章：" + text);
                out.writeInt(2 * number + (TextReads.isSummary(text) ? 0 : 1));
            }
            stamp(out, r.stamp());
        }
    }

    static RenderedPages readPages(RecordInput in, String[] articleFiles) throws IOException {
        byte[] shape = in.readBoolean() ? bytes(in) : null;
        int memberCount = in.readInt();
        Map<String, byte[]> members = new HashMap<>(memberCount * 2);
        for (int i = 0; i < memberCount; i++) members.put(in.readString(), bytes(in));
        List<Set<String>> sets = new ArrayList<>();
        for (int s = in.readInt(); s > 0; s--) {
            String[] names = new String[in.readInt()];
            for (int i = 0; i < names.length; i++) names[i] = in.readString();
            sets.add(Set.of(names));
        }
        int pageCount = in.readInt();
        Map<String, PageRecord> pages = new HashMap<>(pageCount * 2);
        // one key per text, however many pages read it: lists read the same summaries again and again
        String[] keys = new String[2 * articleFiles.length];
        for (int p = 0; p < pageCount; p++) {
            String file = in.readString();
            byte[] fingerprint = bytes(in);
            Set<String> read = sets.get(in.readInt());
            String[] texts = new String[in.readInt()];
            for (int i = 0; i < texts.length; i++) {
                int n = in.readInt();
                if (n < 0 || n >= keys.length) throw new IOException("页面记录引用了未知的文章：" + n);
                if (keys[n] == null) {
                    String article = articleFiles[n >>> 1];
                    keys[n] = (n & 1) == 0 ? TextReads.summary(article) : TextReads.body(article);
                }
                texts[i] = keys[n];
            }
            pages.put(file, new PageRecord(file, fingerprint, read, texts, stamp(in)));
        }
        return new RenderedPages(pages, shape, members);
    }

    private static void bytes(RecordOutput out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] bytes(RecordInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) throw new java.io.IOException("缓存记录损坏");
        return in.readBytes(length);
    }

    static void write(RecordOutput out, SearchIndex.State s) throws IOException {
        out.writeInt(s.shards());
        out.writeLong(s.documentBytes());
        out.writeInt(s.documents());
        for (long[] array : new long[][] {s.order(), s.digests(), s.stamps()}) longs(out, array);
    }

    static SearchIndex.State readIndex(RecordInput in) throws IOException {
        int shards = in.readInt();
        long documentBytes = in.readLong();
        int documents = in.readInt();
        return new SearchIndex.State(shards, documentBytes, longs(in, 2), longs(in, 2 * documents),
                longs(in, 2 * (documents + 2 * shards + 1)));
    }

    /** Arrays of numbers in one piece: a call per number costs more than the rest of reading the cache. */
    private static void longs(RecordOutput out, long[] values) throws IOException {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(8 * values.length);
        bytes.asLongBuffer().put(values);
        out.write(bytes.array());
    }

    private static long[] longs(RecordInput in, int count) throws IOException {
        byte[] bytes = in.readBytes(8 * count);
        long[] values = new long[count];
        java.nio.ByteBuffer.wrap(bytes).asLongBuffer().get(values);
        return values;
    }

    static void problems(RecordOutput out, List<Problem> problems) throws IOException {
        out.writeInt(problems.size());
        for (Problem p : problems) {
            out.writeString(p.file());
            out.writeInt(p.line());
            out.writeInt(p.column());
            out.writeString(p.severity().name());
            out.writeString(p.message());
        }
    }

    static List<Problem> problems(RecordInput in) throws IOException {
        int count = in.readInt();
        List<Problem> problems = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            problems.add(new Problem(in.readString(), in.readInt(), in.readInt(), Severity.valueOf(in.readString()),
                    in.readString()));
        }
        return List.copyOf(problems);
    }

    /** A stamp, or none (a file that could not be read): -1 for its size. */
    static void stamp(RecordOutput out, FileStamp stamp) throws IOException {
        out.writeLong(stamp == null ? -1 : stamp.size());
        out.writeLong(stamp == null ? -1 : stamp.modified());
    }

    static FileStamp stamp(RecordInput in) throws IOException {
        long size = in.readLong();
        long modified = in.readLong();
        return size < 0 ? null : new FileStamp(size, modified);
    }

    static void string(RecordOutput out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) out.writeString(s);
    }

    static String string(RecordInput in) throws IOException {
        return in.readBoolean() ? in.readString() : null;
    }

    static void strings(RecordOutput out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) out.writeString(s);
    }

    static List<String> strings(RecordInput in) throws IOException {
        int n = in.readInt();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(in.readString());
        return List.copyOf(list);
    }

    private static void term(RecordOutput out, Term t) throws IOException {
        out.writeBoolean(t != null);
        if (t == null) return;
        out.writeString(t.name());
        out.writeString(t.slug());
    }

    private static Term term(RecordInput in) throws IOException {
        return in.readBoolean() ? new Term(in.readString(), in.readString()) : null;
    }

    static void write(RecordOutput out, RelatedArticles.Memo memo) throws IOException {
        long[] signature = memo.signature();
        int[][] related = memo.related();
        boolean known = related != null && related.length == signature.length;
        out.writeInt(known ? signature.length : -1);
        if (!known) return;
        for (int i = 0; i < signature.length; i++) {
            out.writeLong(signature[i]);
            out.writeByte(related[i].length);
            for (int r : related[i]) out.writeInt(r);
        }
    }

    static RelatedArticles.Memo readMemo(RecordInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) return new RelatedArticles.Memo();
        long[] signature = new long[n];
        int[][] related = new int[n][];
        for (int i = 0; i < n; i++) {
            signature[i] = in.readLong();
            related[i] = new int[in.readUnsignedByte()];
            for (int k = 0; k < related[i].length; k++) related[i][k] = in.readInt();
        }
        return new RelatedArticles.Memo(signature, related);
    }

    /** A time as its instant and zone: parsing ISO text again cost more than the rest of the cache. */
    private static void time(RecordOutput out, ZonedDateTime t) throws IOException {
        out.writeBoolean(t != null);
        if (t == null) return;
        out.writeLong(t.toEpochSecond());
        out.writeInt(t.getNano());
        out.writeString(t.getZone().getId());
    }

    private static ZonedDateTime time(RecordInput in) throws IOException {
        if (!in.readBoolean()) return null;
        long seconds = in.readLong();
        int nanos = in.readInt();
        ZoneId zone = ZONES.computeIfAbsent(in.readString(), ZoneId::of);
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), zone);
    }

    private static final Map<String, ZoneId> ZONES = new ConcurrentHashMap<>();
}
