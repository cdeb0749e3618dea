package rongguang.search;

import java.util.Arrays;

/** A growable byte array with unsigned LEB128 varints, the integer encoding of the index files. */
final class Bytes {
    private byte[] data;
    private int size;

    Bytes(int capacity) {
        data = new byte[Math.max(capacity, 4)];
    }

    void varint(int value) {
        if (size + 5 > data.length) ensure(5);
        size = varint(data, size, value);
    }

    /** Writes {@code value} into {@code into} at {@code at}, which has room for five bytes; returns where it ends. */
    static int varint(byte[] into, int at, int value) {
        while ((value & ~0x7f) != 0) {
            into[at++] = (byte) ((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        into[at++] = (byte) value;
        return at;
    }

    /** The number of bytes of {@code value} as a varint. */
    static int varintSize(int value) {
        int n = 1;
        while ((value & ~0x7f) != 0) {
            value >>>= 7;
            n++;
        }
        return n;
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** The backing array; valid up to {@link #size()}, until the next write. */
    byte[] array() {
        return data;
    }

    byte[] toArray() {
        return Arrays.copyOf(data, size);
    }

    private void ensure(int more) {
        if (size + more > data.length) data = Arrays.copyOf(data, Math.max(data.length + (data.length >> 1), size + more));
    }
}
