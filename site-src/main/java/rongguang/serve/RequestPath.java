package rongguang.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The path of a request, percent-decoded once and split into the names of a file path below the preview root; or
 * nothing, when the path could lead anywhere else. Refused: backslashes, control characters and NUL (raw or
 * encoded), {@code .} and {@code ..} segments (raw or encoded), empty segments ({@code //}), malformed escapes,
 * bytes that are not UTF-8, and spaces, controls or characters outside ASCII left unescaped. A double-encoded
 * {@code %252e} decodes once, to the harmless name {@code %2e}.
 *
 * @param names  the file path's names, none of them empty, {@code .} or {@code ..}
 * @param folder the path ended with {@code /}
 */
record RequestPath(List<String> names, boolean folder) {

    /** The path relative to the root, with forward slashes ({@code ""} for the root itself). */
    String relative() {
        return String.join("/", names);
    }

    /** Parses a raw (still percent-encoded) request path; null when it is refused. */
    static RequestPath parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') return null;
        String decoded = decode(raw);
        if (decoded == null) return null;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') return null;
        }
        String[] parts = decoded.substring(1).split("/", -1);
        boolean folder = parts[parts.length - 1].isEmpty();
        List<String> names = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length - (folder ? 1 : 0); i++) {
            String name = parts[i];
            if (name.isEmpty() || name.equals(".") || name.equals("..")) return null;
            names.add(name);
        }
        return new RequestPath(List.copyOf(names), folder);
    }

    /** Percent-decodes UTF-8 strictly; null for a malformed escape or bytes that are not UTF-8. */
    private static String decode(String raw) {
        // a URL is printable ASCII; clients escape the rest
        if (raw.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) return null;
        if (raw.indexOf('%') < 0) return raw;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) return null;
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
