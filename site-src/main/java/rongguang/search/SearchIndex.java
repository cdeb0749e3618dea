package rongguang.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import rongguang.concurrent.Parallel;
import rongguang.hash.Hash128;
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
 * the same ones in the same order, only those whose text changed are tokenized again, and only the shards of the
 * keys whose entries for them changed (added, gone, or at other positions) are read back, patched and written;
 * every other file is kept. Anything else (a
 * document added, removed or moved, a file of the index not as it was written, a shard count that would change)
 * writes the whole index, which gives the same bytes.
 */
public final class SearchIndex {
    public static final int VERSION = 1;
    /** Documents tokenized at once: enough for both cores, few enough bodies in memory. */
    private static final int BATCH = 64;
    /** The average size aimed at for a document shard; the shard count is the power of two nearest to it. */
    private static final int SHARD_BYTES = 8 * 1024;
    private static final int MAX_SHARDS = 4096;
    /** Text kept for excerpts; longer texts are cut (their later matches still count, excerpts show the start). */
    private static final int MAX_TEXT = 20_000;
    private static final String META = "search/index/meta.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the files go, and the current output they may be kept from; called from many threads. */
    public interface Files {
        /** Writes a file, or keeps the current output's when it holds these bytes; returns the file's stamp. */
        FileStamp write(String file, byte[] content) throws IOException;

        /** The same with the first {@code length} bytes of {@code content} (a buffer the caller reuses). */
        default FileStamp write(String file, byte[] content, int length) throws IOException {
            return write(file, length == content.length ? content : java.util.Arrays.copyOf(content, length));
        }

        /** Whether the current output holds the file as stamped, so that it may be read and kept. */
        boolean unchanged(String file, FileStamp stamp) throws IOException;

        /** Keeps a file of the current output that {@link #unchanged} vouched for in this build. */
        void keep(String file) throws IOException;

        byte[] read(String file) throws IOException;
    }

    /**
     * What a build needs of the index in the output to update it: the documents in order, a digest of each one's
     * text, and every file's stamp. Arrays of numbers, so that the build cache reads and writes it in one piece.
     * Where a changed document's old keys were is found again from its file, which holds its title and text.
     *
     * @param order   a digest of the documents' urls in order (two longs)
     * @param digests two longs per document
     * @param stamps  size and time of each file: {@link #file(int)} numbers them
     */
    public record State(int shards, long documentBytes, long[] order, long[] digests, long[] stamps) {
        public int documents() {
            return digests.length / 2;
        }

        /** The files of the index: the documents' files, then each shard's two, then meta.json. */
        int files() {
            return documents() + 2 * shards + 1;
        }

        String file(int i) {
            int docs = documents();
            if (i < docs) return documentFile(i);
            if (i == files() - 1) return META;
            return shardFile(((i - docs) & 1) == 0 ? 'd' : 'p', (i - docs) / 2);
        }

        FileStamp stamp(int i) {
            return new FileStamp(stamps[2 * i], stamps[2 * i + 1]);
        }
    }

    /** Where {@link State#stamps()} records a file. */
    private static void record(long[] stamps, int i, FileStamp stamp) {
        stamps[2 * i] = stamp.size();
        stamps[2 * i + 1] = stamp.modified();
    }

    private SearchIndex() {}

    /** Whether an output file is one of the index's (not the {@code /search/} page). */
    public static boolean isIndexFile(String file) {
        return file.startsWith("search/index/") || file.startsWith("search/doc/");
    }

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
        long[] docStamps = new long[2 * docs.size()];
        Postings postings = new Postings(Math.min(8, Runtime.getRuntime().availableProcessors()));
        Postings.Arena.PerThread arenas = new Postings.Arena.PerThread();
        // a batch's keys are added to the postings (a task per part) while the next batch is tokenized (a task per
        // document), in one loop over both kinds of task: no core waits for the last document of a batch, or for
        // the part that took longer
        List<Postings.DocKeys> adding = List.of();
        for (int from = 0; ; from += BATCH) {
            int start = from;
            int count = Math.max(0, Math.min(from + BATCH, docs.size()) - from);
            int parts = adding.isEmpty() ? 0 : postings.parts();
            List<Postings.DocKeys> added = adding;
            Postings.DocKeys[] keys = new Postings.DocKeys[count];
            Parallel.forEach(parts + count, task -> {
                if (task < parts) {
                    postings.add(task, start - BATCH, added);
                } else {
                    int i = start + task - parts;
                    keys[task - parts] = document(i, docs.get(i), postings.parts(), out, docStamps, arenas);
                }
            });
            if (count == 0) break;
            adding = java.util.Arrays.asList(keys);
        }
        long documentBytes = postings.documentBytes();
        int shards = shardCount(documentBytes);
        List<List<Postings.Pending>> keys = postings.shards(shards);
        long[] stamps = java.util.Arrays.copyOf(docStamps, 2 * (docs.size() + 2 * shards + 1));
        Parallel.forEach(shards, s -> writeShard(s, keys.set(s, null), out, stamps, docs.size()));
        record(stamps, docs.size() + 2 * shards, out.write(META, meta(docs, shards)));
        return new State(shards, documentBytes, order(docs), digests, stamps);
    }

    /** The update of the index in the output, or null when only a whole new one will do. */
    private static State update(List<SearchDocument> docs, long[] digests, Files out, State previous)
            throws IOException {
        if (!java.util.Arrays.equals(order(docs), previous.order())) return null;
        boolean intact = IntStream.range(0, previous.files()).parallel().allMatch(i -> {
            try {
                return out.unchanged(previous.file(i), previous.stamp(i));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!intact) return null;
        int shards = previous.shards();
        BitSet changed = new BitSet(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            if (digests[2 * i] != previous.digests()[2 * i] || digests[2 * i + 1] != previous.digests()[2 * i + 1]) {
                changed.set(i);
            }
        }
        Map<Integer, Postings.DocKeys> keys = new ConcurrentHashMap<>();
        Map<Integer, byte[]> fragments = new ConcurrentHashMap<>();
        // the shards where a changed document's entry for a key differs: its old keys come from its file (every
        // shard for a text that was cut); a key in the title as before, with the same positions, changes nothing
        BitSet affected = new BitSet(shards);
        changed.stream().parallel().forEach(i -> {
            java.nio.CharBuffer text = docs.get(i).text().chars();
            fragments.put(i, fragment(docs.get(i), text).toByteArray());
            Postings.DocKeys now = Postings.DocKeys.of(docs.get(i).title(), text.array(), text.limit(), 1,
                    new Postings.Arena());
            keys.put(i, now);
            BitSet differing;
            try {
                differing = differingShards(out.read(documentFile(i)), now, shards);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            synchronized (affected) {
                affected.or(differing);
            }
        });
        // the changed documents' new keys in the affected shards, by shard and key, each key's documents in
        // increasing order
        Map<Integer, Map<String, List<ShardFile.Added>>> added = new HashMap<>();
        for (int i = changed.nextSetBit(0); i >= 0; i = changed.nextSetBit(i + 1)) {
            int doc = i;
            Postings.DocKeys k = keys.get(doc);
            byte[] blocks = k.blocks;
            k.forEach((key, title, from, to) -> {
                int shard = Tokenizer.shardOf(key, shards);
                if (!affected.get(shard)) return;
                added.computeIfAbsent(shard, s -> new HashMap<>()).computeIfAbsent(key, x -> new ArrayList<>())
                        .add(new ShardFile.Added(doc, title, blocks, from, to));
            });
        }
        // the affected shards read back and patched; kept aside until it is clear that the update holds
        Map<Integer, byte[][]> patched = new ConcurrentHashMap<>();
        long[] delta = new long[shards];
        affected.stream().parallel().forEach(s -> {
            try {
                byte[] d = out.read(shardFile('d', s));
                byte[] p = out.read(shardFile('p', s));
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

        long[] stamps = previous.stamps().clone();
        int n = docs.size();
        for (int i = 0; i < previous.files(); i++) {
            boolean rewritten = i < n ? changed.get(i) : i < n + 2 * shards && patched.containsKey((i - n) / 2);
            if (!rewritten) out.keep(previous.file(i));
        }
        for (Map.Entry<Integer, byte[]> f : fragments.entrySet()) {
            record(stamps, f.getKey(), out.write(documentFile(f.getKey()), f.getValue()));
        }
        for (Map.Entry<Integer, byte[][]> s : patched.entrySet()) {
            int i = n + 2 * s.getKey();
            record(stamps, i, out.write(previous.file(i), s.getValue()[0]));
            record(stamps, i + 1, out.write(previous.file(i + 1), s.getValue()[1]));
        }
        return new State(shards, documentBytes, previous.order(), digests, stamps);
    }

    /**
     * The shards where a document's entries differ between its file (as the last build wrote it) and its keys
     * now: a key added or gone, moved between title and text, or at other positions. When the file's text was
     * cut, every shard may hold one of its old keys.
     */
    private static BitSet differingShards(byte[] file, Postings.DocKeys now, int shards) {
        BitSet set = new BitSet(shards);
        try {
            com.fasterxml.jackson.databind.JsonNode doc = JSON.readTree(file);
            String text = doc.path("text").asText();
            if (text.length() >= MAX_TEXT) {
                set.set(0, shards);
                return set;
            }
            Map<String, byte[]> before = entries(Postings.DocKeys.of(doc.path("title").asText(), text, 1));
            Map<String, byte[]> after = entries(now);
            before.forEach((key, entry) -> {
                if (!java.util.Arrays.equals(entry, after.get(key))) set.set(Tokenizer.shardOf(key, shards));
            });
            after.forEach((key, entry) -> {
                if (!before.containsKey(key)) set.set(Tokenizer.shardOf(key, shards));
            });
            return set;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each key of a document with its entry: 1 when in the title (else 0), then its block of positions. */
    private static Map<String, byte[]> entries(Postings.DocKeys keys) {
        Map<String, byte[]> entries = new HashMap<>();
        byte[] blocks = keys.blocks;
        keys.forEach((key, title, from, to) -> {
            byte[] entry = new byte[to - from + 1];
            entry[0] = (byte) (title ? 1 : 0);
            System.arraycopy(blocks, from, entry, 1, to - from);
            entries.put(key, entry);
        });
        return entries;
    }

    private static long documentBytes(List<Postings.Entry> keys) {
        long sum = 0;
        for (Postings.Entry e : keys) sum += e.posting().docsSize();
        return sum;
    }

    /** A digest of the documents' urls in order: two longs. */
    private static long[] order(List<SearchDocument> docs) {
        Hash128 md = new Hash128();
        for (SearchDocument d : docs) md.update(d.url());
        return longs(md.digest());
    }

    /** A digest of what each document shows and is found by: two longs each. */
    private static long[] digests(List<SearchDocument> docs) {
        long[] digests = new long[2 * docs.size()];
        Parallel.forEach(docs.size(), i -> {
            SearchDocument d = docs.get(i);
            Hash128 md = new Hash128().update(d.kind().ordinal()).update(d.url()).update(d.title())
                    .update(String.valueOf(d.date()));
            if (d.source() != null) md.update(1).update(d.source());
            else md.update(2).update(d.text().string());
            long[] hash = longs(md.digest());
            digests[2 * i] = hash[0];
            digests[2 * i + 1] = hash[1];
        });
        return digests;
    }

    private static long[] longs(byte[] digest) {
        java.nio.ByteBuffer hash = java.nio.ByteBuffer.wrap(digest);
        return new long[] {hash.getLong(), hash.getLong()};
    }

    private static Postings.DocKeys document(int number, SearchDocument doc, int parts, Files out,
                                             long[] stamps, Postings.Arena.PerThread arenas) {
        java.nio.CharBuffer text = doc.text().chars();
        try {
            Buffer fragment = fragment(doc, text);
            record(stamps, number, out.write(documentFile(number), fragment.bytes(), fragment.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Postings.DocKeys.of(doc.title(), text.array(), text.limit(), parts, arenas.forBatch(number / BATCH));
    }

    private static String documentFile(int number) {
        return "search/doc/" + number + ".json";
    }

    /**
     * A document's file, written field by field into a buffer the thread keeps (10,000 of these, of kilobytes
     * each, are as many bytes as the index's postings): valid until the thread writes the next. The text goes to
     * Jackson as chars: from a string it took half as long again a character.
     */
    private static Buffer fragment(SearchDocument doc, java.nio.CharBuffer text) {
        Buffer buffer = BUFFER.get();
        buffer.reset();
        try (com.fasterxml.jackson.core.JsonGenerator json = JSON.getFactory().createGenerator(buffer)) {
            json.writeStartObject();
            json.writeStringField("url", doc.url());
            json.writeStringField("title", doc.title());
            if (doc.date() != null) json.writeStringField("date", doc.date());
            json.writeFieldName("text");
            json.writeString(text.array(), 0, Math.min(text.limit(), MAX_TEXT));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer;
    }

    private static final class Buffer extends java.io.ByteArrayOutputStream {
        Buffer() {
            super(64 * 1024);
        }

        /** The bytes written, up to {@link #size()}. */
        byte[] bytes() {
            return buf;
        }
    }

    private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(Buffer::new);

    static int shardCount(long documentBytes) {
        int n = 1;
        while (n < MAX_SHARDS && (long) n * SHARD_BYTES < documentBytes) n <<= 1;
        return n;
    }

    /** A shard's document file ({@code 'd'}) or position file ({@code 'p'}), the shard's number in hexadecimal. */
    private static String shardFile(char kind, int shard) {
        return "search/index/" + kind + String.format(Locale.ROOT, "%x", shard) + ".bin";
    }

    /** Writes a shard's two files, recording their stamps after the documents' ({@link State#file(int)}). */
    private static void writeShard(int shard, List<Postings.Pending> keys, Files out, long[] stamps, int documents) {
        byte[][] files = ShardFile.encode(keys);
        try {
            record(stamps, documents + 2 * shard, out.write(shardFile('d', shard), files[0]));
            record(stamps, documents + 2 * shard + 1, out.write(shardFile('p', shard), files[1]));
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
