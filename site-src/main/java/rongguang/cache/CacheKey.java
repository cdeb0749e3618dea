package rongguang.cache;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * What a cache is valid for: this very generator (its jar, or its classes when run from a build tree) and the
 * site's settings file, on which every page depends.
 */
public final class CacheKey {
    private CacheKey() {}

    public static String of(Path settingsFile, boolean preview) throws IOException {
        MessageDigest md = md5();
        md.update(Generator.ID.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) (preview ? 1 : 0));
        if (Files.isRegularFile(settingsFile)) md.update(Files.readAllBytes(settingsFile));
        return HexFormat.of().formatHex(md.digest());
    }

    /** The code does not change while it runs: its identity is found once. */
    private static final class Generator {
        static final String ID = generator();
    }

    /** The code's identity: the jar's size and time, or the newest class file of a build tree. */
    private static String generator() {
        Path code;
        try {
            code = Path.of(CacheKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return "unknown-" + System.nanoTime();
        }
        try (Stream<Path> walk = Files.walk(code)) {
            if (Files.isRegularFile(code)) {
                return code + ":" + Files.size(code) + ":" + Files.getLastModifiedTime(code).toMillis();
            }
            long newest = walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.getLastModifiedTime(p).toMillis();
                } catch (IOException e) {
                    return Long.MAX_VALUE;
                }
            }).max().orElse(0);
            return code + ":" + newest;
        } catch (IOException e) {
            return "unknown-" + System.nanoTime();
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
