package rongguang.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key's documents and positions, encoded as documents are added (in increasing number), so the index of
 * 10,000 articles takes a few tens of megabytes and no object per occurrence. Keys are split into parts by hash,
 * each part filled by its own thread.
 *
 * <p>A key has two blocks. The document block, one varint per document: the gap to the previous document number
 * (minus one) shifted left once, with the low bit set when the key occurs in the title. The position block, per
 * document: the gaps between its positions (the first counted from -1, so every gap is at least 1), then 0. A query
 * of two characters reads only document blocks; only longer runs, which must check that their bigrams stand side
 * by side, read positions.
 */
final class Postings {
    /** Body positions start here, so that a position tells title from body. Titles are cut to stay below it. */
    static final int BODY = 1024;

    /** A document's entry in a document block, after the document {@code last} (-1 before the first). */
    static int documentEntry(int doc, int last, boolean title) {
        return ((doc - last - 1) << 1) | (title ? 1 : 0);
    }

    /**
     * One key's two blocks in arrays: a posting read back from a shard file, or merged into one when the index is
     * updated ({@link ShardFile}). A whole new index builds its postings in {@link Slices} instead ({@link Pooled}).
     */
    static final class Posting {
        private byte[] docs;
        private int docsSize;
        private byte[] positions;
        private int positionsSize;
        int count;
        private int last = -1;

        Posting() {
            docs = new byte[8];
            positions = new byte[16];
        }

        /** A posting as a shard file holds it; not to be added to (its last document is not known). */
        Posting(byte[] docs, byte[] positions, int count) {
            this.docs = docs;
            this.docsSize = docs.length;
            this.positions = positions;
            this.positionsSize = positions.length;
            this.count = count;
        }

        void add(int doc, boolean title, byte[] block, int from, int to) {
            if (docsSize + 5 > docs.length) docs = java.util.Arrays.copyOf(docs, docs.length + (docs.length >> 1) + 5);
            docsSize = Bytes.varint(docs, docsSize, documentEntry(doc, last, title));
            last = doc;
            count++;
            int length = to - from;
            if (positionsSize + length > positions.length) {
                positions = java.util.Arrays.copyOf(positions,
                        Math.max(positions.length + (positions.length >> 1), positionsSize + length));
            }
            System.arraycopy(block, from, positions, positionsSize, length);
            positionsSize += length;
        }

        /** The document block; valid up to {@link #docsSize()}. */
        byte[] docs() {
            return docs;
        }

        int docsSize() {
            return docsSize;
        }

        /** The position block; valid up to {@link #positionsSize()}. */
        byte[] positions() {
            return positions;
        }

        int positionsSize() {
            return positionsSize;
        }
    }

    /**
     * One document's keys, grouped by key with their position blocks already encoded, and split into parts; made
     * for many documents at once, on every core. The shared postings are then touched once per key and document,
     * not once per occurrence.
     */
    static final class DocKeys implements Tokenizer.Sink {
        private final Scratch scratch = SCRATCH.get().reset();
        private final Map<String, Positions> words = new HashMap<>();
        /** The position blocks of all keys, each {@code blocks[start, end)}. */
        byte[] blocks;
        final Part[] parts;

        /**
         * The keys of one part: bigram keys or words, each with its block's start and end (~end when in the
         * title). Sized exactly: a batch of documents holds these until they are added, and grown arrays were
         * most of the index's garbage.
         */
        static final class Part {
            int[] bigrams;
            int[] bigramStarts;
            int[] bigramEnds;
            int bigramCount;
            final List<String> words = new ArrayList<>();
            final List<Integer> wordStarts = new ArrayList<>();
            final List<Integer> wordEnds = new ArrayList<>();

            void bigram(int key, int start, int end) {
                bigrams[bigramCount] = key;
                bigramStarts[bigramCount] = start;
                bigramEnds[bigramCount++] = end;
            }
        }

        private DocKeys(int parts) {
            this.parts = new Part[parts];
            for (int i = 0; i < parts; i++) this.parts[i] = new Part();
        }

        @Override
        public void bigram(int key, int position) {
            scratch.add(key, position);
        }

        @Override
        public void key(String key, int position) {
            words.computeIfAbsent(key, k -> new Positions()).add(position);
        }

        static DocKeys of(String title, String text, int parts) {
            DocKeys keys = new DocKeys(parts);
            String t = Tokenizer.normalize(title);
            if (t.codePointCount(0, t.length()) > BODY - 8) t = t.substring(0, t.offsetByCodePoints(0, BODY - 8));
            Tokenizer.keys(t, 0, keys);
            Tokenizer.keys(Tokenizer.normalized(text), BODY, keys);
            keys.group();
            return keys;
        }

        /** A position block: the gaps between {@code positions[from, to)}, the first counted from -1, then 0. */
        private static void block(Bytes out, int[] positions, int from, int to) {
            int previous = -1;
            for (int j = from; j < to; j++) {
                out.varint(positions[j] - previous);
                previous = positions[j];
            }
            out.varint(0);
        }

        /** Encodes each key's positions into {@link #blocks}: gaps (the first from -1), then 0. */
        private void group() {
            Scratch sc = scratch;
            int[] at = sc.groupStarts();
            int[] partOf = sc.partOf();
            int[] sizes = new int[parts.length];
            for (int id = 0; id < sc.distinct; id++) sizes[partOf[id] = part(IntMap.mix(sc.keyOf[id]), parts.length)]++;
            for (int i = 0; i < parts.length; i++) {
                parts[i].bigrams = new int[sizes[i]];
                parts[i].bigramStarts = new int[sizes[i]];
                parts[i].bigramEnds = new int[sizes[i]];
            }
            Bytes out = sc.blocks();
            for (int id = 0; id < sc.distinct; id++) {
                int from = out.size();
                block(out, sc.grouped, at[id], at[id + 1]);
                int first = sc.grouped[at[id]];
                parts[partOf[id]].bigram(sc.keyOf[id], from, first < BODY ? ~out.size() : out.size());
            }
            for (Map.Entry<String, Positions> e : words.entrySet()) {
                Positions p = e.getValue();
                int from = out.size();
                block(out, p.list, 0, p.size);
                Part part = parts[part(e.getKey().hashCode(), parts.length)];
                part.words.add(e.getKey());
                part.wordStarts.add(from);
                part.wordEnds.add(p.list[0] < BODY ? ~out.size() : out.size());
            }
            blocks = out.toArray();
        }

        /**
         * Calls {@code visitor} with every key of the document, its block in {@link #blocks} and whether it is in
         * the title; bigrams first.
         */
        void forEach(KeyVisitor visitor) {
            for (Part p : parts) {
                for (int i = 0; i < p.bigramCount; i++) {
                    int end = p.bigramEnds[i];
                    visitor.visit(Tokenizer.bigram(p.bigrams[i]), end < 0, p.bigramStarts[i], end < 0 ? ~end : end);
                }
                for (int i = 0; i < p.words.size(); i++) {
                    int end = p.wordEnds.get(i);
                    visitor.visit(p.words.get(i), end < 0, p.wordStarts.get(i), end < 0 ? ~end : end);
                }
            }
        }

        interface KeyVisitor {
            void visit(String key, boolean title, int from, int to);
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * A thread's working memory for grouping one document's bigrams by key: each key gets a local number on first
     * sight (an open-addressing table, stamped per document so it never needs clearing), occurrences are counted
     * per number and then laid out key by key, positions still in text order. Cheaper than sorting.
     */
    static final class Scratch {
        private int[] slotKeys = new int[4096];
        private int[] slotIds = new int[4096];
        private int[] slotStamps = new int[4096];
        private int stamp;
        int distinct;
        int[] keyOf = new int[1024];
        private int[] counts = new int[1024];
        private int[] ids = new int[4096];
        private int[] positions = new int[4096];
        private int size;
        int[] grouped = new int[4096];
        private int[] starts = new int[1025];
        /** Where the next position of each key goes while they are laid out. */
        private int[] next = new int[1025];
        private int[] partOf = new int[1024];
        private final Bytes blocks = new Bytes(16 * 1024);

        Scratch reset() {
            blocks.clear();
            stamp++;
            distinct = 0;
            size = 0;
            return this;
        }

        void add(int key, int position) {
            if (distinct * 2 >= slotKeys.length) growTable();
            int mask = slotKeys.length - 1;
            int i = IntMap.mix(key) & mask;
            while (slotStamps[i] == stamp && slotKeys[i] != key) i = (i + 1) & mask;
            int id;
            if (slotStamps[i] == stamp) {
                id = slotIds[i];
            } else {
                id = distinct++;
                slotStamps[i] = stamp;
                slotKeys[i] = key;
                slotIds[i] = id;
                if (id == keyOf.length) {
                    keyOf = java.util.Arrays.copyOf(keyOf, id * 2);
                    counts = java.util.Arrays.copyOf(counts, id * 2);
                }
                keyOf[id] = key;
                counts[id] = 0;
            }
            counts[id]++;
            if (size == ids.length) {
                ids = java.util.Arrays.copyOf(ids, size * 2);
                positions = java.util.Arrays.copyOf(positions, size * 2);
            }
            ids[size] = id;
            positions[size++] = position;
        }

        /** Lays the positions out key by key into {@link #grouped}; returns where each key's run starts (and ends). */
        int[] groupStarts() {
            if (starts.length < distinct + 1) starts = new int[distinct * 2 + 1];
            int sum = 0;
            for (int id = 0; id < distinct; id++) {
                starts[id] = sum;
                sum += counts[id];
            }
            starts[distinct] = sum;
            if (grouped.length < size) grouped = new int[size * 2];
            if (next.length < distinct) next = new int[starts.length];
            System.arraycopy(starts, 0, next, 0, distinct);
            for (int j = 0; j < size; j++) grouped[next[ids[j]]++] = positions[j];
            return starts;
        }

        /** Room for each key's part. */
        int[] partOf() {
            if (partOf.length < distinct) partOf = new int[keyOf.length];
            return partOf;
        }

        /** The blocks being encoded, empty at {@link #reset()}. */
        Bytes blocks() {
            return blocks;
        }

        private void growTable() {
            int[] oldKeys = slotKeys;
            int[] oldIds = slotIds;
            int[] oldStamps = slotStamps;
            int n = oldKeys.length * 2;
            slotKeys = new int[n];
            slotIds = new int[n];
            slotStamps = new int[n];
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldStamps[j] != stamp) continue;
                int i = IntMap.mix(oldKeys[j]) & (n - 1);
                while (slotStamps[i] == stamp) i = (i + 1) & (n - 1);
                slotStamps[i] = stamp;
                slotKeys[i] = oldKeys[j];
                slotIds[i] = oldIds[j];
            }
        }
    }

    static final class Positions {
        int[] list = new int[2];
        int size;

        void add(int position) {
            if (size == list.length) list = java.util.Arrays.copyOf(list, size * 2);
            list[size++] = position;
        }
    }

    /**
     * A key's two blocks while the index is built, as streams in its part's {@link Slices}: a few ints, where a
     * {@link Posting} has two arrays that grow.
     */
    static final class Pooled {
        private final Slices.Stream docs;
        private final Slices.Stream positions;
        private int count;
        private int last = -1;

        Pooled(Slices slices) {
            docs = slices.stream();
            positions = slices.stream();
        }

        void add(Slices slices, int doc, boolean title, byte[] block, int from, int to) {
            slices.varint(docs, documentEntry(doc, last, title));
            last = doc;
            count++;
            slices.write(positions, block, from, to - from);
        }
    }

    private final int parts;
    private final List<IntMap<Pooled>> bigrams = new ArrayList<>();
    private final List<Map<String, Pooled>> others = new ArrayList<>();
    /** Each part's bytes, written by the one thread that fills the part. */
    private final List<Slices> slices = new ArrayList<>();

    Postings(int parts) {
        this.parts = parts;
        for (int i = 0; i < parts; i++) {
            bigrams.add(new IntMap<>());
            others.add(new HashMap<>());
            slices.add(new Slices());
        }
    }

    int parts() {
        return parts;
    }

    /** Adds the keys of part {@code part} of documents numbered from {@code first}, in order. */
    void add(int part, int first, List<DocKeys> docs) {
        IntMap<Pooled> b = bigrams.get(part);
        Map<String, Pooled> o = others.get(part);
        Slices pool = slices.get(part);
        for (int d = 0; d < docs.size(); d++) {
            int doc = first + d;
            DocKeys keys = docs.get(d);
            byte[] blocks = keys.blocks;
            DocKeys.Part p = keys.parts[part];
            for (int i = 0; i < p.bigramCount; i++) {
                int key = p.bigrams[i];
                Pooled posting = b.get(key);
                if (posting == null) b.put(key, posting = new Pooled(pool));
                int end = p.bigramEnds[i];
                boolean title = end < 0;
                int to = title ? ~end : end;
                posting.add(pool, doc, title, blocks, p.bigramStarts[i], to);
            }
            for (int i = 0; i < p.words.size(); i++) {
                int end = p.wordEnds.get(i);
                boolean title = end < 0;
                int to = title ? ~end : end;
                // no computeIfAbsent, here or above: its lambda captures the pool, one allocation per key met (in a
                // profile, 5 % of the index), which the quick compiler does not remove
                Pooled posting = o.get(p.words.get(i));
                if (posting == null) o.put(p.words.get(i), posting = new Pooled(pool));
                posting.add(pool, doc, title, blocks, p.wordStarts.get(i), to);
            }
        }
    }

    private static int part(int hash, int parts) {
        int h = hash ^ (hash >>> 7);
        return (parts & (parts - 1)) == 0 ? h & (parts - 1) : Math.floorMod(h, parts);
    }

    long documentBytes() {
        long[] sum = {0};
        for (int i = 0; i < parts; i++) {
            bigrams.get(i).forEach((k, p) -> sum[0] += p.docs.size());
            for (Pooled p : others.get(i).values()) sum[0] += p.docs.size();
        }
        return sum[0];
    }

    record Entry(String key, Posting posting) implements Comparable<Entry>, ShardFile.Key {
        @Override
        public int compareTo(Entry o) {
            return key.compareTo(o.key);
        }

        @Override
        public int count() {
            return posting.count;
        }

        @Override
        public int documentsSize() {
            return posting.docsSize();
        }

        @Override
        public int positionsSize() {
            return posting.positionsSize();
        }

        @Override
        public void copyDocuments(byte[] to, int at) {
            System.arraycopy(posting.docs(), 0, to, at, posting.docsSize());
        }

        @Override
        public void copyPositions(byte[] to, int at) {
            System.arraycopy(posting.positions(), 0, to, at, posting.positionsSize());
        }
    }

    /** A key of a shard to be written, its posting still in its part's slices. */
    record Pending(String key, Pooled pooled, Slices slices) implements Comparable<Pending>, ShardFile.Key {
        @Override
        public int count() {
            return pooled.count;
        }

        @Override
        public int documentsSize() {
            return pooled.docs.size();
        }

        @Override
        public int positionsSize() {
            return pooled.positions.size();
        }

        @Override
        public void copyDocuments(byte[] to, int at) {
            slices.copy(pooled.docs, to, at);
        }

        @Override
        public void copyPositions(byte[] to, int at) {
            slices.copy(pooled.positions, to, at);
        }

        @Override
        public int compareTo(Pending o) {
            return key.compareTo(o.key);
        }
    }

    /** The keys of each shard, sorted; hands the postings over, leaving this empty. */
    List<List<Pending>> shards(int count) {
        List<List<Pending>> shards = new ArrayList<>(count);
        for (int i = 0; i < count; i++) shards.add(new ArrayList<>());
        for (int i = 0; i < parts; i++) {
            Slices pool = slices.get(i);
            bigrams.get(i).forEach((k, p) -> {
                String key = Tokenizer.bigram(k);
                shards.get(Tokenizer.shardOf(key, count)).add(new Pending(key, p, pool));
            });
            others.get(i).forEach((key, p) -> shards.get(Tokenizer.shardOf(key, count)).add(new Pending(key, p, pool)));
            bigrams.set(i, null);
            others.set(i, null);
            slices.set(i, null);
        }
        shards.forEach(java.util.Collections::sort);
        return shards;
    }
}
