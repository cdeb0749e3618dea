package rongguang.render;

import java.util.Set;
import rongguang.write.FileStamp;

/**
 * What a build remembers of a page it wrote: the fingerprint of everything the page was rendered from, the
 * members of {@code site} its templates read, the articles' texts it read ({@link TextReads}, sorted), and the
 * file as written. A later build whose fingerprint for the page is the same, and whose output still holds that very
 * file, keeps the file instead of rendering it.
 */
public record PageRecord(String file, byte[] fingerprint, Set<String> members, String[] texts, FileStamp stamp) {}
