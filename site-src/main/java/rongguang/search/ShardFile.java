package rongguang.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The two files of a shard (the format is in {@link SearchIndex}): written from its keys' postings, and read back
 * by an incremental build, which takes the changed documents out of them and puts their new keys in.
 */
final class ShardFile {
    private ShardFile() {}

    /** A changed document's occurrence of a key: its block of positions is {@code blocks[from, to)}. */
    record Added(int doc, boolean title, byte[] blocks, int from, int to) {}

    /** A key as a shard file holds it, wherever its posting is kept. */
    interface Key {
        String key();

        int count();

        int documentsSize();

        int positionsSize();

        /** Copies the document block into {@code to} at {@code at}. */
        void copyDocuments(byte[] to, int at);

        void copyPositions(byte[] to, int at);
    }

    /**
     * The document file and the position file of a shard whose keys are sorted, each written once into an array
     * of its exact size (arrays grown as they filled copied the whole index three times more).
     */
    static byte[][] encode(List<? extends Key> keys) {
        byte[][] names = new byte[keys.size()][];
        int docsSize = Bytes.varintSize(keys.size());
        int positionsSize = 0;
        for (int i = 0; i < names.length; i++) {
            Key k = keys.get(i);
            byte[] name = names[i] = k.key().getBytes(StandardCharsets.UTF_8);
            docsSize += Bytes.varintSize(name.length) + name.length + Bytes.varintSize(k.count())
                    + Bytes.varintSize(k.documentsSize()) + Bytes.varintSize(k.positionsSize()) + k.documentsSize();
            positionsSize += k.positionsSize();
        }
        byte[] docs = new byte[docsSize];
        byte[] positions = new byte[positionsSize];
        int at = Bytes.varint(docs, 0, keys.size());
        int p = 0;
        for (int i = 0; i < names.length; i++) {
            Key k = keys.get(i);
            at = Bytes.varint(docs, at, names[i].length);
            System.arraycopy(names[i], 0, docs, at, names[i].length);
            at += names[i].length;
            at = Bytes.varint(docs, at, k.count());
            at = Bytes.varint(docs, at, k.documentsSize());
            at = Bytes.varint(docs, at, k.positionsSize());
            k.copyDocuments(docs, at);
            at += k.documentsSize();
            k.copyPositions(positions, p);
            p += k.positionsSize();
        }
        return new byte[][] {docs, positions};
    }

    /** The keys of a shard's two files, in file order. */
    static List<Postings.Entry> decode(byte[] docs, byte[] positions) {
        Reader in = new Reader(docs);
        int count = in.varint();
        List<Postings.Entry> keys = new ArrayList<>(count);
        int at = 0;
        for (int i = 0; i < count; i++) {
            int length = in.varint();
            String key = new String(docs, in.at, length, StandardCharsets.UTF_8);
            in.at += length;
            int documents = in.varint();
            int docBytes = in.varint();
            int positionBytes = in.varint();
            byte[] d = java.util.Arrays.copyOfRange(docs, in.at, in.at + docBytes);
            in.at += docBytes;
            byte[] p = java.util.Arrays.copyOfRange(positions, at, at + positionBytes);
            at += positionBytes;
            keys.add(new Postings.Entry(key, new Postings.Posting(d, p, documents)));
        }
        if (in.at != docs.length || at != positions.length) throw new IllegalArgumentException("索引分片已损坏");
        return keys;
    }

    /**
     * The keys of a shard with the documents in {@code changed} taken out and {@code added} put in (each key's
     * list in increasing document order); keys left with no document are dropped. Sorted, as a shard is; the
     * very list given when no posting changed.
     */
    static List<Postings.Entry> patch(List<Postings.Entry> keys, BitSet changed, Map<String, List<Added>> added) {
        List<Postings.Entry> out = new ArrayList<>(keys.size() + added.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        boolean same = true;
        for (Postings.Entry e : keys) {
            List<Added> more = added.getOrDefault(e.key(), List.of());
            if (!more.isEmpty()) seen.add(e.key());
            // most keys of an edited document stand where they stood: their posting is the same
            if (more.isEmpty() ? !mentions(e.posting(), changed) : sameEntries(e.posting(), changed, more)) {
                out.add(e);
                continue;
            }
            same = false;
            Postings.Posting p = merge(e.posting(), changed, more);
            if (p.count > 0) out.add(new Postings.Entry(e.key(), p));
        }
        for (Map.Entry<String, List<Added>> a : added.entrySet()) {
            if (seen.contains(a.getKey())) continue;
            same = false;
            out.add(new Postings.Entry(a.getKey(), merge(null, changed, a.getValue())));
        }
        if (same) return keys;
        Collections.sort(out);
        return out;
    }

    /** Whether any of the changed documents is in the posting (its document block alone is read). */
    private static boolean mentions(Postings.Posting p, BitSet changed) {
        Reader in = new Reader(p.docs());
        int lastChanged = changed.length() - 1;
        int doc = -1;
        for (int i = 0; i < p.count && doc < lastChanged; i++) {
            doc += (in.varint() >>> 1) + 1;
            if (changed.get(doc)) return true;
        }
        return false;
    }

    /** Whether the posting's entries of the changed documents are exactly {@code added}. */
    private static boolean sameEntries(Postings.Posting p, BitSet changed, List<Added> added) {
        Reader docs = new Reader(p.docs());
        byte[] positions = p.positions();
        int lastChanged = changed.length() - 1;
        int next = 0;
        int at = 0;
        int doc = -1;
        for (int i = 0; i < p.count; i++) {
            int v = docs.varint();
            doc += (v >>> 1) + 1;
            if (doc > lastChanged) break;
            int end = at;
            while (positions[end] != 0) end++;   // a block ends with the varint 0, the only 0 byte in it
            end++;
            if (changed.get(doc)) {
                if (next == added.size()) return false;
                Added a = added.get(next++);
                if (a.doc() != doc || a.title() != ((v & 1) != 0)
                        || !java.util.Arrays.equals(positions, at, end, a.blocks(), a.from(), a.to())) {
                    return false;
                }
            }
            at = end;
        }
        return next == added.size();
    }

    /** The old posting's documents that did not change and the added ones, in document order. */
    private static Postings.Posting merge(Postings.Posting old, BitSet changed, List<Added> added) {
        Postings.Posting p = new Postings.Posting();
        int next = 0;
        if (old != null) {
            Reader docs = new Reader(old.docs());
            byte[] positions = old.positions();
            int at = 0;
            int doc = -1;
            for (int i = 0; i < old.count; i++) {
                int v = docs.varint();
                doc += (v >>> 1) + 1;
                int end = at;
                while (positions[end] != 0) end++;   // a block ends with the varint 0, the only 0 byte in it
                end++;
                for (; next < added.size() && added.get(next).doc() < doc; next++) add(p, added.get(next));
                if (!changed.get(doc)) p.add(doc, (v & 1) != 0, positions, at, end);
                at = end;
            }
        }
        for (; next < added.size(); next++) add(p, added.get(next));
        return p;
    }

    private static void add(Postings.Posting p, Added a) {
        p.add(a.doc(), a.title(), a.blocks(), a.from(), a.to());
    }

    private static final class Reader {
        final byte[] data;
        int at;

        Reader(byte[] data) {
            this.data = data;
        }

        int varint() {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = data[at++];
                value |= (b & 0x7f) << shift;
                if (b >= 0) return value;
            }
        }
    }
}
