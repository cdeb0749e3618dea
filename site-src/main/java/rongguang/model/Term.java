package rongguang.model;

/** A column (栏目) or tag, with its pinyin slug. */
public record Term(String name, String slug) {}
