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
        while ((value & ~0x7f) != 0) {
            data[size++] = (byte) ((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        data[size++] = (byte) value;
    }

    void bytes(byte[] b) {
        bytes(b, 0, b.length);
    }

    void bytes(byte[] b, int offset, int length) {
        ensure(length);
        System.arraycopy(b, offset, data, size, length);
        size += length;
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
