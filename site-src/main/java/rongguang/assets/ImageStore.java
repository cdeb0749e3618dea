package rongguang.assets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import rongguang.problems.Problems;
import rongguang.write.FileStamp;
import rongguang.write.OutputTree;

/**
 * The images under media/: their sizes and their smaller copies, made once per content. A file whose size and
 * time did not change is not read again; a copy is encoded once per content hash. Held in memory (the dev
 * server keeps one store for its session), or also in a folder of the build cache, with an index of the files
 * seen, so that the next {@code build} reuses it.
 */
public final class ImageStore {
    private static final String MAGIC = "rongguang-images 1";

    private final Path dir;
    private final String key;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Map<String, byte[]> encoded = new ConcurrentHashMap<>();

    /** A media file as last read: its stamp, and what it gave (null info: not an image with a known size). */
    private record Seen(FileStamp stamp, ImageInfo info) {}

    private ImageStore(Path dir, String key) {
        this.dir = dir;
        this.key = key;
    }

    /** A store in memory only. */
    public static ImageStore inMemory() {
        return new ImageStore(null, null);
    }

    /** A store kept in {@code dir} (inside the build cache), valid for {@code key}; starts empty when that differs. */
    public static ImageStore open(Path dir, String key) throws IOException {
        ImageStore store = new ImageStore(dir, key);
        Files.createDirectories(dir);
        Path index = dir.resolve("index");
        List<String> lines = Files.isRegularFile(index) ? Files.readAllLines(index, StandardCharsets.UTF_8) : List.of();
        if (!lines.isEmpty() && lines.get(0).equals(MAGIC + "\t" + key)) {
            for (String line : lines.subList(1, lines.size())) store.readLine(line);
        } else {
            // copies made by another generator may differ from what this one makes: start over
            OutputTree.deleteTree(dir);
            Files.createDirectories(dir);
        }
        return store;
    }

    private void readLine(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 7) return;
        try {
            FileStamp stamp = new FileStamp(Long.parseLong(f[1]), Long.parseLong(f[2]));
            List<Integer> widths = f[6].isEmpty() ? List.of()
                    : Stream.of(f[6].split(",")).map(Integer::valueOf).toList();
            ImageInfo info = f[3].isEmpty() ? null
                    : new ImageInfo(f[3], Integer.parseInt(f[4]), Integer.parseInt(f[5]), widths);
            if (info != null && !widths.stream().allMatch(w -> Files.isRegularFile(dir.resolve(copyName(info, w, f[0]))))) {
                return;
            }
            seen.put(f[0], new Seen(stamp, info));
        } catch (RuntimeException e) {
            // a damaged line: that file is read again
        }
    }

    /**
     * Reads what is new among the images of {@code media} (paths relative to {@code mediaDir}) and answers the
     * size and copies of each image; unreadable images are reported as errors at their file.
     */
    public Map<String, ImageInfo> scan(Path mediaDir, Collection<String> media, Problems problems) throws IOException {
        Map<String, ImageInfo> infos = new ConcurrentHashMap<>();
        seen.keySet().retainAll(Set.copyOf(media));
        List<String> images = media.stream().filter(p -> ImageReading.format(p) != null).toList();
        List<IOException> failures = new ArrayList<>();
        Set<String> taken = Set.copyOf(media);
        images.parallelStream().forEach(path -> {
            try {
                ImageInfo info = info(mediaDir, path, taken, problems);
                if (info != null) infos.put(path, info);
            } catch (IOException e) {
                synchronized (failures) {
                    failures.add(e);
                }
            }
        });
        if (!failures.isEmpty()) throw failures.get(0);
        return new TreeMap<>(infos);
    }

    private ImageInfo info(Path mediaDir, String path, Set<String> taken, Problems problems) throws IOException {
        Path file = mediaDir.resolve(path);
        FileStamp stamp = FileStamp.of(file);
        Seen before = seen.get(path);
        if (before != null && before.stamp().equals(stamp)) return before.info();
        byte[] bytes = Files.readAllBytes(file);
        String format = ImageReading.format(path);
        try {
            int[] size = ImageReading.size(bytes, format);
            ImageInfo info = null;
            if (size != null) {
                String hash = HexFormat.of().formatHex(sha256(bytes));
                List<Integer> widths = new ArrayList<>();
                // a turned JPEG would need turning before resizing: it is served as it is
                boolean copies = ImageReading.resizable(format) && size[0] > ImageReading.VARIANT_THRESHOLD
                        && !(format.equals("jpeg") && ExifOrientation.turned(bytes));
                if (copies) {
                    for (int w : ImageReading.VARIANT_WIDTHS) {
                        // an editor's own file of that name wins
                        if (w >= size[0] || taken.contains(ImageInfo.variantName(path, w))) continue;
                        widths.add(w);
                        encode(new ImageInfo(hash, size[0], size[1], List.of()), path, w, bytes, format);
                    }
                }
                info = new ImageInfo(hash, size[0], size[1], List.copyOf(widths));
            }
            seen.put(path, new Seen(stamp, info));
            return info;
        } catch (ImageReading.UnreadableImage e) {
            seen.remove(path);
            problems.error("content/media/" + path, 0, 0, "无法读取图片：" + e.getMessage());
            return null;
        }
    }

    private void encode(ImageInfo info, String path, int width, byte[] bytes, String format)
            throws IOException, ImageReading.UnreadableImage {
        String name = copyName(info, width, path);
        if (encoded.containsKey(name) || (dir != null && Files.isRegularFile(dir.resolve(name)))) return;
        byte[] copy = ImageReading.resized(bytes, format, width);
        if (dir == null) {
            encoded.put(name, copy);
            return;
        }
        // two files with the same content are encoded at once on two threads: each writes its own temporary file
        Path temporary = dir.resolve(name + "." + Thread.currentThread().getId() + ".new");
        Files.write(temporary, copy);
        Files.move(temporary, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The store's name for a copy: content hash, width, the original's extension. */
    private static String copyName(ImageInfo info, int width, String path) {
        return info.hash() + "-" + width + path.substring(path.lastIndexOf('.'));
    }

    /** Where a copy of an image is: a file of the store, or bytes in memory. */
    public sealed interface Copy {
        record InFile(Path file) implements Copy {}

        record InMemory(byte[] bytes) implements Copy {}
    }

    /** Every copy to write, by its path under media/ ({@code covers/a.480w.jpg}). */
    public Map<String, Copy> copies(Map<String, ImageInfo> infos) {
        Map<String, Copy> out = new TreeMap<>();
        infos.forEach((path, info) -> {
            for (int w : info.variantWidths()) {
                String name = copyName(info, w, path);
                byte[] bytes = encoded.get(name);
                out.put(ImageInfo.variantName(path, w),
                        bytes != null ? new Copy.InMemory(bytes) : new Copy.InFile(dir.resolve(name)));
            }
        });
        return out;
    }

    /** Writes the index and deletes copies no image uses any more; only after the output was committed. */
    public void save() throws IOException {
        if (dir == null) return;
        Set<String> used = new java.util.HashSet<>();
        Path temporary = dir.resolve("index.new");
        try (BufferedWriter w = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            w.write(MAGIC + "\t" + key + "\n");
            for (Map.Entry<String, Seen> e : new TreeMap<>(seen).entrySet()) {
                Seen s = e.getValue();
                if (s.stamp() == null) continue;
                ImageInfo i = s.info();
                w.write(String.join("\t", e.getKey(), Long.toString(s.stamp().size()),
                        Long.toString(s.stamp().modified()), i == null ? "" : i.hash(),
                        i == null ? "" : Integer.toString(i.width()), i == null ? "" : Integer.toString(i.height()),
                        i == null ? "" : String.join(",", i.variantWidths().stream().map(String::valueOf).toList())));
                w.write('\n');
                if (i != null) for (int width : i.variantWidths()) used.add(copyName(i, width, e.getKey()));
            }
        }
        Files.move(temporary, dir.resolve("index"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (!name.equals("index") && !used.contains(name)) Files.deleteIfExists(p);
            }
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
