package rongguang.check;

/** A link that leaves the site: listed by {@code check}, never fetched. */
public record ExternalLink(String url, int pages, String firstPage) {}
