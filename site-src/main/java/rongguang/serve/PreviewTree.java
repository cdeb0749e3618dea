package rongguang.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The preview tree as the server reads it: finds the file for a request path without ever leaving the root, and
 * loads it as a response of the current {@link Generation}.
 */
final class PreviewTree {
    /** Larger files are streamed from disk at each request instead of being held in memory. */
    private static final long IN_MEMORY_LIMIT = 8L << 20;
    /** The longest a request waits for the tree to be back during a swap. */
    private static final long SWAP_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** What a request path gave: a response, a folder asked for without its final slash, or nothing. */
    record Found(Body body, boolean folderWithoutSlash) {
        static final Found NOTHING = new Found(null, false);
        static final Found FOLDER = new Found(null, true);
    }

    /** A file found by {@link #findOnce}, or nothing. */
    private record Lookup(Path file, boolean folderWithoutSlash) {
        static final Lookup MISSING = new Lookup(null, false);
        static final Lookup FOLDER = new Lookup(null, true);
    }

    private final Path root;
    private final Path realRoot;

    PreviewTree(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        // the root itself may not exist yet (first build) or for a moment (a swap); its folder does
        this.realRoot = this.root.getParent().toRealPath().resolve(this.root.getFileName());
    }

    /**
     * Reads the file a request path names as a response with {@code status}; HTML pages get the generation's
     * additions.
     *
     * <p>The generator puts a new tree in place by two renames, the old tree away and then the new one in, and
     * deletes the old one; between the renames the root is missing, and a file found in the old tree may be gone
     * before it is read. A request that finds nothing, or loses its file, waits for the root to be back and tries
     * once more, rather than answering 404 for a page that exists: that is the very moment live reload sends
     * browsers to fetch pages again. (Reading from the old tree instead cannot work: it is being deleted.) A
     * second swap within one request is not to be feared, as builds take far longer than a lookup.
     */
    Found read(RequestPath path, Generation generation, int status) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Lookup lookup = findOnce(path);
            if (lookup.folderWithoutSlash()) return Found.FOLDER;
            if (lookup.file() != null) {
                try {
                    return new Found(load(lookup.file(), generation, status), false);
                } catch (NoSuchFileException e) {
                    // swapped away between finding and reading
                }
            }
            if (attempt == 2) return Found.NOTHING;
            awaitRoot();
        }
    }

    private static Body load(Path file, Generation generation, int status) throws IOException {
        String name = file.getFileName().toString();
        String type = ContentTypes.of(name);
        boolean html = ContentTypes.isHtml(name);
        long size = Files.size(file);
        if (!html && size > IN_MEMORY_LIMIT && status == 200) return Body.streamed(type, ETags.of(file), file, size);
        byte[] bytes = Files.readAllBytes(file);
        if (html) bytes = generation.decorate(bytes);
        return Body.inMemory(status, type, bytes, status == 200);
    }

    /** The site's 404 page, or a plain one when the site has none. */
    Body notFoundPage(Generation generation) throws IOException {
        Found page = read(new RequestPath(List.of("404.html"), false), generation, 404);
        if (page.body() != null) return page.body();
        return builtIn(generation, 404, "页面不存在", "您要找的页面不存在。");
    }

    /** The page shown while no build has ever succeeded: the panel of errors over an empty page. */
    static Body noPreviewPage(Generation generation) {
        return builtIn(generation, 503, "预览尚未生成", "站点有错误，预览还没有生成。");
    }

    private static Body builtIn(Generation generation, int status, String title, String text) {
        String html = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title
                + "</title>\n</head>\n<body>\n<h1>" + title + "</h1>\n<p>" + text + "</p>\n</body>\n</html>\n";
        return Body.inMemory(status, ContentTypes.of("x.html"),
                generation.decorate(html.getBytes(StandardCharsets.UTF_8)), false);
    }

    private Lookup findOnce(RequestPath path) throws IOException {
        Path target = root.resolve(path.relative()).normalize();
        if (!target.startsWith(root)) return Lookup.MISSING;
        BasicFileAttributes attributes = attributes(target);
        if (attributes == null) return Lookup.MISSING;
        if (attributes.isDirectory()) {
            if (!path.folder()) return Lookup.FOLDER;
            target = target.resolve("index.html");
            attributes = attributes(target);
            if (attributes == null) return Lookup.MISSING;
        } else if (path.folder()) {
            return Lookup.MISSING; // a file asked for as a folder: /robots.txt/
        }
        if (!attributes.isRegularFile()) return Lookup.MISSING; // a link (not followed) or a device
        // no name can climb and no link is followed, yet the last word is the real path: inside the root, or nothing
        try {
            if (!target.toRealPath().startsWith(realRoot)) return Lookup.MISSING;
        } catch (NoSuchFileException e) {
            return Lookup.MISSING;
        }
        return new Lookup(target, false);
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (FileSystemException e) {
            return null; // missing, under a file, a name too long, a folder we may not read: nothing to serve
        }
    }

    private void awaitRoot() {
        long deadline = System.nanoTime() + SWAP_WAIT_NANOS;
        while (!Files.isDirectory(root) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
