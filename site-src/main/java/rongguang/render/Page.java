package rongguang.render;

import java.util.Map;

/** One file of the output: a folder URL such as {@code articles/x/} (written as its index.html) or a file name. */
public sealed interface Page permits Page.Templated, Page.Json {
    String path();

    /** The file to write, relative to the output folder. */
    default String file() {
        return path().isEmpty() || path().endsWith("/") ? path() + "index.html" : path();
    }

    /** A page rendered by a FreeMarker template from {@code variables}. */
    record Templated(String path, String template, Map<String, Object> variables) implements Page {}

    /** A JSON document, e.g. the merchant index that the directory's filters read. */
    record Json(String path, Object value) implements Page {}
}
