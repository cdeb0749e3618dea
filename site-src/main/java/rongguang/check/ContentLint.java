package rongguang.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import rongguang.load.Tree;

/**
 * Which text of the content is prose, handed to {@link TextLint}: the front matter strings an article shows and
 * its Markdown body; every string of the data files and site.json except identifiers, references, dates, paths,
 * URLs and codes; exemplars' stories as Markdown. Articles are read and checked in parallel, one at a time.
 */
final class ContentLint {
    private static final Set<String> ARTICLE_TEXT = Set.of("title", "kicker", "subtitle", "authors", "source",
            "column", "tags", "summary");
    private static final Set<String> NOT_TEXT = Set.of("id", "city", "cities", "exemplars", "kind", "level",
            "photo", "image", "cover", "since", "reviewUntil", "phone", "location", "baseUrl", "language",
            "timeZone", "url", "icp", "publicSecurityRecord", "siteCode");
    private static final Set<String> MARKDOWN = Set.of("story");

    private final TextLint lint;

    ContentLint(TextLint lint) {
        this.lint = lint;
    }

    void run(ContentSources sources) {
        sources.articleFiles.parallelStream().forEach(file -> {
            ContentSources.Article a = sources.article(file);
            if (a == null) return;
            if (a.frontMatter() != null && a.frontMatter().root.isObject()) {
                for (String key : ARTICLE_TEXT) {
                    walk(a.frontMatter().root.get(key), Tree.child("", key), a.frontMatter(), a.document(), false);
                }
            }
            lint.markdown(a.body());
        });
        sources.data.parallelStream().forEach(d -> walk(d.tree().root, "", d.tree(), d.document(), false));
    }

    private void walk(JsonNode node, String pointer, Tree tree, SourceDocument document, boolean markdown) {
        if (node == null) return;
        if (node.isTextual()) {
            TextInFile text = document.value(node.asText(), tree.valueAt(pointer));
            if (markdown) lint.markdown(text);
            else lint.plain(text);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) walk(node.get(i), Tree.child(pointer, i), tree, document, markdown);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (NOT_TEXT.contains(e.getKey())) continue;
                walk(e.getValue(), Tree.child(pointer, e.getKey()), tree, document, MARKDOWN.contains(e.getKey()));
            }
        }
    }
}
