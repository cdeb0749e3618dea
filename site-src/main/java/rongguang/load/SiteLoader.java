package rongguang.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import rongguang.concurrent.Parallel;
import rongguang.model.Settings;
import rongguang.model.SiteInput;
import rongguang.problems.Located;
import rongguang.problems.Problems;
import rongguang.write.FileStamp;

/**
 * The load stage: reads {@code content/} of a site folder (site.json, articles, data, the list of media) into a
 * {@link SiteInput}. Every problem is collected; nothing here stops at the first one.
 */
public final class SiteLoader {
    private final Path siteDir;
    private final Path content;
    private final Markdown markdown = new Markdown();
    private final BodyStore bodies;
    private final Supplier<Map<String, ArticleEntry>> previousEntries;
    /** The previous load's article entries, asked for once the articles are listed. */
    private volatile Map<String, ArticleEntry> previous = Map.of();
    private final Map<String, ArticleEntry> entries = new ConcurrentHashMap<>();
    private final Supplier<Map<String, DataEntry>> previousData;
    private final Map<String, DataEntry> dataEntries = new ConcurrentHashMap<>();
    private final Listings previousListings;
    private final Set<String> touched;
    private final Map<String, List<Found>> listings = new ConcurrentHashMap<>();

    /**
     * @param bodies   where article bodies go
     * @param previous what an earlier load read from each article file: a file of the same size and time of
     *                 change is taken from there instead of being read again
     */
    public SiteLoader(Path siteDir, BodyStore bodies, Map<String, ArticleEntry> previous) {
        this(siteDir, bodies, previous, Map.of());
    }

    /** @param previousData what an earlier load read from each data file, taken as it is for an unchanged file */
    public SiteLoader(Path siteDir, BodyStore bodies, Map<String, ArticleEntry> previous,
                      Map<String, DataEntry> previousData) {
        this(siteDir, bodies, () -> previous, () -> previousData, Listings.NONE, null);
    }

    /**
     * @param previous         what the earlier load read from each article file, and {@code previousData} from each
     *                         data file: asked for only once the files are listed (a build cache may still be
     *                         reading them), and before any body is stored
     * @param previousListings the files the earlier load found in each folder
     * @param touched          the paths (relative to the site folder) that may have changed since the earlier load,
     *                         as a watcher saw them; null when unknown. A folder none of them is in is not walked
     *                         again, and only the touched files in it are looked at.
     */
    public SiteLoader(Path siteDir, BodyStore bodies, Supplier<Map<String, ArticleEntry>> previous,
                      Supplier<Map<String, DataEntry>> previousData, Listings previousListings, Set<String> touched) {
        this.previousListings = previousListings;
        this.touched = touched;
        this.siteDir = siteDir;
        this.content = siteDir.resolve("content");
        this.bodies = bodies;
        this.previousEntries = previous;
        this.previousData = previousData;
    }

    /** What this load read from each article file, for the next one: a view, as a save's copy of 10,000 cost 1.5 ms. */
    public Map<String, ArticleEntry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** The files this load found in each folder, for the next one. */
    public Listings listings() {
        return new Listings(Map.copyOf(listings));
    }

    /** The files a load found in each folder it walked. */
    public static final class Listings {
        public static final Listings NONE = new Listings(Map.of());
        private final Map<String, List<Found>> folders;

        private Listings(Map<String, List<Found>> folders) {
            this.folders = folders;
        }
    }

    /** What this load read from each data file, for the next one. */
    public Map<String, DataEntry> dataEntries() {
        return Map.copyOf(dataEntries);
    }

    /** The input, or null when site.json is missing or unusable (then nothing else can be read meaningfully). */
    public SiteInput load(Problems problems) {
        Settings settings = settings(problems);
        if (settings == null) return null;
        List<Located<rongguang.model.Article>> articles = Collections.synchronizedList(new ArrayList<>());
        // the data files are read on a thread of their own while the articles load: a rebuild takes most articles
        // from the last load, and in a fresh JVM listing them and parsing the data each take about 150 ms
        DataReaders data = new DataReaders(markdown);
        CompletableFuture<Data> dataLoaded = CompletableFuture.supplyAsync(() -> new Data(
                data("cities", data::city, problems),
                data("exemplars", data::exemplar, problems),
                data("merchants", data::merchant, problems)), Parallel.ownThread("load-data"));
        List<Found> articleFiles = found(content.resolve("articles"), ".md", problems);
        previous = previousEntries.get();
        ArticleReader articleReader = new ArticleReader(markdown, bodies, settings.timeZone(), this::knownTermSlug);
        Parallel.forEach(articleFiles, found -> {
            Path file = found.path();
            ArticleEntry entry = article(articleReader, file, found.rel(), found.stamp());
            entries.put(entry.file(), entry);
            entry.problems().forEach(problems::add);
            if (entry.article() != null) {
                articles.add(new Located<>(entry.article(), ArticleReader.locatorOf(file, entry.file())));
            }
        });
        articles.sort(Comparator.comparing(a -> a.value().file()));
        Data d = Parallel.join(dataLoaded);
        return new SiteInput(settings, List.copyOf(articles), d.cities(), d.exemplars(), d.merchants(),
                media(problems));
    }

    private record Data(List<Located<rongguang.model.City>> cities, List<Located<rongguang.model.Exemplar>> exemplars,
                        List<Located<rongguang.model.Merchant>> merchants) {}

    /**
     * The slug the previous load gave a column or tag of this name (a slug depends on nothing but the name), or
     * null. Searched, not gathered into a map: a rebuild asks for the few names of the articles it re-reads, and
     * most are found among the first articles.
     */
    private String knownTermSlug(String name) {
        for (ArticleEntry e : previous.values()) {
            rongguang.model.Article a = e.article();
            if (a == null) continue;
            if (a.column() != null && a.column().name().equals(name)) return a.column().slug();
            for (rongguang.model.Term t : a.tags()) if (t.name().equals(name)) return t.slug();
        }
        return null;
    }

    /** The objects of the data files in {@code data/FOLDER}, from the previous load where a file has not changed. */
    @SuppressWarnings("unchecked")
    private <T> List<Located<T>> data(String folder, Function<Fields, T> reader, Problems problems) {
        List<Located<T>> out = new ArrayList<>();
        List<Found> files = found(content.resolve("data/" + folder), ".json", problems);
        Map<String, DataEntry> previousData = this.previousData.get();
        for (Found found : files) {
            String rel = found.rel();
            DataEntry entry = previousData.get(rel);
            if (entry == null || found.stamp() == null || !found.stamp().equals(entry.stamp())) {
                Problems own = new Problems();
                List<T> values = new ArrayList<>();
                List<String> pointers = new ArrayList<>();
                SourceFiles.objects(found.path(), rel, own, reader, values, pointers);
                entry = new DataEntry(rel, found.stamp(), List.copyOf(values), List.copyOf(pointers), own.sorted());
            }
            dataEntries.put(rel, entry);
            entry.problems().forEach(problems::add);
            Function<String, Located.Locator> at = SourceFiles.locators(found.path(), rel);
            // a file's place in data/ decides what it holds, so its entry holds objects of this folder's kind
            for (int i = 0; i < entry.values().size(); i++) {
                out.add(new Located<>((T) entry.values().get(i), at.apply(entry.pointers().get(i))));
            }
        }
        return out;
    }

    /** The article of a file, from the previous load when the file has not changed since. */
    private ArticleEntry article(ArticleReader reader, Path file, String rel, FileStamp stamp) {
        ArticleEntry before = previous.get(rel);
        if (before != null && stamp != null && stamp.equals(before.stamp())) return before;
        Problems own = new Problems();
        Located<rongguang.model.Article> a = reader.read(file, rel, own);
        return new ArticleEntry(rel, stamp, a == null ? null : a.value(), own.sorted());
    }

    private Settings settings(Problems problems) {
        Path file = content.resolve("site.json");
        String rel = rel(file);
        if (!Files.isRegularFile(file)) {
            problems.error(rel, 0, 0, "找不到站点设置文件 content/site.json（至少要有 title、baseUrl、organization）");
            return null;
        }
        String text = SourceFiles.text(file, rel, problems);
        if (text == null) return null;
        Tree tree = SourceFiles.tree(SourceFiles.JSON, rel, text, 0, problems);
        if (tree == null) return null;
        if (!tree.root.isObject()) {
            problems.error(rel, 1, 1, "site.json 应为一个对象 {…}");
            return null;
        }
        return SettingsReader.read(new Fields(tree, "", tree.root, problems));
    }

    /** Files under {@code media/}, as paths relative to it, skipping hidden files. */
    private Set<String> media(Problems problems) {
        Path media = content.resolve("media");
        Set<String> out = new TreeSet<>();
        for (Path f : files(media, "", problems)) out.add(media.relativize(f).toString().replace('\\', '/'));
        return Collections.unmodifiableSet(out);
    }

    /**
     * A file found by a walk, with the stamp the walk read (one look at each file) and its path relative to the
     * site folder, worked out once: a rebuild of 10,000 articles would otherwise relativize every path again.
     */
    private record Found(Path path, String rel, FileStamp stamp) {}

    /** Regular files below {@code dir} ending in {@code suffix}, sorted; hidden files and folders are skipped. */
    private List<Path> files(Path dir, String suffix, Problems problems) {
        return found(dir, suffix, problems).stream().map(Found::path).toList();
    }

    private List<Found> found(Path dir, String suffix, Problems problems) {
        String key = rel(dir) + "\0" + suffix;
        List<Found> known = previousListings.folders.get(key);
        List<Found> out = known == null || touched == null ? null : patched(dir, known, suffix);
        if (out != null) {
            listings.put(key, out);
            return out;
        }
        Problems own = new Problems();
        out = walk(dir, suffix, own);
        List<rongguang.problems.Problem> reported = own.sorted();
        reported.forEach(problems::add);
        // a walk that found something to report (a link) is done again, so that every build reports it
        if (reported.isEmpty()) listings.put(key, out);
        return out;
    }

    /**
     * The last listing of {@code dir}, with the touched files in it looked at again; null when a touched path is,
     * or was, a folder with files, or is a link (then the folder is walked, which also reports links).
     */
    private List<Found> patched(Path dir, List<Found> known, String suffix) {
        List<Found> out = null;
        Comparator<Found> byPath = Comparator.comparing(Found::path);
        for (String path : touched) {
            Path file = siteDir.resolve(path);
            if (dir.startsWith(file)) return null;   // the folder itself, or one above it
            if (!file.startsWith(dir) || path.contains("/.")) continue;
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                attrs = null;
            }
            if (attrs != null && !attrs.isRegularFile()) return null;
            if (out == null) out = new ArrayList<>(known);
            int at = Collections.binarySearch(out, new Found(file, path, null), byPath);
            if (attrs == null) {
                if (at >= 0) {
                    out.remove(at);
                    continue;
                }
                // gone, and not a file: a folder moved away, whose files had no events of their own
                for (int i = -at - 1; i < out.size() && out.get(i).path().toString().startsWith(file.toString()); i++) {
                    if (out.get(i).path().startsWith(file)) return null;
                }
            } else if (file.getFileName().toString().endsWith(suffix)) {
                Found found = new Found(file, rel(file), FileStamp.of(attrs));
                if (at >= 0) out.set(at, found);
                else out.add(-at - 1, found);
            }
        }
        return out == null ? known : List.copyOf(out);
    }

    private List<Found> walk(Path dir, String suffix, Problems problems) {
        if (!Files.isDirectory(dir)) return List.of();
        List<Found> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return !d.equals(dir) && isHidden(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (isHidden(f)) return FileVisitResult.CONTINUE;
                    if (attrs.isSymbolicLink()) {
                        problems.warning(rel(f), 0, 0, "跳过符号链接：站点只读取 content/ 里的真实文件，不跟随链接到别处");
                    } else if (attrs.isRegularFile() && f.getFileName().toString().endsWith(suffix)) {
                        out.add(new Found(f, rel(f), FileStamp.of(attrs)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) throws IOException {
                    if (f.equals(dir)) throw e;
                    problems.error(rel(f), 0, 0, "无法读取：" + e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.error(rel(dir), 0, 0, "无法读取文件夹：" + e.getMessage());
            return List.of();
        }
        out.sort(Comparator.comparing(Found::path));
        return out;
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private String rel(Path file) {
        return siteDir.relativize(file).toString().replace('\\', '/');
    }
}
