package rongguang.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import rongguang.model.Article;
import rongguang.model.Settings;
import rongguang.model.Term;

/**
 * The schema.org data of an article page, for search engines. Rongguang writes it, not a template, because it must
 * be JSON that is also safe as the text of a {@code <script type="application/ld+json">} element: every {@code <},
 * {@code >} and {@code &} is written as a JSON escape, so a title holding {@code </script>} or {@code <!--} cannot
 * end or change the script element, and the JSON still means the same.
 */
public record StructuredData(Article article, Settings settings) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bylines that name a newsroom or an office rather than a person (本网编辑部, 宣传部, 新闻中心 …). */
    private static final List<String> ORGANIZATION_ENDINGS = List.of("部", "社", "站", "台", "网", "中心", "办公室",
            "委员会", "局", "办");

    /**
     * The {@code NewsArticle} of the article page, made only when the page is rendered (a page that an incremental
     * build keeps never needs it).
     */
    public String json() {
        Article a = article;
        String url = settings.absolute(a.url());
        ObjectNode o = JSON.createObjectNode();
        o.put("@context", "https://schema.org");
        o.put("@type", "NewsArticle");
        o.putObject("mainEntityOfPage").put("@type", "WebPage").put("@id", url);
        o.put("url", url);
        o.put("headline", a.title());
        if (a.subtitle() != null) o.put("alternativeHeadline", a.subtitle());
        if (a.summary() != null && !a.summary().isEmpty()) o.put("description", a.summary());
        if (a.cover() != null) o.putArray("image").add(settings.absolute("media/" + a.cover()));
        o.put("datePublished", a.dateTime());
        o.put("dateModified", a.dateTime());
        o.put("inLanguage", settings.language());
        if (a.column() != null) o.put("articleSection", a.column().name());
        if (!a.tags().isEmpty()) o.put("keywords", String.join(",", a.tags().stream().map(Term::name).toList()));
        ArrayNode authors = o.putArray("author");
        if (a.authors().isEmpty()) {
            authors.add(organization(a.source() != null ? a.source() : settings.organization()));
        } else {
            for (String name : a.authors()) {
                authors.add(isOrganization(name) ? organization(name)
                        : JSON.createObjectNode().put("@type", "Person").put("name", name));
            }
        }
        o.set("publisher", organization(settings.organization()).put("url", settings.absolute("")));
        return scriptSafe(o);
    }

    private static ObjectNode organization(String name) {
        return JSON.createObjectNode().put("@type", "Organization").put("name", name);
    }

    private static boolean isOrganization(String byline) {
        return byline.startsWith("本网") || ORGANIZATION_ENDINGS.stream().anyMatch(byline::endsWith);
    }

    /** JSON that can stand between {@code <script>} and {@code </script>}. */
    static String scriptSafe(Object value) {
        try {
            // outside strings JSON has none of these characters, so escaping every one keeps the meaning
            return JSON.writeValueAsString(value)
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                    .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
