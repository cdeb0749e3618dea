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

    static final class Posting {
        final Bytes docs = new Bytes(8);
        final Bytes positions = new Bytes(16);
        int count;
        private int last = -1;

        void add(int doc, boolean title, byte[] block, int from, int to) {
            docs.varint(((doc - last - 1) << 1) | (title ? 1 : 0));
            last = doc;
            count++;
            positions.bytes(block, from, to - from);
        }
    }

    /**
     * One document's keys, grouped by key with their position blocks already encoded, and split into parts. Done
     * for many documents at once: sorting a document's bigrams in an array is what keeps this cheap (no object per
     * key, and the shared postings are touched once per key and document, not once per occurrence).
     */
    static final class DocKeys implements Tokenizer.Sink {
        private long[] bigrams = new long[1024];
        private int size;
        private final Map<String, Positions> words = new HashMap<>();
        final Bytes blocks = new Bytes(2048);
        final Part[] parts;

        /** The keys of one part: bigram keys or words, each with its block's end and title flag. */
        static final class Part {
            int[] bigrams = new int[64];
            int[] bigramStarts = new int[64];
            int[] bigramEnds = new int[64];
            int bigramCount;
            final List<String> words = new ArrayList<>();
            final List<Integer> wordStarts = new ArrayList<>();
            final List<Integer> wordEnds = new ArrayList<>();
        }

        private DocKeys(int parts) {
            this.parts = new Part[parts];
            for (int i = 0; i < parts; i++) this.parts[i] = new Part();
        }

        @Override
        public void bigram(int key, int position) {
            if (size == bigrams.length) bigrams = java.util.Arrays.copyOf(bigrams, size * 2);
            bigrams[size++] = ((long) key << 32) | position;
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
            Tokenizer.keys(Tokenizer.normalize(text), BODY, keys);
            keys.group();
            return keys;
        }

        /**
         * Encodes each key's positions into {@link #blocks}: gaps (the first from -1), then 0. A key in the title
         * has its block's end stored complemented (negative).
         */
        private void group() {
            java.util.Arrays.sort(bigrams, 0, size);
            int i = 0;
            while (i < size) {
                int key = (int) (bigrams[i] >>> 32);
                int previous = -1;
                int first = (int) bigrams[i];
                int from = blocks.size();
                for (; i < size && (int) (bigrams[i] >>> 32) == key; i++) {
                    int position = (int) bigrams[i];
                    blocks.varint(position - previous);
                    previous = position;
                }
                blocks.varint(0);
                Part part = parts[part(IntMap.mix(key), parts.length)];
                if (part.bigramCount == part.bigrams.length) {
                    part.bigrams = java.util.Arrays.copyOf(part.bigrams, part.bigramCount * 2);
                    part.bigramStarts = java.util.Arrays.copyOf(part.bigramStarts, part.bigramCount * 2);
                    part.bigramEnds = java.util.Arrays.copyOf(part.bigramEnds, part.bigramCount * 2);
                }
                part.bigrams[part.bigramCount] = key;
                part.bigramStarts[part.bigramCount] = from;
                part.bigramEnds[part.bigramCount++] = first < BODY ? ~blocks.size() : blocks.size();
            }
            for (Map.Entry<String, Positions> e : words.entrySet()) {
                Positions p = e.getValue();
                int from = blocks.size();
                int previous = -1;
                for (int j = 0; j < p.size; j++) {
                    blocks.varint(p.list[j] - previous);
                    previous = p.list[j];
                }
                blocks.varint(0);
                Part part = parts[part(e.getKey().hashCode(), parts.length)];
                part.words.add(e.getKey());
                part.wordStarts.add(from);
                part.wordEnds.add(p.list[0] < BODY ? ~blocks.size() : blocks.size());
            }
            bigrams = null;
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

    private final int parts;
    private final List<IntMap<Posting>> bigrams = new ArrayList<>();
    private final List<Map<String, Posting>> others = new ArrayList<>();

    Postings(int parts) {
        this.parts = parts;
        for (int i = 0; i < parts; i++) {
            bigrams.add(new IntMap<>());
            others.add(new HashMap<>());
        }
    }

    int parts() {
        return parts;
    }

    /** Adds the keys of part {@code part} of documents numbered from {@code first}, in order. */
    void add(int part, int first, List<DocKeys> docs) {
        IntMap<Posting> b = bigrams.get(part);
        Map<String, Posting> o = others.get(part);
        for (int d = 0; d < docs.size(); d++) {
            int doc = first + d;
            DocKeys keys = docs.get(d);
            byte[] blocks = keys.blocks.array();
            DocKeys.Part p = keys.parts[part];
            for (int i = 0; i < p.bigramCount; i++) {
                int key = p.bigrams[i];
                Posting posting = b.get(key);
                if (posting == null) posting = b.computeIfAbsent(key, k -> new Posting());
                int end = p.bigramEnds[i];
                boolean title = end < 0;
                int to = title ? ~end : end;
                posting.add(doc, title, blocks, p.bigramStarts[i], to);
            }
            for (int i = 0; i < p.words.size(); i++) {
                int end = p.wordEnds.get(i);
                boolean title = end < 0;
                int to = title ? ~end : end;
                o.computeIfAbsent(p.words.get(i), k -> new Posting()).add(doc, title, blocks, p.wordStarts.get(i), to);
            }
        }
    }

    private static int part(int hash, int parts) {
        return parts == 1 ? 0 : Math.floorMod(hash ^ (hash >>> 7), parts);
    }

    long documentBytes() {
        long[] sum = {0};
        for (int i = 0; i < parts; i++) {
            bigrams.get(i).forEach((k, p) -> sum[0] += p.docs.size());
            for (Posting p : others.get(i).values()) sum[0] += p.docs.size();
        }
        return sum[0];
    }

    record Entry(String key, Posting posting) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            return key.compareTo(o.key);
        }
    }

    /** The keys of each shard, sorted. */
    List<List<Entry>> shards(int count) {
        List<List<Entry>> shards = new ArrayList<>(count);
        for (int i = 0; i < count; i++) shards.add(new ArrayList<>());
        for (int i = 0; i < parts; i++) {
            bigrams.get(i).forEach((k, p) -> {
                String key = Tokenizer.bigram(k);
                shards.get(Tokenizer.hash(key) & (count - 1)).add(new Entry(key, p));
            });
            others.get(i).forEach((key, p) ->
                    shards.get(Tokenizer.hash(Tokenizer.shardKey(key)) & (count - 1)).add(new Entry(key, p)));
        }
        shards.forEach(java.util.Collections::sort);
        return shards;
    }
}
