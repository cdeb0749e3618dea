package rongguang.render;

import freemarker.core.Environment;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import rongguang.model.Article;

/**
 * Which articles' text (summary, body) a page read while it was rendered. A page's fingerprint takes an article
 * in by where it shows (title, date, column, tags …: {@link Digests}) and adds the text only of the articles whose
 * text the page read, so that a typed sentence re-renders the article's page and not every list that holds the
 * article; a list that shows summaries is rendered again only when a summary changed.
 *
 * <p>A text is named by a key: {@code s} or {@code b} and the article's file. Templates reach an article's text
 * through its members: {@code summary} reads the summary; any member that is not part of where the article shows
 * (listed here) counts as reading the body, so a member added later is never overlooked.
 */
public final class TextReads {
    private static final String ATTRIBUTE = "rongguang.textsRead";
    /** Members of an article that tell only where it shows: its record's other components and what follows from them. */
    private static final Set<String> PLACE = Stream.concat(
            Arrays.stream(Article.class.getRecordComponents()).map(c -> c.getName()).filter(n -> !Article.isText(n)),
            Stream.of("url", "displayDate", "isoDate", "dateTime", "effectivePublishDate"))
            .collect(Collectors.toUnmodifiableSet());

    private TextReads() {}

    public static String summary(String file) {
        return "s" + file;
    }

    public static String body(String file) {
        return "b" + file;
    }

    public static boolean isSummary(String key) {
        return key.charAt(0) == 's';
    }

    public static String file(String key) {
        return key.substring(1);
    }

    /** The texts a page depends on before it reads anything: all of each article it is about (a top-level variable). */
    static Set<String> own(Map<String, Object> variables, Set<String> into) {
        for (Object value : variables.values()) {
            if (value instanceof Article a) {
                into.add(summary(a.file()));
                into.add(body(a.file()));
            }
        }
        return into;
    }

    /** Starts recording for the page rendered in {@code env}. */
    static void record(Environment env, Set<String> texts) {
        Recorded.start(env, ATTRIBUTE, texts);
    }

    private static void note(String key) {
        Recorded.add(ATTRIBUTE, key);
    }

    /** The article seen by templates: the usual bean, noting each read of its text. */
    static TemplateModel tracked(TemplateHashModelEx article, Article adapted) {
        return new Tracked(article, adapted);
    }

    private static final class Tracked implements TemplateHashModelEx, AdapterTemplateModel, TemplateScalarModel {
        private final TemplateHashModelEx article;
        private final Article adapted;

        Tracked(TemplateHashModelEx article, Article adapted) {
            this.article = article;
            this.adapted = adapted;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            if (key.equals("summary")) note(summary(adapted.file()));
            else if (!PLACE.contains(key)) note(body(adapted.file()));
            return article.get(key);
        }

        @Override
        public boolean isEmpty() throws TemplateModelException {
            return article.isEmpty();
        }

        @Override
        public int size() throws TemplateModelException {
            return article.size();
        }

        @Override
        public TemplateCollectionModel keys() throws TemplateModelException {
            return article.keys();
        }

        @Override
        public TemplateCollectionModel values() throws TemplateModelException {
            readsAll();
            return article.values();
        }

        /** The article as text ({@code toString}), which holds everything. */
        @Override
        public String getAsString() {
            readsAll();
            return adapted.toString();
        }

        private void readsAll() {
            note(summary(adapted.file()));
            note(body(adapted.file()));
        }

        @Override
        public Object getAdaptedObject(Class<?> hint) {
            return adapted;
        }
    }
}
