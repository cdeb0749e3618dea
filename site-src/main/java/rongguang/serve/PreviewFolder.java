package rongguang.serve;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A temporary folder for the preview, apart from the site and its output/, deleted on {@link #close()}. The
 * preview tree is {@code site/} inside it, so the generator's staging and swap folders, written beside the tree,
 * are inside it too.
 */
public final class PreviewFolder implements AutoCloseable {
    private final Path dir;

    private PreviewFolder(Path dir) {
        this.dir = dir;
    }

    public static PreviewFolder create() throws IOException {
        return new PreviewFolder(Files.createTempDirectory("rongguang-serve-").toRealPath());
    }

    public Path dir() {
        return dir;
    }

    /** Where the preview site is written. */
    public Path siteRoot() {
        return dir.resolve("site");
    }

    @Override
    public void close() throws IOException {
        // a build still writing may add files while we walk: walk again
        for (int attempt = 1; ; attempt++) {
            try {
                deleteTree(dir);
                return;
            } catch (IOException e) {
                if (attempt == 3) throw e;
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) throw e;
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
