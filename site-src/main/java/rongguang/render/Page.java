package rongguang.render;

import java.util.Map;
import java.util.function.Supplier;

/** One file of the output: a folder URL such as {@code articles/x/} (written as its index.html) or a file name. */
public sealed interface Page permits Page.Templated, Page.Json {
    String path();

    /** The file to write, relative to the output folder. */
    String file();

    private static String fileOf(String path) {
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }

    /**
     * A page rendered by a FreeMarker template from its variables. They are worked out when first asked for: a
     * rebuild that finds most pages unchanged without looking at them ({@link PageChanges}) never plans their
     * variables.
     */
    final class Templated implements Page {
        private final String path;
        /** Made once: a rebuild looks up 16,495 pages' records by file. */
        private final String file;
        private final String template;
        private final Supplier<Map<String, Object>> planned;
        private Map<String, Object> variables;

        public Templated(String path, String template, Supplier<Map<String, Object>> variables) {
            this.path = path;
            this.file = fileOf(path);
            this.template = template;
            this.planned = variables;
        }

        public Templated(String path, String template, Map<String, Object> variables) {
            this(path, template, () -> variables);
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public String file() {
            return file;
        }

        public String template() {
            return template;
        }

        public synchronized Map<String, Object> variables() {
            if (variables == null) variables = planned.get();
            return variables;
        }

        /** Lets the variables go once the page is rendered (a large site's pages do not all fit in memory). */
        synchronized void forget() {
            variables = null;
        }

        @Override
        public String toString() {
            return "Page.Templated[" + path + ", " + template + "]";
        }
    }

    /** A JSON document, e.g. the merchant index that the directory's filters read. */
    record Json(String path, Object value) implements Page {
        @Override
        public String file() {
            return fileOf(path);
        }
    }
}
