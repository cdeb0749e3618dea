package rongguang.load;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import rongguang.model.Article;
import rongguang.model.Term;
import rongguang.problems.Located;
import rongguang.problems.Place;
import rongguang.problems.Problems;
import rongguang.text.Slugs;
import rongguang.text.Summaries;

/** Reads one article: YAML front matter between two {@code ---} lines, then Markdown. */
public final class ArticleReader {
    static final Set<String> KEYS = Set.of("title", "date", "kicker", "subtitle", "authors", "source", "column",
            "tags", "cities", "exemplars", "summary", "cover", "slug", "draft", "publishDate", "expiryDate");

    private final Markdown markdown;
    private final BodyStore bodies;
    private final ZoneId zone;
    /**
     * Term slugs by name: a tag is on thousands of articles, and segmenting it for each is most of a load. A name
     * not met yet is looked up among the terms an earlier load met, so that re-reading one article does not load
     * the segmenter's dictionaries.
     */
    private final java.util.Map<String, String> termSlugs = new java.util.concurrent.ConcurrentHashMap<>();
    /** The slug an earlier load gave a term name, or null. */
    private final java.util.function.Function<String, String> knownTermSlug;

    ArticleReader(Markdown markdown, BodyStore bodies, ZoneId zone) {
        this(markdown, bodies, zone, name -> null);
    }

    ArticleReader(Markdown markdown, BodyStore bodies, ZoneId zone,
                  java.util.function.Function<String, String> knownTermSlug) {
        this.markdown = markdown;
        this.bodies = bodies;
        this.zone = zone;
        this.knownTermSlug = knownTermSlug;
    }

    private String slugOf(String name) {
        String known = knownTermSlug.apply(name);
        return known != null ? known : Slugs.of(name);
    }

    /** The front matter and the Markdown after it; {@code bodyLine} is the 1-based line the body starts on. */
    public record Split(String frontMatter, String body, int bodyLine) {}

    /** Splits off the front matter; null when the file does not start with one (reported). */
    public static Split split(String text, String rel, Problems problems) {
        String[] lines = text.split("\n", -1);
        if (!lines[0].strip().equals("---")) {
            problems.error(rel, 1, 1, "文章应以 front matter 开头：第一行写 ---，然后是 title、date 等，再以 --- 结束");
            return null;
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("---") || line.equals("...")) {
                String front = String.join("\n", List.of(lines).subList(1, i));
                String body = String.join("\n", List.of(lines).subList(i + 1, lines.length));
                return new Split(front, body, i + 2);
            }
        }
        problems.error(rel, 1, 1, "front matter 没有结束：在 title、date 等之后加一行 ---");
        return null;
    }

    /** The front matter's fields and the Markdown after it, or null after reporting why there are none. */
    private record Source(Fields fields, String body, String digest) {}

    private static Source source(java.nio.file.Path file, String rel, Problems problems) {
        String text = SourceFiles.text(file, rel, problems);
        if (text == null) return null;
        Split split = split(text.replace("\r\n", "\n"), rel, problems);
        if (split == null) return null;
        Tree tree = SourceFiles.tree(SourceFiles.YAML, rel, split.frontMatter(), 1, problems);
        if (tree == null) return null;
        if (!tree.root.isObject()) {
            problems.error(rel, 2, 1, "front matter 应为“键: 值”的形式，如 title: 标题");
            return null;
        }
        return new Source(new Fields(tree, "", tree.root, problems), split.body(), digest(rel, text));
    }

    Located<Article> read(java.nio.file.Path file, String rel, Problems problems) {
        Source source = source(file, rel, problems);
        if (source == null) return null;
        Fields f = source.fields();
        f.warnUnknown(KEYS);
        String title = f.string("title", true);
        ZonedDateTime date = f.dateTime("date", true, zone);
        ZonedDateTime publishDate = f.dateTime("publishDate", false, zone);
        ZonedDateTime expiryDate = f.dateTime("expiryDate", false, zone);
        Boolean draft = f.bool("draft");
        String slug = slug(f, rel, title);
        Term column = term(f, "column", f.string("column", false));
        // two spellings with one slug (双拥动态, 双拥 动态) are reported by the model, with those of other articles
        List<Term> tags = new ArrayList<>();
        for (String name : f.strings("tags")) {
            Term t = term(f, "tags", name);
            if (t != null) tags.add(t);
        }
        List<String> cities = f.ids("cities");
        List<String> exemplars = f.ids("exemplars");
        String cover = DataReaders.media(f, "cover");
        String summary = f.string("summary", false);
        if (title == null || date == null || slug == null) return null;
        Markdown.Html body = markdown.render(source.body());
        Article article = new Article(slug, title, f.string("kicker", false), f.string("subtitle", false),
                f.strings("authors"), f.string("source", false), column, List.copyOf(tags), cities, exemplars,
                summary != null ? summary : Summaries.of(body.text()), cover, date, publishDate, expiryDate,
                Boolean.TRUE.equals(draft), bodies.put(body.html()), rel, source.digest());
        return new Located<>(article, locatorOf(file, rel));
    }

    /**
     * The places of an unchanged article's fields, found again only when a later stage asks for one (a reference
     * that broke because another file changed): reading front matter is cheap, keeping every tree is not.
     */
    static Located.Locator locatorOf(java.nio.file.Path file, String rel) {
        return (key, item) -> {
            Source source = source(file, rel, new Problems());
            return source == null ? new Place(rel, 1, 1) : locator(source.fields(), rel).at(key, item);
        };
    }

    private static Located.Locator locator(Fields f, String rel) {
        Located.Locator fields = SourceFiles.locator(f);
        boolean slugWritten = f.has("slug");
        // a slug made from the file name or the title has no place of its own: point at the file's start
        return (key, item) -> "slug".equals(key) && !slugWritten ? new Place(rel, 1, 1) : fields.at(key, item);
    }

    private static String digest(String rel, String text) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD5");
            md.update(rel.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
            return java.util.HexFormat.of().formatHex(md.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code slug}, else the file name when it is a valid slug, else the pinyin of the title. */
    private static String slug(Fields f, String rel, String title) {
        if (f.has("slug")) return f.id("slug", false);
        String name = rel.substring(rel.lastIndexOf('/') + 1).replaceFirst("\\.md$", "");
        if (Slugs.isValid(name)) return name;
        if (title == null) return null;
        String slug = Slugs.of(title);
        if (slug.isEmpty()) {
            f.error("title", "无法从标题生成网址，请在 front matter 中写 slug，如 slug: changsha-shuangyong");
            return null;
        }
        return slug;
    }

    private Term term(Fields f, String key, String name) {
        if (name == null) return null;
        String slug = termSlugs.computeIfAbsent(name, this::slugOf);
        if (slug.isEmpty()) {
            f.error(key, "“" + name + "”无法生成网址：名称中应有汉字、字母或数字");
            return null;
        }
        return new Term(name, slug);
    }
}
