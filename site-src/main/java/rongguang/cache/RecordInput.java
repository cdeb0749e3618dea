package rongguang.cache;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Reads what {@link RecordOutput} wrote. Not a {@code DataInputStream}: that one reads a number a byte at a time
 * through a synchronized stream, and the cache of a large site is millions of numbers, read in a process whose
 * code is not yet compiled.
 */
final class RecordInput {
    private final ReadableByteChannel channel;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;

    private RecordInput(ReadableByteChannel channel) {
        this.channel = channel;
    }

    /**
     * Reads the records of a file, after checking its length and checksum: a file damaged since it was written is
     * refused before anything is read from it.
     */
    static RecordInput of(FileChannel file) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(RecordOutput.HEADER);
        readFully(file, header, 0);
        long length = header.flip().getLong();
        int expected = header.getInt();
        if (length != file.size() - RecordOutput.HEADER) throw new IOException("记录文件长度不符：" + length);
        CRC32 crc = new CRC32();
        ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
        for (long at = RecordOutput.HEADER; at < file.size(); at += chunk.limit()) {
            chunk.clear().limit((int) Math.min(chunk.capacity(), file.size() - at));
            readFully(file, chunk, at);
            crc.update(chunk.flip());
        }
        if ((int) crc.getValue() != expected) throw new IOException("记录文件校验不符");
        file.position(RecordOutput.HEADER);
        return new RecordInput(file);
    }

    /** Records from where the channel stands, unchecked: a first look at a file's start, or a test's. */
    static RecordInput unchecked(ReadableByteChannel channel) {
        return new RecordInput(channel);
    }

    private static void readFully(FileChannel file, ByteBuffer into, long at) throws IOException {
        while (into.hasRemaining()) {
            if (file.read(into, at + into.position()) < 0) throw new EOFException();
        }
    }

    int readInt() throws IOException {
        need(4);
        byte[] b = buffer;
        int p = position;
        position = p + 4;
        return (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | (b[p + 3] & 0xff);
    }

    long readLong() throws IOException {
        long high = readInt();
        return high << 32 | (readInt() & 0xffffffffL);
    }

    int readUnsignedByte() throws IOException {
        need(1);
        return buffer[position++] & 0xff;
    }

    boolean readBoolean() throws IOException {
        return readUnsignedByte() != 0;
    }

    byte[] readBytes(int length) throws IOException {
        byte[] bytes = new byte[length];
        int buffered = Math.min(length, limit - position);
        System.arraycopy(buffer, position, bytes, 0, buffered);
        position += buffered;
        ByteBuffer rest = ByteBuffer.wrap(bytes, buffered, length - buffered);
        while (rest.hasRemaining()) {
            if (channel.read(rest) < 0) throw new EOFException();
        }
        return bytes;
    }

    String readString() throws IOException {
        int length = readInt();
        if (length < 0 || length > 64 * 1024 * 1024) throw new IOException("缓存记录损坏");
        if (length <= buffer.length) {
            need(length);
            String s = new String(buffer, position, length, StandardCharsets.UTF_8);
            position += length;
            return s;
        }
        return new String(readBytes(length), StandardCharsets.UTF_8);
    }

    /** Whether everything was read: records that end before their file does were not the file's. */
    boolean atEnd() throws IOException {
        return position == limit && fill() < 0;
    }

    private void need(int n) throws IOException {
        if (limit - position >= n) return;
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        while (limit < n) {
            if (fill() < 0) throw new EOFException();
        }
    }

    private int fill() throws IOException {
        if (position == limit) {
            position = 0;
            limit = 0;
        }
        int n = channel.read(ByteBuffer.wrap(buffer, limit, buffer.length - limit));
        if (n > 0) limit += n;
        return n;
    }
}
