package rongguang.model;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

/** site.json: what the whole site is, and how it is shown. */
public record Settings(
        String title,
        URI baseUrl,
        String organization,
        String language,
        String description,
        String icp,
        String publicSecurityRecord,
        String siteCode,
        int pageSize,
        ZoneId timeZone,
        List<NavItem> nav,
        Display display) {

    public static final int DEFAULT_PAGE_SIZE = 20;

    /** An absolute URL for a site-relative path such as {@code articles/x/}. */
    public String absolute(String path) {
        return baseUrl.toString() + path;
    }

    /** The path part of {@code baseUrl}, e.g. {@code /shuangyong/}; pages that may be served at any depth use it. */
    public String basePath() {
        String p = baseUrl.getRawPath();
        return p == null || p.isEmpty() ? "/" : p;
    }

    /** The digits of the 公安备案号, for the link to its record. */
    public String publicSecurityRecordCode() {
        return publicSecurityRecord == null ? null : publicSecurityRecord.replaceAll("\\D", "");
    }

    public record NavItem(String title, String url) {}

    public record Display(int interval, String title) {}
}
