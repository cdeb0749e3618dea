package rongguang.serve;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How the preview of {@code serve} is (re)built: the server only asks for builds and serves what lies under
 * {@link #root()}, so a full build and an incremental one are interchangeable behind this interface.
 *
 * <p>Calls come from one thread at a time. A failed build must leave the previous good tree under {@link #root()}
 * as it was (a build may replace the tree, but only whole and only when it succeeded).
 */
public interface Preview {

    /** Builds everything: at start, and when the watcher may have lost changes. */
    Outcome buildAll();

    /**
     * Rebuilds after changes.
     *
     * @param changed absolute paths under the site folder that were created, modified or deleted since the last
     *                call; a folder stands for everything that was, or is, under it
     */
    Outcome rebuild(Set<Path> changed);

    /**
     * Rebuilds after changes, telling {@code pagesReady} of a good build as soon as its pages are in place, before
     * what only {@code /search/} reads (the search index) is: pages may reload then. The outcome returned is the
     * build's whole one; when it failed after {@code pagesReady}, the pages in place are the new ones.
     */
    default Outcome rebuild(Set<Path> changed, Consumer<Outcome> pagesReady) {
        return rebuild(changed);
    }

    /** The folder the preview is written to; it may be missing for a moment while a new tree is swapped in. */
    Path root();
}
