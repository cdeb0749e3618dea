package rongguang.cache;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.io.UncheckedIOException;
import rongguang.concurrent.Parallel;
import rongguang.load.ArticleEntry;
import rongguang.load.BodyStore;
import rongguang.load.DataEntry;
import rongguang.model.RelatedArticles;
import rongguang.render.RenderedPages;
import rongguang.search.SearchIndex;
import rongguang.write.OutputTree;

/**
 * The build cache, a hidden folder beside the output ({@code .output.rongguang-cache}): what each article and data
 * file gave when last read, the article bodies, and the fingerprint and file of each page written. It belongs to the
 * output beside it and is only saved after that output was committed. It is thrown away whole when the generator
 * or the site settings change, or when it cannot be read; a build without it is simply a full build.
 */
public final class BuildCache implements AutoCloseable {
    private static final String MAGIC = "rongguang-cache 8";
    private static final String LOCK = "lock";
    /** Bodies of changed articles are appended; past this much dead weight the cache starts over. */
    private static final long MAX_GARBAGE = 64L * 1024 * 1024;

    private final Path dir;
    private final Path output;
    private final String key;
    /** Null while a session kept between builds has let go of it: see {@link #release}. */
    private Lock lock;
    /** What the folder held when the lock was let go, to tell on {@link #retake} whether another build has been. */
    private Map<String, Stamp> released;
    private final BodyStore bodies;
    private final boolean recorded;
    /** What the last build recorded, read on a thread of its own while the build starts: see {@link #open}. */
    private final CompletableFuture<Contents> contents;

    private record Contents(Map<String, ArticleEntry> articles, Map<String, DataEntry> data, RenderedPages pages,
                            Set<String> files, RelatedArticles.Memo related, SearchIndex.State index) {
        static Contents empty() {
            return new Contents(Map.of(), Map.of(), RenderedPages.NONE, Set.of(), new RelatedArticles.Memo(), null);
        }
    }

    private BuildCache(Path dir, Path output, String key, Lock lock, BodyStore bodies, boolean recorded) {
        this.dir = dir;
        this.output = output;
        this.key = key;
        this.lock = lock;
        this.bodies = bodies;
        this.recorded = recorded;
        this.contents = CompletableFuture.supplyAsync(this::read, Parallel.ownThread("read-cache"));
    }

    /** Where the cache of an output folder lives. */
    public static Path folderOf(Path output) {
        Path abs = output.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".rongguang-cache");
    }

    /**
     * Keeps every other build out of an output, from its start to its end: a build that holds it may write the
     * output and its cache. Held by the cache while it is open, and by a clean build, which has no cache.
     */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /** Takes the lock of {@code output}; refused while another build (in any process) holds it. */
    public static Lock lock(Path output) throws IOException {
        return lockIn(folderOf(output), output);
    }

    private static Lock lockIn(Path dir, Path output) throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException heldHere) {
            lock = null;   // by another build in this process (a build daemon's)
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("另一个构建正在写入同一个输出文件夹 " + output + "，请等它结束后再试");
        }
        return new Lock(channel, lock);
    }

    /**
     * Empties the cache of {@code output}, for a clean build, which must hold the output's {@link #lock}: all but
     * the lock's own file, which another build may be waiting on.
     */
    public static void clear(Path output) throws IOException {
        Path dir = folderOf(output);
        if (!Files.isDirectory(dir)) return;
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                if (!entry.getFileName().toString().equals(LOCK)) OutputTree.deleteTree(entry);
            }
        }
    }

    /**
     * Opens the cache of {@code output}, locked against another build into the same output. What it records is
     * read on a thread of its own, so that a build can list the site's files meanwhile: the first call that needs
     * it ({@link #articles} and the others) waits for it. The bodies must not be added to before then, as a cache
     * with too much dead weight starts its bodies over.
     *
     * @param key what the cache is valid for (generator and settings); a different key starts it empty
     */
    public static BuildCache open(Path output, String key) throws IOException {
        Path dir = folderOf(output);
        Lock lock = lock(output);
        try {
            BodyStore bodies = BodyStore.open(dir.resolve("bodies"));
            return new BuildCache(dir, output, key, lock, bodies, recordedFor(dir.resolve("manifest"), key));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Whether the manifest says it is for this key: a look at its start, before its checksum is. */
    private static boolean recordedFor(Path manifest, String key) {
        if (!Files.isRegularFile(manifest)) return false;
        try (FileChannel channel = FileChannel.open(manifest)) {
            channel.position(RecordOutput.HEADER);
            RecordInput in = RecordInput.unchecked(channel);
            return MAGIC.equals(in.readString()) && key.equals(in.readString());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private Contents read() {
        Path manifest = dir.resolve("manifest");
        try {
            Contents read = recorded ? read(manifest) : null;
            long live = read == null ? 0 : read.articles().values().stream()
                    .filter(e -> e.article() != null)
                    .mapToLong(e -> ((BodyStore.Stored) e.article().body()).length()).sum();
            if (read != null && bodies.size() <= 2 * live + MAX_GARBAGE) return read;
            Files.deleteIfExists(manifest);
            bodies.clear();
            return Contents.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The manifest's records; null when they are not for this key, or damaged (that costs a full build, never a wrong one). */
    private Contents read(Path manifest) {
        try (FileChannel channel = FileChannel.open(manifest)) {
            RecordInput in = RecordInput.of(channel);
            if (!MAGIC.equals(in.readString()) || !key.equals(in.readString())) return null;
            int articleCount = in.readInt();
            Map<String, ArticleEntry> articles = new HashMap<>(articleCount * 2);
            String[] articleFiles = new String[articleCount];
            for (int i = 0; i < articleCount; i++) {
                ArticleEntry e = CacheCodec.readEntry(in, bodies);
                articles.put(e.file(), e);
                articleFiles[i] = e.file();
            }
            Map<String, DataEntry> data = new HashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                DataEntry e = DataCodec.read(in);
                data.put(e.file(), e);
            }
            RenderedPages pages = CacheCodec.readPages(in, articleFiles);
            int fileCount = in.readInt();
            Set<String> files = new HashSet<>(fileCount * 2);
            for (int i = 0; i < fileCount; i++) files.add(in.readString());
            RelatedArticles.Memo related = CacheCodec.readMemo(in);
            SearchIndex.State index = in.readBoolean() ? CacheCodec.readIndex(in) : null;
            return in.atEnd() ? new Contents(articles, data, pages, files, related, index) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Waits for the record to be read; a failure to start it over is an {@link UncheckedIOException}. */
    private Contents contents() {
        return Parallel.join(contents);
    }

    /**
     * Whether the output has a record for this key, at a first look: the record may still turn out damaged, and
     * the build then a full one.
     */
    public boolean recorded() {
        return recorded;
    }

    /** What the cache was opened for: the generator and the settings (a {@link CacheKey}). */
    public String key() {
        return key;
    }

    /** The cache's folder, where other stages may keep what they cache (images). */
    public Path folder() {
        return dir;
    }

    public BodyStore bodies() {
        return bodies;
    }

    /** The article files as the output's build read them. */
    public Map<String, ArticleEntry> articles() {
        return contents().articles();
    }

    /** The data files as the output's build read them. */
    public Map<String, DataEntry> data() {
        return contents().data();
    }

    /** The pages of the output, as its build wrote them. */
    public RenderedPages pages() {
        return contents().pages();
    }

    /** Related articles as the output's build scored them; the build updates it when they change. */
    public RelatedArticles.Memo related() {
        return contents().related();
    }

    /** The search index of the output, as its build wrote it; null when there is no record of it. */
    public SearchIndex.State index() {
        return contents().index();
    }

    /** Every file of the output, as its build wrote it: empty when there is no usable record of the output. */
    public Set<String> files() {
        return contents().files();
    }

    /**
     * Records the state of a newly committed output, built with the settings of {@code key} (a process that builds
     * again and again, {@code build --watch}, sees them change under the cache it opened); written aside and
     * renamed, so never half-written.
     */
    public void save(String key, Map<String, ArticleEntry> newArticles, Map<String, DataEntry> newData,
                     RenderedPages newPages, Set<String> newFiles, SearchIndex.State newIndex) throws IOException {
        beginSave(key, newArticles, newData, newPages).finish(newFiles, newIndex);
    }

    /**
     * Begins a save with what a build knows once its pages are rendered, written aside on a thread of its own
     * while the build goes on (the search index, the commit): nine tenths of the record. The build then finishes
     * it, or abandons it when it fails.
     */
    public Saving beginSave(String key, Map<String, ArticleEntry> newArticles, Map<String, DataEntry> newData,
                            RenderedPages newPages) {
        Path temporary = dir.resolve("manifest.new");
        CompletableFuture<RecordOutput> head = CompletableFuture.supplyAsync(() -> {
            RecordOutput out = null;
            try {
                out = new RecordOutput(FileChannel.open(temporary, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
                out.writeString(MAGIC);
                out.writeString(key);
                out.writeInt(newArticles.size());
                Map<String, Integer> articleNumbers = new HashMap<>(newArticles.size() * 2);
                for (ArticleEntry e : newArticles.values()) {
                    articleNumbers.put(e.file(), articleNumbers.size());
                    CacheCodec.write(out, e);
                }
                out.writeInt(newData.size());
                for (DataEntry e : newData.values()) DataCodec.write(out, e);
                CacheCodec.write(out, newPages, articleNumbers);
                return out;
            } catch (IOException | RuntimeException e) {
                closeQuietly(out);
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
        }, Parallel.ownThread("save-cache"));
        return new Saving(temporary, head);
    }

    /** A save begun: see {@link #beginSave}. */
    public final class Saving {
        private final Path temporary;
        private final CompletableFuture<RecordOutput> head;

        private Saving(Path temporary, CompletableFuture<RecordOutput> head) {
            this.temporary = temporary;
            this.head = head;
        }

        /** Ends the record with the output's files and search index, and puts it in place of the last one. */
        public void finish(Set<String> newFiles, SearchIndex.State newIndex) throws IOException {
            RecordOutput out;
            try {
                out = Parallel.join(head);
            } catch (RuntimeException | Error e) {
                Files.deleteIfExists(temporary);
                if (e instanceof UncheckedIOException u) throw u.getCause();
                throw e;
            }
            try (out) {
                out.writeInt(newFiles.size());
                for (String f : newFiles) out.writeString(f);
                CacheCodec.write(out, related());
                out.writeBoolean(newIndex != null);
                if (newIndex != null) CacheCodec.write(out, newIndex);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
            Files.move(temporary, dir.resolve("manifest"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }

        /** Drops what was written: the build failed. */
        public void abandon() {
            head.handle((out, e) -> {
                closeQuietly(out);
                return null;
            }).join();
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // a leftover manifest.new is written over by the next save
            }
        }
    }

    private static void closeQuietly(RecordOutput out) {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException ignored) {
            // being thrown away
        }
    }

    /** Forgets everything: after a failed save, or when the output no longer matches. */
    public void invalidate() throws IOException {
        Files.deleteIfExists(dir.resolve("manifest"));
    }

    /**
     * Lets go of the output's lock between two builds of a session that stays (the build daemon), so that other
     * builds may use the output meanwhile. What the folder holds is noted first: {@link #retake} compares.
     */
    public void release() throws IOException {
        if (lock == null) return;
        awaitReader();
        Lock held = lock;
        lock = null;
        try {
            released = snapshot();
        } catch (IOException e) {
            released = null;   // not known: the next build starts again from what is on disk
        } finally {
            held.close();
        }
    }

    /**
     * Takes the lock again after {@link #release} (refused, as {@link #lock} is, while another build holds it).
     * False when the folder is no longer as this cache left it, because another build has used the output since:
     * what the session remembers of it may be untrue, and it must start again from what is on disk.
     */
    public boolean retake() throws IOException {
        if (lock != null) return true;
        lock = lockIn(dir, output);
        return released != null && released.equals(snapshot());
    }

    /** Every file of the folder but the lock, with its size, time and identity: any write changes one of them. */
    private Map<String, Stamp> snapshot() throws IOException {
        Map<String, Stamp> files = new HashMap<>();
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) {
                String name = dir.relativize(file).toString();
                if (!name.equals(LOCK)) {
                    files.put(name, new Stamp(a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                            a.fileKey()));
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private record Stamp(long size, long modified, Object identity) {}

    /**
     * Waits for the record's reader, whatever it found: it may still be starting the bodies over, which must not
     * happen once another build may use them, or after they are closed.
     */
    private void awaitReader() {
        contents.handle((c, e) -> c).join();
    }

    @Override
    public void close() throws IOException {
        try {
            awaitReader();
            bodies.close();
        } finally {
            if (lock != null) lock.close();
        }
    }
}
