package rongguang.write;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The write stage: a new tree is written beside the output folder and swapped in by {@link #commit()} only when
 * everything succeeded, so a failed or interrupted build leaves the previous output as it was. Every path is
 * checked to stay inside the tree.
 */
public final class OutputTree implements AutoCloseable {
    private final Path output;
    private final Path staging;
    private final Path old;
    private final AtomicInteger files = new AtomicInteger();
    private boolean committed;

    private OutputTree(Path output) {
        this.output = output;
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
        OutputTree tree = new OutputTree(out);
        tree.recover();
        Files.createDirectories(out.getParent());
        deleteTree(tree.staging);
        Files.createDirectories(tree.staging);
        return tree;
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

    public void write(String file, byte[] content) throws IOException {
        Path target = resolve(file);
        Files.createDirectories(target.getParent());
        Files.write(target, content);
        files.incrementAndGet();
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
                Path target = resolve(into + "/" + rel.toString().replace('\\', '/'));
                Files.createDirectories(target.getParent());
                Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                files.incrementAndGet();
            }
        }
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

    /** Swaps the new tree in for the old one. */
    public void commit() throws IOException {
        if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) Files.move(output, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(staging, output, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        deleteTree(old);
    }

    /** Without a commit, the new tree is thrown away and the output stays as it was. */
    @Override
    public void close() throws IOException {
        if (!committed) deleteTree(staging);
    }

    /** Deletes a folder and everything in it, never following links. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) throw e;
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
