package rongguang.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches {@code content/} and {@code templates/} of a site, every folder below them included (folders created,
 * moved in or renamed later too), and reports each burst of changes once, after a quiet period: an editor's save is
 * often several events (a temporary file, a rename, a backup). Editors' temporary files and hidden files are
 * ignored.
 *
 * <p>The listener runs on the watcher's own thread; changes made meanwhile wait in the watch service and make the
 * next burst, so a slow rebuild is never run twice at once and never misses a change.
 */
public final class ChangeWatcher implements AutoCloseable {

    /**
     * One burst of changes.
     *
     * @param paths    absolute paths of the files and folders created, modified or deleted
     * @param overflow events were lost (too many at once): anything may have changed
     */
    public record Changes(Set<Path> paths, boolean overflow) {}

    private static final List<String> TREES = List.of("content", "templates");
    /** A stream of events that never pauses (a big copy, a checkout) is still reported at this interval. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

    private final Path siteDir;
    private final long quietNanos;
    private final Consumer<Changes> listener;
    private final Consumer<String> warnings;
    private final WatchService service;
    /** The folder each key watches; after start, used by the watcher thread only. */
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Thread thread;

    /**
     * @param quiet    how long no event must come before a burst is reported
     * @param listener called with each burst, on the watcher's thread
     * @param warnings told, in Chinese, of folders that could not be watched
     */
    public ChangeWatcher(Path siteDir, Duration quiet, Consumer<Changes> listener, Consumer<String> warnings)
            throws IOException {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.quietNanos = quiet.toNanos();
        this.listener = listener;
        this.warnings = warnings;
        this.service = this.siteDir.getFileSystem().newWatchService();
        this.thread = new Thread(this::run, "rongguang-watcher");
        thread.setDaemon(true);
    }

    /** Registers the folders as they are now, then watches them on a thread of its own. */
    public void start() {
        watch(siteDir, false, null);
        for (String tree : TREES) {
            Path root = siteDir.resolve(tree);
            if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) watch(root, true, null);
        }
        thread.start();
    }

    private void run() {
        Set<Path> pending = new LinkedHashSet<>();
        boolean overflow = false;
        long firstEvent = 0;
        try {
            while (true) {
                WatchKey key;
                if (pending.isEmpty() && !overflow) {
                    key = service.take();
                    firstEvent = System.nanoTime();
                } else {
                    long wait = Math.min(quietNanos, firstEvent + LONGEST_WAIT.toNanos() - System.nanoTime());
                    key = wait > 0 ? service.poll(wait, TimeUnit.NANOSECONDS) : null;
                }
                if (key != null) {
                    overflow |= take(key, pending);
                    continue;
                }
                Changes changes = new Changes(Set.copyOf(pending), overflow);
                pending.clear();
                overflow = false;
                try {
                    listener.accept(changes);
                } catch (RuntimeException e) {
                    warnings.accept("处理文件变化时出错：" + e);
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: the watcher's work is over
        }
    }

    /** Adds a key's events to {@code pending}; true when events were lost. */
    private boolean take(WatchKey key, Set<Path> pending) {
        Path folder = folders.get(key);
        boolean overflow = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                overflow = true;
                // folders created meanwhile were missed too
                for (String tree : TREES) watch(siteDir.resolve(tree), true, null);
            } else if (folder != null) {
                changed(folder.resolve((Path) event.context()), event.kind(), pending);
            }
        }
        if (!key.reset()) folders.remove(key);
        return overflow;
    }

    private void changed(Path path, WatchEvent.Kind<?> kind, Set<Path> pending) {
        boolean topLevel = path.getParent().equals(siteDir);
        if (topLevel ? !TREES.contains(path.getFileName().toString())
                : EditorFiles.isIgnored(path.getFileName().toString())) {
            return;
        }
        boolean isFolder = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        if (kind == ENTRY_CREATE) {
            pending.add(path);
            // files may have been put in before the folder was registered: they count as created
            if (isFolder) watch(path, true, pending);
        } else if (kind == ENTRY_DELETE) {
            pending.add(path);
            forget(path);
        } else if (kind == ENTRY_MODIFY && !isFolder && !topLevel) {
            pending.add(path);
        }
    }

    /** Registers {@code folder} (and, when {@code deep}, the folders below it); files found go to {@code found}. */
    private void watch(Path folder, boolean deep, Set<Path> found) {
        if (!deep) {
            register(folder);
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(folder) && EditorFiles.isIgnored(dir.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    register(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (found != null && !EditorFiles.isIgnored(file.getFileName().toString())) found.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // deleted while we looked: its event follows
                }
            });
        } catch (IOException e) {
            warnings.accept("无法监视文件夹 " + folder + "：" + e.getMessage());
        }
    }

    private void register(Path dir) {
        try {
            // a folder moved within the tree keeps its key: the map takes its new place
            folders.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
        } catch (ClosedWatchServiceException e) {
            throw e;
        } catch (IOException e) {
            warnings.accept("无法监视文件夹 " + dir + "：" + e.getMessage()
                    + "（Linux 上可能需要调高 fs.inotify.max_user_watches）");
        }
    }

    /** Stops watching a folder that was deleted or moved away, and the folders that were below it. */
    private void forget(Path path) {
        for (Iterator<Map.Entry<WatchKey, Path>> it = folders.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<WatchKey, Path> e = it.next();
            if (e.getValue().startsWith(path)) {
                e.getKey().cancel();
                it.remove();
            }
        }
    }

    /** Stops watching; waits a while for a rebuild in progress to end, so that it does not outlive the server. */
    @Override
    public void close() throws IOException {
        service.close();
        if (thread.isAlive() && thread != Thread.currentThread()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
