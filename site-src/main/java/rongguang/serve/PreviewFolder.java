package rongguang.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import rongguang.write.OutputTree;

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
                OutputTree.deleteTree(dir);
                return;
            } catch (IOException e) {
                if (attempt == 3) throw e;
            }
        }
    }
}
