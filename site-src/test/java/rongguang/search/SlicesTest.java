package rongguang.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Streams written in turns, across many slices and blocks, read back as they were written. */
class SlicesTest {
    @Test
    void interleavedStreamsReadBackAsWritten() {
        Slices slices = new Slices();
        Random random = new Random(20261206);
        List<Slices.Stream> streams = new ArrayList<>();
        List<ByteArrayOutputStream> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            streams.add(slices.stream());
            expected.add(new ByteArrayOutputStream());
        }
        // a few streams get most of the bytes (as common bigrams do), so some chains run through many blocks
        for (int round = 0; round < 80_000; round++) {
            int i = random.nextInt(10) < 7 ? random.nextInt(5) : random.nextInt(streams.size());
            Slices.Stream s = streams.get(i);
            if (random.nextBoolean()) {
                int value = random.nextInt(4) == 0 ? random.nextInt() >>> 1 : random.nextInt(300);
                slices.varint(s, value);
                Bytes b = new Bytes(5);
                b.varint(value);
                expected.get(i).write(b.array(), 0, b.size());
            } else {
                byte[] block = new byte[random.nextInt(100)];
                random.nextBytes(block);
                int from = block.length == 0 ? 0 : random.nextInt(block.length);
                slices.write(s, block, from, block.length - from);
                expected.get(i).write(block, from, block.length - from);
            }
        }
        long total = 0;
        for (int i = 0; i < streams.size(); i++) {
            assertThat(copied(slices, streams.get(i))).as("stream " + i).isEqualTo(expected.get(i).toByteArray());
            assertThat(streams.get(i).size()).isEqualTo(expected.get(i).size());
            total += streams.get(i).size();
        }
        assertThat(total).as("enough bytes to fill many 64 KB blocks").isGreaterThan(1_000_000);
    }

    @Test
    void anEmptyStreamIsEmpty() {
        Slices slices = new Slices();
        Slices.Stream s = slices.stream();
        assertThat(copied(slices, s)).isEmpty();
    }

    /** The stream's bytes, copied after three others (which the copy must leave alone), and those taken off. */
    private static byte[] copied(Slices slices, Slices.Stream s) {
        byte[] out = new byte[3 + s.size()];
        java.util.Arrays.fill(out, 0, 3, (byte) 7);
        slices.copy(s, out, 3);
        assertThat(java.util.Arrays.copyOf(out, 3)).containsOnly(7);
        return java.util.Arrays.copyOfRange(out, 3, out.length);
    }
}
