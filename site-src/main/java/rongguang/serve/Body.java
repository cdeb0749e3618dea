package rongguang.serve;

import java.nio.file.Path;

/**
 * One response's status, type, validator and content: in memory ({@code bytes}), or for large files streamed from
 * {@code file} at each request.
 *
 * @param etag a strong validator derived from the content, quotes included; null when responses must not be
 *             revalidated (errors)
 */
record Body(int status, String contentType, String etag, byte[] bytes, Path file, long length) {

    static Body inMemory(int status, String contentType, byte[] bytes, boolean validated) {
        return new Body(status, contentType, validated ? ETags.of(bytes) : null, bytes, null, bytes.length);
    }

    static Body streamed(String contentType, String etag, Path file, long length) {
        return new Body(200, contentType, etag, null, file, length);
    }

    /** What this body holds in memory, for the cache's budget. */
    long memory() {
        return bytes == null ? 0 : bytes.length;
    }
}
