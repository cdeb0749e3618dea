package rongguang.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import rongguang.load.ArticleReader;
import rongguang.load.SourceFiles;
import rongguang.load.Tree;
import rongguang.problems.Problems;

/**
 * The content files as written, for the checks that point inside them: data files and site.json as trees that
 * know where each value stands, articles (read one at a time, when asked) as front matter and body. Files the
 * loader cannot read are skipped here: the build reports them.
 */
final class ContentSources {
    /** One article: its text, its front matter, and its Markdown body in place. */
    record Article(SourceDocument document, Tree frontMatter, TextInFile body) {}

    /** One data file (or site.json): {@code kind} is cities, exemplars, merchants or site. */
    record DataFile(String kind, SourceDocument document, Tree tree) {
        /** The file's objects (the root object, or each object of a root array) by JSON pointer. */
        Map<String, JsonNode> objects() {
            Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
            if (tree.root.isObject()) out.put("", tree.root);
            else if (tree.root.isArray()) {
                for (int i = 0; i < tree.root.size(); i++) {
                    if (tree.root.get(i).isObject()) out.put(Tree.child("", i), tree.root.get(i));
                }
            }
            return out;
        }
    }

    private final Path siteDir;
    final List<Path> articleFiles;
    final List<DataFile> data = new ArrayList<>();
    /** Each exemplar's story, by exemplar id, for placing links found on its page. */
    private final Map<String, TextInFile> stories = new HashMap<>();

    private ContentSources(Path siteDir) throws IOException {
        this.siteDir = siteDir;
        Path content = siteDir.resolve("content");
        this.articleFiles = files(content.resolve("articles"), ".md");
        DataFile site = dataFile("site", content.resolve("site.json"));
        if (site != null) data.add(site);
        for (String kind : List.of("cities", "exemplars", "merchants")) {
            for (Path f : files(content.resolve("data").resolve(kind), ".json")) {
                DataFile d = dataFile(kind, f);
                if (d != null) data.add(d);
            }
        }
        for (DataFile d : data) {
            if (!d.kind().equals("exemplars")) continue;
            d.objects().forEach((pointer, node) -> {
                JsonNode id = node.get("id");
                JsonNode story = node.get("story");
                if (id != null && id.isTextual() && story != null && story.isTextual()) {
                    stories.putIfAbsent(id.asText(), d.document().value(story.asText(),
                            d.tree().valueAt(Tree.child(pointer, "story"))));
                }
            });
        }
    }

    static ContentSources read(Path siteDir) throws IOException {
        return new ContentSources(siteDir);
    }

    /** The article in {@code file}, or null when it cannot be read (the build reports why). */
    Article article(Path file) {
        Problems ignored = new Problems();
        String rel = rel(file);
        String text = SourceFiles.text(file, rel, ignored);
        if (text == null) return null;
        text = text.replace("\r\n", "\n");
        ArticleReader.Split split = ArticleReader.split(text, rel, ignored);
        if (split == null) return null;
        Tree front = SourceFiles.tree(SourceFiles.YAML, rel, split.frontMatter(), 1, ignored);
        SourceDocument document = new SourceDocument(rel, text);
        int bodyStart = split.bodyLine() <= document.lineCount() ? document.offset(split.bodyLine(), 1) : text.length();
        return new Article(document, front, document.verbatim(bodyStart, text.length()));
    }

    /** The story of the exemplar with this id, or null. */
    TextInFile story(String exemplarId) {
        return stories.get(exemplarId);
    }

    private DataFile dataFile(String kind, Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return null;
        Problems ignored = new Problems();
        String rel = rel(file);
        String text = SourceFiles.text(file, rel, ignored);
        if (text == null) return null;
        Tree tree = SourceFiles.tree(SourceFiles.JSON, rel, text, 0, ignored);
        return tree == null ? null : new DataFile(kind, new SourceDocument(rel, text), tree);
    }

    /** Regular files below {@code dir} ending in {@code suffix}, sorted; hidden files and links skipped, as the loader does. */
    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !isHidden(dir.relativize(p)))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) if (part.toString().startsWith(".")) return true;
        return false;
    }

    String rel(Path file) {
        return siteDir.relativize(file).toString().replace('\\', '/');
    }
}
