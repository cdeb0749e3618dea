package rongguang.model;

import java.util.List;

/** A column or tag and its articles, newest first. */
public record TermIndex(Term term, List<Article> articles) {
    public String name() {
        return term.name();
    }

    public String slug() {
        return term.slug();
    }
}
