package rongguang.load;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import rongguang.model.Settings;

/** Reads {@code content/site.json}. */
final class SettingsReader {
    private static final Set<String> KEYS = Set.of("title", "baseUrl", "organization", "language", "description",
            "icp", "publicSecurityRecord", "siteCode", "pageSize", "timeZone", "nav", "display");

    private SettingsReader() {}

    /** A site path, or an http(s) or mailto link: never a javascript: or data: URL in the menu. */
    static boolean isSafeLink(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        if (u.startsWith("http://") || u.startsWith("https://") || u.startsWith("mailto:")) return true;
        return !u.startsWith("//") && !u.matches("^[a-z][a-z0-9+.-]*:.*") && u.chars().noneMatch(c -> c < 0x20);
    }

    static Settings read(Fields f) {
        f.warnUnknown(KEYS);
        String title = f.string("title", true);
        URI baseUrl = f.httpUrl("baseUrl", true);
        if (baseUrl != null && !baseUrl.toString().endsWith("/")) {
            f.error("baseUrl", "“baseUrl”应以 / 结尾，如 " + baseUrl + "/");
            baseUrl = null;
        }
        String organization = f.string("organization", true);
        String language = f.string("language", false);
        if (language != null && Locale.forLanguageTag(language).getLanguage().isEmpty()) {
            f.error("language", "“language”应为 BCP 47 语言标签，如 zh-CN");
        }
        Integer pageSize = f.integer("pageSize", 1, 100);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        String zoneName = f.string("timeZone", false);
        if (zoneName != null) {
            try {
                zone = ZoneId.of(zoneName);
            } catch (DateTimeException e) {
                f.error("timeZone", "“timeZone”应为 IANA 时区名，如 Asia/Shanghai，实际是“" + zoneName + "”");
            }
        }
        List<Settings.NavItem> nav = f.objects("nav", false, n -> {
            n.warnUnknown(Set.of("title", "url"));
            String t = n.string("title", true);
            String u = n.string("url", true);
            if (u != null && !isSafeLink(u)) {
                n.error("url", "菜单链接应为站内路径（如 /cities/）或 http://、https://、mailto: 链接，实际是“" + u + "”");
                return null;
            }
            return t == null || u == null ? null : new Settings.NavItem(t, u);
        });
        Settings.Display display = new Settings.Display(10, null);
        Fields d = f.object("display", false);
        if (d != null) {
            d.warnUnknown(Set.of("interval", "title"));
            Integer interval = d.integer("interval", 3, 120);
            display = new Settings.Display(interval == null ? 10 : interval, d.string("title", false));
        }
        if (title == null || baseUrl == null || organization == null) return null;
        return new Settings(title, baseUrl, organization, language == null ? "zh-CN" : language,
                f.string("description", false), f.string("icp", false), f.string("publicSecurityRecord", false),
                f.string("siteCode", false), pageSize == null ? Settings.DEFAULT_PAGE_SIZE : pageSize, zone, nav,
                display);
    }
}
