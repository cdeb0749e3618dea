package rongguang.model;

import java.util.List;

/** The articles next to one in time, and the ones most related to it. */
public record Neighbours(Article older, Article newer, List<Article> related) {}
