package rongguang.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key's documents and positions, encoded as they are added (documents in increasing number), so the index
 * of 10,000 articles takes a few tens of megabytes rather than an object per occurrence.
 *
 * <p>A key has two blocks. The document block, one varint per document: the gap to the previous document number
 * (minus one) shifted left once, with the low bit set when the key occurs in the title. The position block, per
 * document: the number of positions, then the positions as gaps. A query of two characters reads only document
 * blocks; only longer runs, which must check that their bigrams stand side by side, read positions.
 */
final class Postings {
    /** Body positions start here, so that a position tells title from body. Titles are cut to stay below it. */
    static final int BODY = 1024;

    static final class Posting {
        final Bytes docs = new Bytes(8);
        final Bytes positions = new Bytes(16);
        int count;
        private int last = -1;
    }

    private final Map<String, Posting> byKey = new HashMap<>();

    /** The keys of one document with their positions, in increasing order. */
    static final class DocKeys implements Tokenizer.Sink {
        final Map<String, Positions> positions = new HashMap<>();

        @Override
        public void key(String key, int position) {
            positions.computeIfAbsent(key, k -> new Positions()).add(position);
        }

        static DocKeys of(String title, String text) {
            DocKeys keys = new DocKeys();
            String t = Tokenizer.normalize(title);
            if (t.codePointCount(0, t.length()) > BODY - 8) t = t.substring(0, t.offsetByCodePoints(0, BODY - 8));
            Tokenizer.keys(t, 0, keys);
            Tokenizer.keys(Tokenizer.normalize(text), BODY, keys);
            return keys;
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

    /** Adds a document; numbers must increase from call to call. */
    void add(int doc, DocKeys keys) {
        for (Map.Entry<String, Positions> e : keys.positions.entrySet()) {
            Posting p = byKey.computeIfAbsent(e.getKey(), k -> new Posting());
            int[] list = e.getValue().list;
            int n = e.getValue().size;
            boolean title = list[0] < BODY;
            p.docs.varint(((doc - p.last - 1) << 1) | (title ? 1 : 0));
            p.last = doc;
            p.count++;
            p.positions.varint(n);
            int previous = 0;
            for (int i = 0; i < n; i++) {
                p.positions.varint(list[i] - previous);
                previous = list[i];
            }
        }
    }

    long documentBytes() {
        long sum = 0;
        for (Posting p : byKey.values()) sum += p.docs.size();
        return sum;
    }

    /** The keys of each shard, sorted. */
    List<List<String>> shards(int count) {
        List<List<String>> shards = new ArrayList<>(count);
        for (int i = 0; i < count; i++) shards.add(new ArrayList<>());
        for (String key : byKey.keySet()) shards.get(Tokenizer.hash(Tokenizer.shardKey(key)) & (count - 1)).add(key);
        shards.forEach(java.util.Collections::sort);
        return shards;
    }

    Posting get(String key) {
        return byKey.get(key);
    }
}
