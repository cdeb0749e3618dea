package rongguang.search;

/**
 * One thing a search can find. Its text is made when asked for, so that article bodies are read from the body
 * store one at a time while the index is built, never all at once.
 *
 * @param url  relative to the site root, as pages link
 * @param date ISO date, or null for what has none (cities, exemplars, merchants)
 * @param text the searchable text besides the title, lines separated by {@code \n}
 * @param source what the text is made from, when that is cheaper to compare than the text (an article's source
 *               digest and the names it shows); null to compare the text itself
 */
public record SearchDocument(Kind kind, String url, String title, String date, Text text, String source) {

    /** A document's text, made when asked for. */
    @FunctionalInterface
    public interface Text {
        /**
         * The text, in a buffer the calling thread keeps (every document's text passes through one): to be read
         * before the thread asks for another.
         */
        java.nio.CharBuffer chars();

        default String string() {
            return chars().toString();
        }
    }

    /** In index order: a document's kind follows from its number. */
    public enum Kind {
        CITY("city", "模范城", "cities/"),
        EXEMPLAR("exemplar", "人物", "exemplars/"),
        MERCHANT("merchant", "商家", "merchants/"),
        ARTICLE("article", "文章", "articles/");

        private final String key;
        private final String label;
        private final String list;

        Kind(String key, String label, String list) {
            this.key = key;
            this.label = label;
            this.list = list;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        /** The list page of the kind, relative to the site root. */
        public String list() {
            return list;
        }
    }
}
