package rongguang.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import rongguang.model.Site;

/**
 * Writes the search index of a site under {@code search/}, read by {@code templates/assets/search.js}:
 *
 * <ul>
 *   <li>{@code search/index/meta.json}: the format version, the number of shards, where body positions start,
 *       and the kinds in document order with their counts (a document's kind follows from its number);</li>
 *   <li>{@code search/index/dXX.bin} and {@code pXX.bin}: the document and position blocks (see {@link Postings})
 *       of the keys whose shard key hashes to XX, so a query fetches only the shards of its own keys, and the
 *       position files only when it has a Chinese run of three or more characters;</li>
 *   <li>{@code search/doc/N.json}: document N's url, title, date and text, fetched only for the results shown,
 *       to print them with an excerpt.</li>
 * </ul>
 *
 * <p>A shard file {@code dXX.bin} is: the number of keys, then per key (in {@link String#compareTo} order) its
 * UTF-8 length and bytes, its number of documents, the byte lengths of its document and position blocks, and its
 * document block. {@code pXX.bin} is the position blocks in the same order. All integers are LEB128 varints.
 * The same site gives the same bytes.
 */
public final class SearchIndex {
    public static final int VERSION = 1;
    /** Documents tokenized at once: enough for both cores, few enough bodies in memory. */
    private static final int BATCH = 256;
    /** The average size aimed at for a document shard; the shard count is the power of two nearest to it. */
    private static final int SHARD_BYTES = 8 * 1024;
    private static final int MAX_SHARDS = 4096;
    /** Text kept for excerpts; longer texts are cut (their later matches still count, excerpts show the start). */
    private static final int MAX_TEXT = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the files go; called from many threads. */
    public interface Files {
        void write(String file, byte[] content) throws IOException;
    }

    private SearchIndex() {}

    /** Writes the whole index; returns the number of files written. */
    public static int write(Site site, Files out) throws IOException {
        List<SearchDocument> docs = SearchDocuments.of(site);
        Postings postings = new Postings(Math.min(8, Runtime.getRuntime().availableProcessors()));
        try {
            for (int from = 0; from < docs.size(); from += BATCH) {
                int start = from;
                List<Postings.DocKeys> keys = IntStream.range(from, Math.min(from + BATCH, docs.size())).parallel()
                        .mapToObj(i -> document(i, docs.get(i), postings.parts(), out))
                        .toList();
                IntStream.range(0, postings.parts()).parallel().forEach(part -> postings.add(part, start, keys));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        int shards = shardCount(postings.documentBytes());
        List<List<Postings.Entry>> keys = postings.shards(shards);
        try {
            IntStream.range(0, shards).parallel().forEach(s -> {
                try {
                    writeShard(s, keys.get(s), postings, out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.write("search/index/meta.json", meta(docs, shards));
        return docs.size() + 2 * shards + 1;
    }

    private static Postings.DocKeys document(int number, SearchDocument doc, int parts, Files out) {
        String text = doc.text().get();
        Map<String, Object> fragment = new LinkedHashMap<>();
        fragment.put("url", doc.url());
        fragment.put("title", doc.title());
        if (doc.date() != null) fragment.put("date", doc.date());
        fragment.put("text", text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        try {
            out.write("search/doc/" + number + ".json", JSON.writeValueAsBytes(fragment));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Postings.DocKeys.of(doc.title(), text, parts);
    }

    static int shardCount(long documentBytes) {
        int n = 1;
        while (n < MAX_SHARDS && (long) n * SHARD_BYTES < documentBytes) n <<= 1;
        return n;
    }

    static String shardName(int shard) {
        return String.format(Locale.ROOT, "%x", shard);
    }

    private static void writeShard(int shard, List<Postings.Entry> keys, Postings postings, Files out)
            throws IOException {
        Bytes docs = new Bytes(4096);
        Bytes positions = new Bytes(16384);
        docs.varint(keys.size());
        for (Postings.Entry e : keys) {
            Postings.Posting p = e.posting();
            byte[] k = e.key().getBytes(StandardCharsets.UTF_8);
            docs.varint(k.length);
            docs.bytes(k);
            docs.varint(p.count);
            docs.varint(p.docs.size());
            docs.varint(p.positions.size());
            docs.append(p.docs);
            positions.append(p.positions);
        }
        String name = shardName(shard);
        out.write("search/index/d" + name + ".bin", docs.toArray());
        out.write("search/index/p" + name + ".bin", positions.toArray());
    }

    private static byte[] meta(List<SearchDocument> docs, int shards) throws IOException {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("version", VERSION);
        meta.put("shards", shards);
        meta.put("body", Postings.BODY);
        List<Map<String, Object>> kinds = new ArrayList<>();
        for (SearchDocument.Kind kind : SearchDocument.Kind.values()) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("key", kind.key());
            k.put("label", kind.label());
            k.put("count", docs.stream().filter(d -> d.kind() == kind).count());
            kinds.add(k);
        }
        meta.put("kinds", kinds);
        return JSON.writeValueAsBytes(meta);
    }
}
