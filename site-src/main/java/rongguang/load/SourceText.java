package rongguang.load;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes a file as strict UTF-8: a byte-order mark is dropped, any other encoding is refused with its place. */
final class SourceText {
    private SourceText() {}

    /** Thrown for bytes that are not UTF-8; line and column say where the first bad byte is. */
    static final class NotUtf8Exception extends Exception {
        final int line;
        final int column;

        NotUtf8Exception(int line, int column) {
            super("not UTF-8");
            this.line = line;
            this.column = column;
        }
    }

    static String decode(byte[] bytes) throws NotUtf8Exception {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            String good = out.toString();
            int line = 1 + (int) good.chars().filter(c -> c == '\n').count();
            int column = good.length() - good.lastIndexOf('\n');
            throw new NotUtf8Exception(line, column);
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }
}
