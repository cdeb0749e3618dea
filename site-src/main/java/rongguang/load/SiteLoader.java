package rongguang.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
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
    private final Map<String, ArticleEntry> previous;
    private final Map<String, ArticleEntry> entries = new ConcurrentHashMap<>();

    /**
     * @param bodies   where article bodies go
     * @param previous what an earlier load read from each article file: a file of the same size and time of
     *                 change is taken from there instead of being read again
     */
    public SiteLoader(Path siteDir, BodyStore bodies, Map<String, ArticleEntry> previous) {
        this.siteDir = siteDir;
        this.content = siteDir.resolve("content");
        this.bodies = bodies;
        this.previous = previous;
    }

    /** What this load read from each article file, for the next one. */
    public Map<String, ArticleEntry> entries() {
        return Map.copyOf(entries);
    }

    /** The input, or null when site.json is missing or unusable (then nothing else can be read meaningfully). */
    public SiteInput load(Problems problems) {
        Settings settings = settings(problems);
        if (settings == null) return null;
        ArticleReader articleReader = new ArticleReader(markdown, bodies, settings.timeZone());
        List<Located<rongguang.model.Article>> articles = Collections.synchronizedList(new ArrayList<>());
        files(content.resolve("articles"), ".md", problems).parallelStream().forEach(file -> {
            ArticleEntry entry = article(articleReader, file, rel(file));
            entries.put(entry.file(), entry);
            entry.problems().forEach(problems::add);
            if (entry.article() != null) {
                articles.add(new Located<>(entry.article(), ArticleReader.locatorOf(file, entry.file())));
            }
        });
        articles.sort(Comparator.comparing(a -> a.value().file()));
        DataReaders data = new DataReaders(markdown);
        List<Located<rongguang.model.City>> cities = new ArrayList<>();
        List<Located<rongguang.model.Exemplar>> exemplars = new ArrayList<>();
        List<Located<rongguang.model.Merchant>> merchants = new ArrayList<>();
        for (Path f : files(content.resolve("data/cities"), ".json", problems)) {
            SourceFiles.objects(f, rel(f), problems, data::city, cities);
        }
        for (Path f : files(content.resolve("data/exemplars"), ".json", problems)) {
            SourceFiles.objects(f, rel(f), problems, data::exemplar, exemplars);
        }
        for (Path f : files(content.resolve("data/merchants"), ".json", problems)) {
            SourceFiles.objects(f, rel(f), problems, data::merchant, merchants);
        }
        return new SiteInput(settings, List.copyOf(articles), cities, exemplars, merchants, media(problems));
    }

    /** The article of a file, from the previous load when the file has not changed since. */
    private ArticleEntry article(ArticleReader reader, Path file, String rel) {
        FileStamp stamp;
        try {
            stamp = FileStamp.of(file);
        } catch (IOException e) {
            stamp = null;
        }
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

    /** Regular files below {@code dir} ending in {@code suffix}, sorted; hidden files and folders are skipped. */
    private List<Path> files(Path dir, String suffix, Problems problems) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(p -> !isHidden(dir.relativize(p))).sorted().toList();
            for (Path p : files) {
                if (Files.isSymbolicLink(p)) {
                    problems.warning(rel(p), 0, 0, "跳过符号链接：站点只读取 content/ 里的真实文件，不跟随链接到别处");
                }
            }
            return files.stream()
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && p.getFileName().toString().endsWith(suffix))
                    .toList();
        } catch (IOException e) {
            problems.error(rel(dir), 0, 0, "无法读取文件夹：" + e.getMessage());
            return List.of();
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) if (part.toString().startsWith(".")) return true;
        return false;
    }

    private String rel(Path file) {
        return siteDir.relativize(file).toString().replace('\\', '/');
    }
}
