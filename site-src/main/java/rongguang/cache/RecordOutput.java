package rongguang.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Numbers big-endian, strings as UTF-8 with an int length (no 64 KB limit), into a new file through a buffer of its
 * own: see {@link RecordInput} for why not a {@code DataOutputStream}. The file begins with the length and the
 * CRC-32 of what follows, filled in when it is closed, so that a damaged file is known as one.
 */
final class RecordOutput implements AutoCloseable {
    static final int HEADER = 12;

    private final FileChannel channel;
    private final byte[] buffer = new byte[1 << 16];
    private final CRC32 crc = new CRC32();
    private long length;
    private int position;

    RecordOutput(FileChannel channel) throws IOException {
        this.channel = channel;
        channel.truncate(0);
        drain(ByteBuffer.allocate(HEADER));
    }

    void writeInt(int v) throws IOException {
        if (buffer.length - position < 4) flush();
        byte[] b = buffer;
        int p = position;
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
        position = p + 4;
    }

    void writeLong(long v) throws IOException {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    void writeByte(int v) throws IOException {
        if (position == buffer.length) flush();
        buffer[position++] = (byte) v;
    }

    void writeBoolean(boolean v) throws IOException {
        writeByte(v ? 1 : 0);
    }

    void write(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - position) {
            flush();
            if (bytes.length > buffer.length) {
                drain(ByteBuffer.wrap(bytes));
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    void writeString(String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeInt(bytes.length);
        write(bytes);
    }

    private void flush() throws IOException {
        drain(ByteBuffer.wrap(buffer, 0, position));
        position = 0;
    }

    private void drain(ByteBuffer bytes) throws IOException {
        if (channel.position() >= HEADER) {
            crc.update(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            length += bytes.remaining();
        }
        while (bytes.hasRemaining()) channel.write(bytes);
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
            ByteBuffer header = ByteBuffer.allocate(HEADER).putLong(length).putInt((int) crc.getValue()).flip();
            while (header.hasRemaining()) channel.write(header, header.position());
        } finally {
            channel.close();
        }
    }
}
