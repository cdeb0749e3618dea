package rongguang.write;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The write stage: a new tree is written beside the output folder and swapped in by {@link #commit()} only when
 * everything succeeded, so a failed or interrupted build leaves the previous output as it was. Every path is
 * checked to stay inside the tree.
 *
 * <p>An overlay stages only the files that changed and moves each into place on commit, removing files the build
 * no longer has: no tree is copied or linked, and a failed build still changes nothing. The dev server's preview
 * is one ({@link #overlay}); so is an incremental {@code build} ({@link #update}), where each kept file is first
 * checked to be the one the last build wrote. Like rsync's {@code --delay-updates}, the files move in one quick
 * burst at the end; a build killed during that burst leaves whole files, old and new, and the caller must then
 * make sure the next build is a full one (the build cache is invalidated before, and saved after, the commit).
 */
public final class OutputTree implements AutoCloseable {
    private final Path output;
    private final Path staging;
    private final Path old;
    /** In an overlay: the files the output holds from the previous build; null for a whole new tree. */
    private final Set<String> previousFiles;
    /** An overlay on a folder only this process writes (the preview): its files are as the last build left them. */
    private final boolean trusted;
    /** Whether there was an output folder when the build began: without one, there is nothing to keep. */
    private final boolean hasOutput;
    private final Set<String> touched;
    private final AtomicInteger files = new AtomicInteger();
    private final Set<Path> created = ConcurrentHashMap.newKeySet();
    private boolean committed;
    /** After {@link #commitAllBut}: the held files that were gone then, to remove at commit unless written since. */
    private List<String> heldGone;

    private OutputTree(Path output, Set<String> previousFiles, boolean trusted) {
        this.output = output;
        this.previousFiles = previousFiles;
        this.trusted = trusted;
        // sized for the files of the last build: a rebuild touches them all, and growing the set costs
        this.touched = ConcurrentHashMap.newKeySet(previousFiles == null ? 1024 : previousFiles.size() + 1024);
        this.hasOutput = Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS);
        String name = output.getFileName().toString();
        this.staging = output.resolveSibling("." + name + ".rongguang-new");
        this.old = output.resolveSibling("." + name + ".rongguang-old");
    }

    /** Refused output folders, with the reason; checked before anything is written. */
    public static final class UnsafeOutputException extends IOException {
        public UnsafeOutputException(String message) {
            super(message);
        }
    }

    public static OutputTree begin(Path output, Path siteDir) throws IOException {
        return begin(output, siteDir, null, false);
    }

    /**
     * An overlay on {@code output}, which holds {@code previousFiles} from the previous build made this way
     * (empty the first time; the folder is then emptied).
     */
    public static OutputTree overlay(Path output, Path siteDir, Set<String> previousFiles) throws IOException {
        OutputTree tree = begin(output, siteDir, java.util.Collections.unmodifiableSet(previousFiles), true);
        if (previousFiles.isEmpty()) deleteTree(tree.output);
        return tree;
    }

    /**
     * An overlay on a published output that the last build wrote with {@code previousFiles} (not empty); a file
     * is kept only while its size and time are still those the last build recorded.
     */
    public static OutputTree update(Path output, Path siteDir, Set<String> previousFiles) throws IOException {
        if (previousFiles.isEmpty()) throw new IllegalArgumentException("an update needs the last build's files");
        return begin(output, siteDir, Set.copyOf(previousFiles), false);
    }

    private static OutputTree begin(Path output, Path siteDir, Set<String> previousFiles, boolean trusted)
            throws IOException {
        Path out = check(output, siteDir);
        OutputTree tree = new OutputTree(out, previousFiles, trusted);
        tree.recover();
        Files.createDirectories(out.getParent());
        deleteTree(tree.staging);
        Files.createDirectories(tree.staging);
        return tree;
    }

    /**
     * Refuses an output folder that a build must not write (see {@link UnsafeOutputException}); returns its real
     * path. Checked before anything is written for a build, its cache beside the output included.
     */
    public static Path check(Path output, Path siteDir) throws IOException {
        Path out = real(output);
        Path site = real(siteDir);
        Path home = real(Path.of(System.getProperty("user.home")));
        if (out.getParent() == null) throw new UnsafeOutputException("输出文件夹不能是根目录 /");
        if (out.equals(home)) throw new UnsafeOutputException("输出文件夹不能是用户主目录 " + out);
        if (site.startsWith(out)) throw new UnsafeOutputException("输出文件夹 " + out + " 包含站点文件夹，会覆盖源文件");
        if (out.startsWith(site.resolve("content")) || out.startsWith(site.resolve("templates"))) {
            throw new UnsafeOutputException("输出文件夹不能在 content/ 或 templates/ 之内：" + out);
        }
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeOutputException("输出路径 " + out + " 已存在且不是文件夹");
        }
        return out;
    }

    /** The absolute, normalized path with links resolved as far as the path exists. */
    private static Path real(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    }

    /** A build killed between the two renames of a swap leaves the old tree aside: put it back. */
    private void recover() throws IOException {
        if (Files.isDirectory(old)) {
            if (!Files.exists(output)) Files.move(old, output);
            else deleteTree(old);
        }
    }

    public FileStamp write(String file, byte[] content) throws IOException {
        return write(file, content, content.length);
    }

    /** Writes the first {@code length} bytes of {@code content}. */
    public FileStamp write(String file, byte[] content, int length) throws IOException {
        Path target = resolve(file);
        directories(target.getParent());
        writeFile(target, content, length);
        files.incrementAndGet();
        touched.add(file);
        return FileStamp.of(Files.readAttributes(target, BasicFileAttributes.class));
    }

    /**
     * Writes a file that has no fingerprint of its own, only its bytes (the search index): when the current output
     * holds the same bytes, that file is kept as {@link #keep} keeps a page, so an unchanged file is not written
     * and moved again. Returns the stamp of the file kept or written.
     */
    public FileStamp writeIfChanged(String file, byte[] content) throws IOException {
        return writeIfChanged(file, content, content.length);
    }

    /** The same with the first {@code length} bytes of {@code content}. */
    public FileStamp writeIfChanged(String file, byte[] content, int length) throws IOException {
        // a file the current output cannot have is not looked for (a look that fails costs an exception)
        Path current = !hasOutput || previousFiles != null && !previousFiles.contains(file) ? null : current(file);
        FileStamp stamp = current == null ? null : FileStamp.of(current);
        if (stamp != null && stamp.size() == length
                && java.util.Arrays.equals(Files.readAllBytes(current), 0, length, content, 0, length)) {
            take(file, current);
            return stamp;
        }
        return write(file, content, length);
    }

    /**
     * Takes the current output's file into the new tree, as a hard link, when it is still as {@code stamp} says;
     * false when it is not (changed, missing), and then the caller writes it anew.
     */
    public boolean keep(String file, FileStamp stamp) throws IOException {
        // the preview's folder is the session's own: what it wrote (at a path it checked then) is still there
        if (trusted && previousFiles.contains(file)) {
            take(file, null);
            return true;
        }
        Path current = current(file);
        if (current == null || !stamp.equals(FileStamp.of(current))) return false;
        take(file, current);
        return true;
    }

    /**
     * Takes the current output's file into this build's: linked into a new tree from {@code current}, or left in
     * place in an overlay (where {@code current} may be null).
     */
    private void take(String file, Path current) throws IOException {
        if (previousFiles == null) {
            Path target = resolve(file);
            directories(target.getParent());
            link(current, target);
        }
        files.incrementAndGet();
        touched.add(file);
    }

    /**
     * Keeps files the previous build wrote, without looking at them: only in the preview's overlay, on a folder
     * that only this process writes. False, keeping nothing, in any other tree or for a file the previous build
     * did not write.
     */
    public boolean keepAsWritten(Collection<String> kept) {
        if (!trusted || !previousFiles.containsAll(kept)) return false;
        touched.addAll(kept);
        files.addAndGet(kept.size());
        return true;
    }

    /** Keeps a file that {@link #unchanged} found as the last build left it, without looking at it again. */
    public void retain(String file) throws IOException {
        take(file, previousFiles == null ? current(file) : null);
    }

    /** Whether the current output holds the file as {@code stamp} says: what {@link #keep} would keep. */
    public boolean unchanged(String file, FileStamp stamp) throws IOException {
        if (trusted && previousFiles.contains(file)) return true;
        Path current = current(file);
        return current != null && stamp.equals(FileStamp.of(current));
    }

    /** The bytes of a file of the current output (one that {@link #unchanged} vouched for). */
    public byte[] readCurrent(String file) throws IOException {
        Path current = current(file);
        if (current == null) throw new UnsafeOutputException("拒绝读取输出文件夹之外的文件：" + file);
        return Files.readAllBytes(current);
    }

    /** The file at {@code file} in the current output, or null when the path is not a safe one there. */
    private Path current(String file) {
        Path p = output.resolve(file).normalize();
        return p.startsWith(output) && !p.equals(output) && !file.contains("\0") ? p : null;
    }


    /** A hard link costs no copy and keeps the file's time, so the next build recognizes it; a copy where links fail. */
    private static void link(Path existing, Path target) throws IOException {
        try {
            Files.createLink(target, existing);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(existing, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Marked created only once it exists: a thread that finds the mark may write into the folder at once. */
    private void directories(Path dir) throws IOException {
        if (created.contains(dir)) return;
        Files.createDirectories(dir);
        created.add(dir);
    }

    /** Copies the regular files below {@code from} to {@code into} (a folder relative to the output). */
    public void copyTree(Path from, String into) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                Path rel = from.relativize(p);
                if (rel.toString().isEmpty() || isHidden(rel) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                copyFile(p, into + "/" + rel.toString().replace('\\', '/'));
            }
        }
    }

    /** Copies a file into the tree as {@code file}; linked from the current output when that has it unchanged. */
    public void copyFile(Path p, String file) throws IOException {
        Path target = resolve(file);
        Path current = current(file);
        FileStamp source = FileStamp.of(p);
        files.incrementAndGet();
        touched.add(file);
        // copies keep the source's time, so an unchanged file is recognized and linked next time
        boolean same = current != null && source != null && source.equals(FileStamp.of(current));
        if (same && previousFiles != null) return;
        directories(target.getParent());
        if (same) link(current, target);
        else Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean isHidden(Path rel) {
        for (Path part : rel) if (part.toString().startsWith(".")) return true;
        return false;
    }

    private Path resolve(String file) throws IOException {
        Path target = staging.resolve(file).normalize();
        if (file.startsWith("/") || file.contains("\0") || !target.startsWith(staging) || target.equals(staging)) {
            throw new UnsafeOutputException("拒绝写到输出文件夹之外：" + file);
        }
        return target;
    }

    public int fileCount() {
        return files.get();
    }

    /**
     * The files of the output after this build, to pass to the next overlay: a view, not a copy (the preview
     * passes 30,000 names from build to build), to be read once the tree is committed.
     */
    public Set<String> files() {
        return java.util.Collections.unmodifiableSet(touched);
    }

    /** Swaps the new tree in for the old one; in an overlay, moves each new file into place and removes the gone. */
    public void commit() throws IOException {
        if (previousFiles != null) {
            commitOverlay();
            return;
        }
        if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) Files.move(output, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        deleteTree(old);
    }

    /**
     * In an overlay: moves the files written so far into place and removes the last build's files that this one
     * neither wrote nor kept, except the {@code held} ones, still being written (the search index, after the
     * pages of the preview); {@link #commit} later moves and removes the rest.
     */
    public void commitAllBut(java.util.function.Predicate<String> held) throws IOException {
        if (previousFiles == null || heldGone != null) throw new IllegalStateException("只有叠加的输出能分两次提交");
        moveStaged();
        heldGone = removeGone(previousFiles, held);
    }

    private void commitOverlay() throws IOException {
        moveStaged();
        removeGone(heldGone == null ? previousFiles : heldGone, file -> false);
        deleteTree(staging);
        committed = true;
    }

    private void moveStaged() throws IOException {
        Files.createDirectories(output);
        if (!Files.isDirectory(staging)) return;
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                Path target = output.resolve(staging.relativize(p).toString());
                // most folders are there already: a look costs less than the exception createDirectories catches
                if (!Files.isDirectory(target.getParent())) Files.createDirectories(target.getParent());
                Files.move(p, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Removes those of {@code files} that this build neither wrote nor kept, but the {@code held} ones; returns
     * the held ones, to look at again when the tree is committed.
     */
    private List<String> removeGone(Collection<String> files, java.util.function.Predicate<String> held)
            throws IOException {
        List<String> later = new ArrayList<>();
        for (String gone : files) {
            if (touched.contains(gone)) continue;
            if (held.test(gone)) {
                later.add(gone);
                continue;
            }
            Path p = current(gone);
            if (p == null) continue;
            Files.deleteIfExists(p);
            // folders emptied by the removal go too (an article's folder when the article is deleted)
            for (Path dir = p.getParent(); dir != null && !dir.equals(output) && isEmpty(dir); dir = dir.getParent()) {
                Files.delete(dir);
            }
        }
        return later;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.findAny().isEmpty();
        }
    }

    /** Without a commit, the new tree is thrown away and the output stays as it was. */
    @Override
    public void close() throws IOException {
        if (!committed) deleteTree(staging);
    }

    /** Writes the first {@code length} bytes of {@code content} to a file, as {@link Files#write} writes them all. */
    public static void writeFile(Path target, byte[] content, int length) throws IOException {
        try (java.io.OutputStream o = Files.newOutputStream(target)) {
            // in pieces, as Files.write does: a channel copies what it writes into a direct buffer of that size,
            // which its thread then keeps
            for (int at = 0; at < length; at += 8192) o.write(content, at, Math.min(8192, length - at));
        }
    }

    /**
     * Copies a folder and everything in it to {@code to}, which need not exist (a site copied to work on: the
     * training run's, the synthetic site's theme). Files already there are replaced.
     */
    public static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Deletes a folder and everything in it, never following links; files that vanish meanwhile (another process
     * cleaning up) are no error.
     */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof java.nio.file.NoSuchFileException) return FileVisitResult.CONTINUE;
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
