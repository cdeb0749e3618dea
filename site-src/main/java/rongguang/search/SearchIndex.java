package rongguang.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import rongguang.model.Site;
import rongguang.write.FileStamp;

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
 *
 * <p>A build that has the {@link State} of the index in the current output updates it: when the documents are
 * the same ones in the same order, only those whose text changed are tokenized again, and only the shards their
 * old or new keys fall in are read back, patched and written; every other file is kept. Anything else (a
 * document added, removed or moved, a file of the index not as it was written, a shard count that would change)
 * writes the whole index, which gives the same bytes.
 */
public final class SearchIndex {
    public static final int VERSION = 1;
    /** Documents tokenized at once: enough for both cores, few enough bodies in memory. */
    private static final int BATCH = 256;
    /** The average size aimed at for a document shard; the shard count is the power of two nearest to it. */
    private static final int SHARD_BYTES = 8 * 1024;
    static final int MAX_SHARDS = 4096;
    /** Text kept for excerpts; longer texts are cut (their later matches still count, excerpts show the start). */
    private static final int MAX_TEXT = 20_000;
    private static final String META = "search/index/meta.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the files go, and the current output they may be kept from; called from many threads. */
    public interface Files {
        /** Writes a file, or keeps the current output's when it holds these bytes; returns the file's stamp. */
        FileStamp write(String file, byte[] content) throws IOException;

        /** Whether the current output holds the file as stamped, so that it may be read and kept. */
        boolean unchanged(String file, FileStamp stamp) throws IOException;

        void keep(String file, FileStamp stamp) throws IOException;

        byte[] read(String file) throws IOException;
    }

    /**
     * What a build needs of the index in the output to update it: the documents in order, a digest of each one's
     * text, the shards each one's keys fall in, and every file's stamp.
     *
     * @param digests   two longs per document
     * @param shardBits {@link #words(int)} longs per document, a bit per shard
     */
    public record State(int shards, long documentBytes, List<String> urls, long[] digests, long[] shardBits,
                        Map<String, FileStamp> stamps) {
        boolean inShard(int doc, int shard) {
            return (shardBits[doc * words(shards) + (shard >>> 6)] & (1L << shard)) != 0;
        }
    }

    /** Longs per document in {@link State#shardBits()}. */
    public static int words(int shards) {
        return Math.max(1, shards / 64);
    }

    private SearchIndex() {}

    /**
     * Writes the index, updating the one {@code previous} describes when it can (null: none); returns the state
     * of the index written.
     */
    public static State write(Site site, Files out, State previous) throws IOException {
        List<SearchDocument> docs = SearchDocuments.of(site);
        try {
            long[] digests = digests(docs);
            if (previous != null) {
                State updated = update(docs, digests, out, previous);
                if (updated != null) return updated;
            }
            return writeAll(docs, digests, out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static State writeAll(List<SearchDocument> docs, long[] digests, Files out) throws IOException {
        Map<String, FileStamp> stamps = new ConcurrentHashMap<>();
        long[][] bits = new long[docs.size()][];
        Postings postings = new Postings(Math.min(8, Runtime.getRuntime().availableProcessors()));
        for (int from = 0; from < docs.size(); from += BATCH) {
            int start = from;
            List<Postings.DocKeys> keys = IntStream.range(from, Math.min(from + BATCH, docs.size())).parallel()
                    .mapToObj(i -> {
                        Postings.DocKeys k = document(i, docs.get(i), postings.parts(), out, stamps);
                        bits[i] = k.shards;
                        return k;
                    })
                    .toList();
            IntStream.range(0, postings.parts()).parallel().forEach(part -> postings.add(part, start, keys));
        }
        long documentBytes = postings.documentBytes();
        int shards = shardCount(documentBytes);
        List<List<Postings.Entry>> keys = postings.shards(shards);
        IntStream.range(0, shards).parallel().forEach(s -> writeShard(s, keys.get(s), out, stamps));
        stamps.put(META, out.write(META, meta(docs, shards)));
        return new State(shards, documentBytes, urls(docs), digests, fold(bits, shards), Map.copyOf(stamps));
    }

    /** The update of the index in the output, or null when only a whole new one will do. */
    private static State update(List<SearchDocument> docs, long[] digests, Files out, State previous)
            throws IOException {
        if (!urls(docs).equals(previous.urls())) return null;
        for (Map.Entry<String, FileStamp> f : previous.stamps().entrySet()) {
            if (!out.unchanged(f.getKey(), f.getValue())) return null;
        }
        int shards = previous.shards();
        BitSet changed = new BitSet(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            if (digests[2 * i] != previous.digests()[2 * i] || digests[2 * i + 1] != previous.digests()[2 * i + 1]) {
                changed.set(i);
            }
        }
        // the changed documents' new keys, by shard and key, each key's documents in increasing order
        Map<Integer, Postings.DocKeys> keys = new ConcurrentHashMap<>();
        Map<Integer, byte[]> fragments = new ConcurrentHashMap<>();
        changed.stream().parallel().forEach(i -> {
            String text = docs.get(i).text().get();
            fragments.put(i, fragment(docs.get(i), text));
            keys.put(i, Postings.DocKeys.of(docs.get(i).title(), text, 1));
        });
        Map<Integer, Map<String, List<ShardFile.Added>>> added = new HashMap<>();
        BitSet affected = new BitSet(shards);
        long[] shardBits = previous.shardBits().clone();
        int words = words(shards);
        for (int i = changed.nextSetBit(0); i >= 0; i = changed.nextSetBit(i + 1)) {
            int doc = i;
            Postings.DocKeys k = keys.get(doc);
            byte[] blocks = k.blocks.array();
            k.forEach((key, title, from, to) -> {
                int shard = Tokenizer.hash(Tokenizer.shardKey(key)) & (shards - 1);
                added.computeIfAbsent(shard, s -> new HashMap<>()).computeIfAbsent(key, x -> new ArrayList<>())
                        .add(new ShardFile.Added(doc, title, blocks, from, to));
            });
            for (int s = 0; s < shards; s++) if (previous.inShard(doc, s)) affected.set(s);
            long[] folded = fold(new long[][] {k.shards}, shards);
            System.arraycopy(folded, 0, shardBits, doc * words, words);
        }
        added.keySet().forEach(affected::set);
        // the affected shards read back and patched; kept aside until it is clear that the update holds
        Map<Integer, byte[][]> patched = new ConcurrentHashMap<>();
        long[] delta = new long[shards];
        affected.stream().parallel().forEach(s -> {
            try {
                String name = shardName(s);
                byte[] d = out.read("search/index/d" + name + ".bin");
                byte[] p = out.read("search/index/p" + name + ".bin");
                List<Postings.Entry> before = ShardFile.decode(d, p);
                List<Postings.Entry> after = ShardFile.patch(before, changed, added.getOrDefault(s, Map.of()));
                if (after == before) return;
                delta[s] = documentBytes(after) - documentBytes(before);
                patched.put(s, ShardFile.encode(after));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long documentBytes = previous.documentBytes() + java.util.Arrays.stream(delta).sum();
        if (shardCount(documentBytes) != shards) return null;

        Map<String, FileStamp> stamps = new HashMap<>(previous.stamps());
        for (Map.Entry<String, FileStamp> f : previous.stamps().entrySet()) {
            String file = f.getKey();
            if (!isRewritten(file, changed, patched.keySet())) out.keep(file, f.getValue());
        }
        for (Map.Entry<Integer, byte[]> f : fragments.entrySet()) {
            String file = documentFile(f.getKey());
            stamps.put(file, out.write(file, f.getValue()));
        }
        for (Map.Entry<Integer, byte[][]> s : patched.entrySet()) {
            String name = shardName(s.getKey());
            stamps.put("search/index/d" + name + ".bin", out.write("search/index/d" + name + ".bin", s.getValue()[0]));
            stamps.put("search/index/p" + name + ".bin", out.write("search/index/p" + name + ".bin", s.getValue()[1]));
        }
        return new State(shards, documentBytes, previous.urls(), digests, shardBits, Map.copyOf(stamps));
    }

    /** Whether an update writes {@code file} anew (a changed document's, a patched shard's). */
    private static boolean isRewritten(String file, BitSet changed, java.util.Set<Integer> patched) {
        if (file.startsWith("search/doc/")) {
            return changed.get(Integer.parseInt(file.substring("search/doc/".length(), file.length() - ".json".length())));
        }
        if (file.startsWith("search/index/d") || file.startsWith("search/index/p")) {
            String name = file.substring("search/index/d".length(), file.length() - ".bin".length());
            return patched.contains(Integer.parseInt(name, 16));
        }
        return false;
    }

    private static long documentBytes(List<Postings.Entry> keys) {
        long sum = 0;
        for (Postings.Entry e : keys) sum += e.posting().docsSize();
        return sum;
    }

    private static List<String> urls(List<SearchDocument> docs) {
        return docs.stream().map(SearchDocument::url).toList();
    }

    /** Each document's bits of {@link #MAX_SHARDS} shards, folded to {@code shards} (shard s takes s & (shards - 1)). */
    private static long[] fold(long[][] bits, int shards) {
        int words = words(shards);
        long[] out = new long[bits.length * words];
        for (int doc = 0; doc < bits.length; doc++) {
            long[] b = bits[doc];
            // whole words fold onto whole words; below 64 shards the one word left folds onto itself
            for (int w = 0; w < b.length; w++) out[doc * words + (w & (words - 1))] |= b[w];
            if (shards < 64) {
                long word = out[doc];
                long folded = 0;
                for (int at = 0; at < 64; at += shards) folded |= word >>> at;
                out[doc] = folded & ((1L << shards) - 1);
            }
        }
        return out;
    }

    /** A digest of what each document shows and is found by: two longs each. */
    private static long[] digests(List<SearchDocument> docs) {
        long[] digests = new long[2 * docs.size()];
        IntStream.range(0, docs.size()).parallel().forEach(i -> {
            SearchDocument d = docs.get(i);
            MessageDigest md = sha256();
            for (String part : new String[] {d.kind().key(), d.url(), d.title(), d.date(),
                    d.source() != null ? "source\n" + d.source() : "text\n" + d.text().get()}) {
                md.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            java.nio.ByteBuffer hash = java.nio.ByteBuffer.wrap(md.digest());
            digests[2 * i] = hash.getLong();
            digests[2 * i + 1] = hash.getLong();
        });
        return digests;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Postings.DocKeys document(int number, SearchDocument doc, int parts, Files out,
                                             Map<String, FileStamp> stamps) {
        String text = doc.text().get();
        String file = documentFile(number);
        try {
            stamps.put(file, out.write(file, fragment(doc, text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Postings.DocKeys.of(doc.title(), text, parts);
    }

    private static String documentFile(int number) {
        return "search/doc/" + number + ".json";
    }

    private static byte[] fragment(SearchDocument doc, String text) {
        Map<String, Object> fragment = new LinkedHashMap<>();
        fragment.put("url", doc.url());
        fragment.put("title", doc.title());
        if (doc.date() != null) fragment.put("date", doc.date());
        fragment.put("text", text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        try {
            return JSON.writeValueAsBytes(fragment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int shardCount(long documentBytes) {
        int n = 1;
        while (n < MAX_SHARDS && (long) n * SHARD_BYTES < documentBytes) n <<= 1;
        return n;
    }

    static String shardName(int shard) {
        return String.format(Locale.ROOT, "%x", shard);
    }

    private static void writeShard(int shard, List<Postings.Entry> keys, Files out, Map<String, FileStamp> stamps) {
        byte[][] files = ShardFile.encode(keys);
        String name = shardName(shard);
        try {
            stamps.put("search/index/d" + name + ".bin", out.write("search/index/d" + name + ".bin", files[0]));
            stamps.put("search/index/p" + name + ".bin", out.write("search/index/p" + name + ".bin", files[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
