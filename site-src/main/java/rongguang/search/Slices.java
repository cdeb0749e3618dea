package rongguang.search;

/**
 * Many growing byte streams in shared blocks, as Lucene's {@code ByteBlockPool} holds its postings while it
 * indexes: a stream is a chain of slices, each larger than the one before and ending in the address of the next.
 * A stream is then a few ints instead of an array grown again and again, so building the index of 10,000
 * articles leaves no trail of outgrown arrays for the collector, and the objects it must trace never change.
 * Written by one thread at a time.
 */
final class Slices {
    private static final int BLOCK_BITS = 16;
    private static final int BLOCK = 1 << BLOCK_BITS;
    private static final int MASK = BLOCK - 1;
    /** The size of a stream's n-th slice, its last four bytes the address of the next one. */
    private static final int[] SIZES = {16, 32, 64, 128, 256, 512, 1024, 2048, 4096};

    private byte[][] blocks = new byte[8][];
    private int count;
    private int used = BLOCK;

    /** One stream: where it starts, where the next byte goes, where the current slice's link is. */
    static final class Stream {
        private final int start;
        private int at;
        private int end;
        private int level;
        private int size;

        private Stream(int start) {
            this.start = start;
            this.at = start;
            this.end = start + SIZES[0] - 4;
        }

        int size() {
            return size;
        }
    }

    Stream stream() {
        return new Stream(allocate(SIZES[0]));
    }

    void write(Stream s, byte b) {
        if (s.at == s.end) next(s);
        blocks[s.at >>> BLOCK_BITS][s.at & MASK] = b;
        s.at++;
        s.size++;
    }

    /** Writes {@code value} as an unsigned LEB128 varint, the integers of the index files. */
    void varint(Stream s, int value) {
        while ((value & ~0x7f) != 0) {
            write(s, (byte) ((value & 0x7f) | 0x80));
            value >>>= 7;
        }
        write(s, (byte) value);
    }

    void write(Stream s, byte[] bytes, int from, int length) {
        while (length > 0) {
            if (s.at == s.end) next(s);
            int n = Math.min(length, s.end - s.at);
            System.arraycopy(bytes, from, blocks[s.at >>> BLOCK_BITS], s.at & MASK, n);
            s.at += n;
            s.size += n;
            from += n;
            length -= n;
        }
    }

    /** Copies the stream's bytes into {@code out} at {@code from}. */
    void copy(Stream s, byte[] out, int from) {
        int at = s.start;
        int level = 0;
        int end = at + SIZES[0] - 4;
        for (int done = 0; done < s.size; ) {
            int n = Math.min(s.size - done, end - at);
            System.arraycopy(blocks[at >>> BLOCK_BITS], at & MASK, out, from + done, n);
            done += n;
            if (done < s.size) {
                at = readInt(end);
                level = Math.min(level + 1, SIZES.length - 1);
                end = at + SIZES[level] - 4;
            }
        }
    }

    /** Starts the stream's next slice, linked from the end of its current one. */
    private void next(Stream s) {
        int level = Math.min(s.level + 1, SIZES.length - 1);
        int slice = allocate(SIZES[level]);
        byte[] block = blocks[s.end >>> BLOCK_BITS];
        int i = s.end & MASK;
        block[i] = (byte) (slice >>> 24);
        block[i + 1] = (byte) (slice >>> 16);
        block[i + 2] = (byte) (slice >>> 8);
        block[i + 3] = (byte) slice;
        s.level = level;
        s.at = slice;
        s.end = slice + SIZES[level] - 4;
    }

    private int readInt(int address) {
        byte[] block = blocks[address >>> BLOCK_BITS];
        int i = address & MASK;
        return (block[i] & 0xff) << 24 | (block[i + 1] & 0xff) << 16 | (block[i + 2] & 0xff) << 8 | (block[i + 3] & 0xff);
    }

    /** A slice of {@code size} bytes within one block. */
    private int allocate(int size) {
        if (used + size > BLOCK) {
            if (count == blocks.length) blocks = java.util.Arrays.copyOf(blocks, count * 2);
            blocks[count++] = new byte[BLOCK];
            used = 0;
        }
        int address = (count - 1) << BLOCK_BITS | used;
        used += size;
        return address;
    }
}
