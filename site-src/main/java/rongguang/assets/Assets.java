package rongguang.assets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The theme's {@code templates/assets/}, read once per build: CSS minified, every file named by a hash of its
 * content ({@code style.css} → {@code style.3f9a1c0b.css}) so that a browser may keep it for a year, and
 * {@code url(…)} references inside CSS rewritten to the hashed names (a CSS file's hash covers the names it
 * refers to, so a changed font changes the CSS that uses it). JavaScript is not minified: a safe minifier needs a
 * full JavaScript parser, and gzip takes most of what one would save.
 *
 * <p>Every file is also written under its own name, for URLs that must stay the same (the favicon, links from
 * elsewhere); templates refer to the hashed name with {@code asset("…")}.
 */
public final class Assets {
    private static final int HASH_HEX_DIGITS = 8;

    /** One asset: its name under assets/ as the theme has it, the hashed name, the bytes to serve. */
    public record Asset(String name, String hashedName, byte[] bytes) {}

    private final Map<String, Asset> byName;

    private Assets(Map<String, Asset> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    public static Assets none() {
        return new Assets(new TreeMap<>());
    }

    /** Reads every regular, non-hidden file below {@code dir} (none when it does not exist). */
    public static Assets read(Path dir) throws IOException {
        Map<String, byte[]> sources = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                    String rel = dir.relativize(p).toString().replace('\\', '/');
                    if (rel.isEmpty() || hidden(rel) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
                    sources.put(rel, Files.readAllBytes(p));
                }
            }
        }
        return of(sources);
    }

    /** The assets made from files given by name (relative to assets/, with forward slashes). */
    static Assets of(Map<String, byte[]> sources) {
        Map<String, Asset> done = new TreeMap<>();
        for (String name : sources.keySet()) resolve(name, sources, done, new HashSet<>());
        return new Assets(done);
    }

    private static Asset resolve(String name, Map<String, byte[]> sources, Map<String, Asset> done,
                                 Set<String> visiting) {
        Asset known = done.get(name);
        if (known != null) return known;
        byte[] bytes = sources.get(name);
        if (name.endsWith(".css")) {
            visiting.add(name);
            String css = CssMinifier.minify(new String(bytes, StandardCharsets.UTF_8));
            css = CssUrls.rewrite(css, name, target -> {
                // a stylesheet that (indirectly) refers to itself keeps the plain name there
                if (!sources.containsKey(target) || visiting.contains(target)) return null;
                return resolve(target, sources, done, visiting).hashedName();
            });
            visiting.remove(name);
            bytes = css.getBytes(StandardCharsets.UTF_8);
        }
        Asset asset = new Asset(name, hashed(name, bytes), bytes);
        done.put(name, asset);
        return asset;
    }

    /** {@code css/style.css} → {@code css/style.3f9a1c0b.css}; a name without extension gets the hash at its end. */
    static String hashed(String name, byte[] bytes) {
        String hash = HexFormat.of().formatHex(sha256(bytes)).substring(0, HASH_HEX_DIGITS);
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        if (dot <= slash + 1) return name + "." + hash;
        return name.substring(0, dot) + "." + hash + name.substring(dot);
    }

    private static boolean hidden(String rel) {
        for (String part : rel.split("/")) if (part.startsWith(".")) return true;
        return false;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hashed name of {@code name} (relative to assets/), or null when the theme has no such asset. */
    public String hashedName(String name) {
        Asset a = byName.get(name);
        return a == null ? null : a.hashedName();
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public List<Asset> all() {
        return new ArrayList<>(byName.values());
    }

    /** The files to write below assets/: each asset under its hashed name and under its own name. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Asset a : byName.values()) {
            files.put(a.hashedName(), a.bytes());
            files.put(a.name(), a.bytes());
        }
        return files;
    }
}
