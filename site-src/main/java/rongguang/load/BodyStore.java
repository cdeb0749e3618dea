package rongguang.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import rongguang.model.Body;

/**
 * Article bodies on disk instead of in memory: one append-only file, read back by position when a page is
 * rendered, so that memory holds what lists and indexes need and not every article's HTML at once. The file
 * outlives a build as part of the build cache; unchanged articles keep pointing into it.
 */
public final class BodyStore implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;

    private BodyStore(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (creating if needed) the store, keeping what it holds. */
    public static BodyStore open(Path file) throws IOException {
        return new BodyStore(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE));
    }

    /** A store in a temporary file, deleted when closed or when the program ends. */
    public static BodyStore temporary() throws IOException {
        Path file = java.nio.file.Files.createTempFile("rongguang-bodies", ".bin");
        file.toFile().deleteOnExit();
        return new BodyStore(file, FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE));
    }

    public Path file() {
        return file;
    }

    public long size() throws IOException {
        return channel.size();
    }

    /** Appends a body; safe from many threads. */
    public Stored put(String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        try {
            long offset;
            synchronized (this) {
                offset = channel.size();
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) channel.write(buffer, offset + buffer.position());
            }
            return new Stored(this, offset, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入正文缓存 " + file, e);
        }
    }

    /** Empties the store, for a cache that starts over: no body stored before may be read after. */
    public synchronized void clear() throws IOException {
        channel.truncate(0);
    }

    /** A body at a known place of this store (from a previous build's cache). */
    public Stored at(long offset, int length) {
        return new Stored(this, offset, length);
    }

    String read(long offset, int length) {
        return new String(bytes(offset, length), StandardCharsets.UTF_8);
    }

    byte[] bytes(long offset, int length) {
        return bytes(offset, length, null).array();
    }

    /** The bytes at {@code offset} in {@code reuse} when it has room, else in a new buffer; from 0 to the limit. */
    ByteBuffer bytes(long offset, int length, ByteBuffer reuse) {
        ByteBuffer buffer = reuse != null && reuse.capacity() >= length ? reuse.clear().limit(length)
                : ByteBuffer.allocate(length);
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) throw new IOException("正文缓存被截断");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取正文缓存 " + file, e);
        }
        return buffer.flip();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** A body in the store. */
    public record Stored(BodyStore store, long offset, int length) implements Body {
        @Override
        public String html() {
            return store.read(offset, length);
        }

        @Override
        public byte[] utf8() {
            return store.bytes(offset, length);
        }

        @Override
        public ByteBuffer utf8(ByteBuffer reuse) {
            return store.bytes(offset, length, reuse);
        }
    }
}
