package rongguang.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link RecordOutput} writes to a file, {@link RecordInput} reads back, across its buffer's edges. */
class RecordStreamsTest {
    @TempDir
    Path tmp;

    @Test
    void recordsReadBackAsWrittenAcrossBufferEdges() throws IOException {
        Path file = tmp.resolve("records");
        Random random = new Random(7);
        // strings of every size around the 64 KB buffer, so that numbers and strings straddle its end
        String[] strings = new String[40];
        for (int i = 0; i < strings.length; i++) strings[i] = text(random, i < 30 ? random.nextInt(3000) : 20_000 + 30_000 * i % 90_000);
        byte[] big = new byte[200_000];
        random.nextBytes(big);
        try (RecordOutput out = new RecordOutput(FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE))) {
            for (int round = 0; round < 50; round++) {
                for (String s : strings) {
                    out.writeString(s);
                    out.writeInt(-round * 7919);
                    out.writeLong(Long.MIN_VALUE + round);
                    out.writeBoolean(round % 2 == 0);
                    out.writeByte(200);
                }
            }
            out.writeInt(big.length);
            out.write(big);
        }

        // a channel that hands out a few bytes at a time, as a pipe or a slow disk may
        try (FileChannel channel = FileChannel.open(file)) {
            RecordInput.of(channel);   // checked, and placed after the header
            RecordInput in = RecordInput.unchecked(trickle(channel));
            for (int round = 0; round < 50; round++) {
                for (String s : strings) {
                    assertThat(in.readString()).isEqualTo(s);
                    assertThat(in.readInt()).isEqualTo(-round * 7919);
                    assertThat(in.readLong()).isEqualTo(Long.MIN_VALUE + round);
                    assertThat(in.readBoolean()).isEqualTo(round % 2 == 0);
                    assertThat(in.readUnsignedByte()).isEqualTo(200);
                }
            }
            assertThat(in.readBytes(in.readInt())).isEqualTo(big);
            assertThat(in.atEnd()).isTrue();
        }
    }

    @Test
    void aFileCutShortLongerOrChangedIsRefusedBeforeItIsRead() throws IOException {
        Path file = tmp.resolve("records");
        try (RecordOutput out = new RecordOutput(FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE))) {
            out.writeString("双拥模范城");
            out.writeInt(7);
        }
        byte[] whole = Files.readAllBytes(file);
        try (FileChannel channel = FileChannel.open(file)) {
            RecordInput in = RecordInput.of(channel);
            assertThat(in.readString()).isEqualTo("双拥模范城");
            assertThat(in.readInt()).isEqualTo(7);
            assertThat(in.atEnd()).isTrue();
        }

        byte[] changed = whole.clone();
        changed[RecordOutput.HEADER + 5] ^= 1;
        for (byte[] damaged : List.of(Arrays.copyOf(whole, whole.length - 1), Arrays.copyOf(whole, whole.length + 1),
                changed)) {
            Files.write(file, damaged);
            try (FileChannel channel = FileChannel.open(file)) {
                assertThatThrownBy(() -> RecordInput.of(channel)).isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void aLengthThatCannotBeIsRefusedBeforeAnythingIsAllocatedForIt() throws IOException {
        Path file = tmp.resolve("records");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xf0});
        try (FileChannel channel = FileChannel.open(file)) {
            assertThatThrownBy(RecordInput.unchecked(channel)::readString).isInstanceOf(IOException.class);
        }
    }

    private static String text(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            s.append(kind == 0 ? (char) ('a' + random.nextInt(26)) : kind == 1 ? "𠀋" : (char) (0x4e00 + random.nextInt(0x5000)));
        }
        return s.toString();
    }

    private static ReadableByteChannel trickle(FileChannel channel) {
        return new ReadableByteChannel() {
            private final Random random = new Random(11);

            @Override
            public int read(ByteBuffer into) throws IOException {
                int room = Math.min(into.remaining(), 1 + random.nextInt(5000));
                ByteBuffer part = into.slice();
                part.limit(room);
                int read = channel.read(part);
                if (read > 0) into.position(into.position() + read);
                return read;
            }

            @Override
            public boolean isOpen() {
                return channel.isOpen();
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }
}
