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
     *
     * <p>The keys lie in an {@link Arena}: where each part's bigrams start, its words start and it ends, then the
     * entries of part 0's bigrams, part 0's words, part 1's bigrams and so on, each two ints (a bigram's key, or a
     * word's number in {@link #words}; then where its block ends in {@link #blocks}, {@code ~end} when the key is
     * in the title). The blocks lie in the same order, so an entry's block starts where the one before ends.
     */
    static final class DocKeys implements Tokenizer.Sink {
        private final Scratch scratch = SCRATCH.get().reset();
        /** The position blocks of all keys, from {@link #blocksFrom}. */
        byte[] blocks;
        int blocksFrom;
        /** The bounds at {@link #boundsAt}, the entries at {@link #entriesAt}. */
        int[] ints;
        int boundsAt;
        int entriesAt;
        String[] words;

        @Override
        public void bigram(int key, int position) {
            scratch.add(key, position);
        }

        @Override
        public void key(char[] text, int from, int to, int position) {
            scratch.add(text, from, to, position);
        }

        static DocKeys of(String title, String text, int parts) {
            return of(title, text.toCharArray(), text.length(), parts, new Arena());
        }

        /** The keys of a document whose text is {@code text[0, length)}, written into {@code arena}. */
        static DocKeys of(String title, char[] text, int length, int parts, Arena arena) {
            DocKeys keys = new DocKeys();
            String t = Tokenizer.normalize(title);
            if (t.codePointCount(0, t.length()) > BODY - 8) t = t.substring(0, t.offsetByCodePoints(0, BODY - 8));
            Tokenizer.keys(t, 0, keys);
            Tokenizer.keys(Tokenizer.normalized(text, length), BODY, keys);
            keys.group(parts, arena);
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

        /** Orders the keys by part, bigrams before words, and encodes each one's positions into the arena. */
        private void group(int parts, Arena arena) {
            Scratch sc = scratch;
            int[] at = sc.groupStarts();
            int n = sc.distinct;
            boundsAt = arena.take(2 * parts + 1 + 2 * n);
            entriesAt = boundsAt + 2 * parts + 1;
            int[] ints = arena.ints();
            java.util.Arrays.fill(ints, boundsAt, entriesAt, 0);
            int[] slotOf = sc.order(n);
            int bigrams = 0;
            for (int id = 0; id < n; id++) {
                String word = sc.wordOf[id];
                int slot = 2 * part(word == null ? IntMap.mix(sc.keyOf[id]) : word.hashCode(), parts) + (word == null ? 0 : 1);
                slotOf[id] = slot;
                ints[boundsAt + slot + 1]++;
                if (word == null) bigrams++;
            }
            int[] next = sc.next(2 * parts);
            for (int s = 0; s < 2 * parts; s++) {
                ints[boundsAt + s + 1] += ints[boundsAt + s];
                next[s] = ints[boundsAt + s];
            }
            int[] byEntry = sc.byEntry(n);
            for (int id = 0; id < n; id++) byEntry[next[slotOf[id]]++] = id;
            words = n == bigrams ? NO_WORDS : new String[n - bigrams];
            int word = 0;
            Bytes out = arena.blocks;
            blocksFrom = out.size();
            for (int e = 0; e < n; e++) {
                int id = byEntry[e];
                block(out, sc.grouped, at[id], at[id + 1]);
                int entry = entriesAt + 2 * e;
                if (sc.wordOf[id] == null) {
                    ints[entry] = sc.keyOf[id];
                } else {
                    words[word] = sc.wordOf[id];
                    ints[entry] = word++;
                }
                ints[entry + 1] = sc.grouped[at[id]] < BODY ? ~out.size() : out.size();
            }
            blocks = out.array();
            this.ints = ints;
        }

        private static final String[] NO_WORDS = {};

        int parts() {
            return (entriesAt - boundsAt - 1) / 2;
        }

        /** Where part {@code part}'s bigrams start ({@code 2 part}), its words ({@code 2 part + 1}), its end. */
        int bound(int index) {
            return ints[boundsAt + index];
        }

        /** Where the block of entry {@code e} starts. */
        int start(int e) {
            return e == 0 ? blocksFrom : end(ints[entriesAt + 2 * e - 1]);
        }

        static int end(int end) {
            return end < 0 ? ~end : end;
        }

        /**
         * Calls {@code visitor} with every key of the document, its block in {@link #blocks} and whether it is in
         * the title; bigrams first in each part.
         */
        void forEach(KeyVisitor visitor) {
            for (int part = 0; part < parts(); part++) {
                int words = bound(2 * part + 1);
                int to = bound(2 * part + 2);
                int start = start(bound(2 * part));
                for (int e = bound(2 * part); e < to; e++) {
                    int key = ints[entriesAt + 2 * e];
                    int end = ints[entriesAt + 2 * e + 1];
                    int stop = end(end);
                    visitor.visit(e < words ? Tokenizer.bigram(key) : this.words[key], end < 0, start, stop);
                    start = stop;
                }
            }
        }

        interface KeyVisitor {
            void visit(String key, boolean title, int from, int to);
        }
    }

    /**
     * Where a thread writes the keys of the documents of a batch, their blocks and entries: in two arrays that grow,
     * not a few arrays per document (those were a third of what the index allocated). An arena of its own holds
     * keys kept longer (an update).
     */
    static final class Arena {
        final Bytes blocks = new Bytes(4096);
        private int[] ints = new int[1024];
        private int size;
        private int batch = -1;

        /**
         * Each thread's arenas for one write of the index. A batch's keys are added while the next batch is
         * tokenized, so a thread has two, used by batches in turn: a document's keys stay valid until its thread
         * starts the batch after the next.
         */
        static final class PerThread {
            private final ThreadLocal<Arena[]> arenas = ThreadLocal.withInitial(() -> new Arena[] {new Arena(), new Arena()});

            /** The calling thread's arena for batch number {@code batch}. */
            Arena forBatch(int batch) {
                Arena arena = arenas.get()[batch & 1];
                if (arena.batch != batch) {
                    arena.batch = batch;
                    arena.blocks.clear();
                    arena.size = 0;
                }
                return arena;
            }
        }

        /** Takes {@code n} ints, as they are; returns where they start in {@link #ints()}, which may be a new array. */
        int take(int n) {
            if (size + n > ints.length) ints = java.util.Arrays.copyOf(ints, Math.max(2 * ints.length, size + n));
            int at = size;
            size += n;
            return at;
        }

        int[] ints() {
            return ints;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * A thread's working memory for grouping one document's keys: each key gets a local number on first sight (an
     * open-addressing table, stamped per document so it never needs clearing), occurrences are counted per number
     * and then laid out key by key, positions still in text order. Cheaper than sorting. Words are found in a
     * table of their own by their characters, whose strings the thread keeps from document to document.
     */
    static final class Scratch {
        /** Words kept from document to document at most; the table starts over beyond (long numbers, codes). */
        private static final int MAX_WORDS = 1 << 16;
        private int[] slotKeys = new int[4096];
        private int[] slotIds = new int[4096];
        private int[] slotStamps = new int[4096];
        private String[] wordSlots = new String[256];
        private int[] wordHashes = new int[256];
        private int[] wordIds = new int[256];
        private int[] wordStamps = new int[256];
        private int wordCount;
        private int stamp;
        int distinct;
        int[] keyOf = new int[1024];
        /** A word's string, null for a bigram. */
        String[] wordOf = new String[1024];
        private int[] counts = new int[1024];
        private int[] ids = new int[4096];
        private int[] positions = new int[4096];
        private int size;
        int[] grouped = new int[4096];
        private int[] starts = new int[1025];
        /** Where the next position of each key goes while they are laid out. */
        private int[] next = new int[1025];
        private int[] order = new int[1024];
        private int[] byEntry = new int[1024];

        Scratch reset() {
            stamp++;
            distinct = 0;
            size = 0;
            if (wordCount > MAX_WORDS) {
                // an empty slot is a null word; no slot holds the new stamp, so the others need no clearing
                java.util.Arrays.fill(wordSlots, null);
                wordCount = 0;
            }
            return this;
        }

        /** An occurrence of a bigram. */
        void add(int key, int position) {
            if (distinct * 2 >= slotKeys.length) growTable();
            int mask = slotKeys.length - 1;
            int i = IntMap.mix(key) & mask;
            while (slotStamps[i] == stamp && slotKeys[i] != key) i = (i + 1) & mask;
            int id;
            if (slotStamps[i] == stamp) {
                id = slotIds[i];
            } else {
                id = newId(key, null);
                slotStamps[i] = stamp;
                slotKeys[i] = key;
                slotIds[i] = id;
            }
            occurrence(id, position);
        }

        /** An occurrence of the word {@code text[from, to)}. */
        void add(char[] text, int from, int to, int position) {
            if (wordCount * 2 >= wordSlots.length) growWords();
            int hash = 0;
            for (int j = from; j < to; j++) hash = 31 * hash + text[j];
            int mask = wordSlots.length - 1;
            int i = IntMap.mix(hash) & mask;
            while (wordSlots[i] != null && (wordHashes[i] != hash || !same(wordSlots[i], text, from, to))) {
                i = (i + 1) & mask;
            }
            if (wordSlots[i] == null) {
                wordSlots[i] = new String(text, from, to - from);
                wordHashes[i] = hash;
                wordCount++;
            }
            if (wordStamps[i] != stamp) {
                wordStamps[i] = stamp;
                wordIds[i] = newId(0, wordSlots[i]);
            }
            occurrence(wordIds[i], position);
        }

        private static boolean same(String word, char[] text, int from, int to) {
            if (word.length() != to - from) return false;
            for (int j = from; j < to; j++) if (word.charAt(j - from) != text[j]) return false;
            return true;
        }

        private int newId(int key, String word) {
            int id = distinct++;
            if (id == keyOf.length) {
                keyOf = java.util.Arrays.copyOf(keyOf, id * 2);
                wordOf = java.util.Arrays.copyOf(wordOf, id * 2);
                counts = java.util.Arrays.copyOf(counts, id * 2);
            }
            keyOf[id] = key;
            wordOf[id] = word;
            counts[id] = 0;
            return id;
        }

        private void occurrence(int id, int position) {
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

        /** Room for a number per key. */
        int[] order(int n) {
            if (order.length < n) order = new int[keyOf.length];
            return order;
        }

        /** Room for another number per key. */
        int[] byEntry(int n) {
            if (byEntry.length < n) byEntry = new int[keyOf.length];
            return byEntry;
        }

        /** Room for {@code n} numbers, where the positions were laid out. */
        int[] next(int n) {
            if (next.length < n) next = new int[n];
            return next;
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

        private void growWords() {
            String[] oldSlots = wordSlots;
            int[] oldHashes = wordHashes;
            int[] oldIds = wordIds;
            int[] oldStamps = wordStamps;
            int n = oldSlots.length * 2;
            wordSlots = new String[n];
            wordHashes = new int[n];
            wordIds = new int[n];
            wordStamps = new int[n];
            for (int j = 0; j < oldSlots.length; j++) {
                if (oldSlots[j] == null) continue;
                int i = IntMap.mix(oldHashes[j]) & (n - 1);
                while (wordSlots[i] != null) i = (i + 1) & (n - 1);
                wordSlots[i] = oldSlots[j];
                wordHashes[i] = oldHashes[j];
                wordIds[i] = oldIds[j];
                wordStamps[i] = oldStamps[j];
            }
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
            int[] entries = keys.ints;
            int at = keys.entriesAt;
            int from = keys.bound(2 * part);
            int words = keys.bound(2 * part + 1);
            int to = keys.bound(2 * part + 2);
            int start = keys.start(from);
            for (int e = from; e < to; e++) {
                int end = entries[at + 2 * e + 1];
                boolean title = end < 0;
                int stop = title ? ~end : end;
                Pooled posting;
                // no computeIfAbsent: its lambda captures the pool, one allocation per key met (in a profile, 5 %
                // of the index), which the quick compiler does not remove
                if (e < words) {
                    int key = entries[at + 2 * e];
                    posting = b.get(key);
                    if (posting == null) b.put(key, posting = new Pooled(pool));
                } else {
                    String word = keys.words[entries[at + 2 * e]];
                    posting = o.get(word);
                    if (posting == null) o.put(word, posting = new Pooled(pool));
                }
                posting.add(pool, doc, title, blocks, start, stop);
                start = stop;
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
