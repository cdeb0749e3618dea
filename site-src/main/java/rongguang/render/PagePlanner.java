package rongguang.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import rongguang.model.Article;
import rongguang.model.City;
import rongguang.model.Exemplar;
import rongguang.model.Merchant;
import rongguang.model.Site;
import rongguang.model.TermIndex;
import rongguang.render.chart.Charts;
import rongguang.render.chart.Timeline;
import rongguang.search.SearchDocument;

/**
 * Plans every page of the site from the model: which URL, which template, which variables. Templates receive
 * {@code site} (the {@link Site}), {@code page} (a {@link PageInfo}), {@code root} (the way back to the site root)
 * and the variables of their kind, listed in the README's template guide.
 */
public final class PagePlanner {
    static final int HOME_ARTICLES = 8;
    static final int HOME_CITIES = 12;
    static final int HOME_EXEMPLARS = 8;
    static final int FEED_ENTRIES = 20;

    private final Site site;
    private final String themeStamp;

    public PagePlanner(Site site) {
        this(site, "");
    }

    /** @param themeStamp a digest of the theme's display files ({@link DisplayDeck#themeStamp}) */
    public PagePlanner(Site site, String themeStamp) {
        this.site = site;
        this.themeStamp = themeStamp;
    }

    public List<Page> plan() {
        List<Page> pages = new ArrayList<>();
        pages.add(page("", "home.ftlh", "home", site.settings().title(), site.settings().description(), () -> Map.of(
                "latest", site.articles().subList(0, Math.min(HOME_ARTICLES, site.articles().size())),
                "cities", site.cities().subList(0, Math.min(HOME_CITIES, site.cities().size())),
                "exemplars", site.exemplars().subList(0, Math.min(HOME_EXEMPLARS, site.exemplars().size())))));
        articleLists(pages, "articles/", "新闻动态", null, site.articles());
        for (Article a : site.articles()) pages.add(article(a));
        pages.add(page("columns/", "terms.ftlh", "articles", "栏目", termsDescription("栏目", site.columns()),
                () -> Map.of("terms", site.columns(), "kind", "column")));
        for (TermIndex c : site.columns()) articleLists(pages, "columns/" + c.slug() + "/", c.name(), c, c.articles());
        pages.add(page("tags/", "terms.ftlh", "articles", "标签", termsDescription("标签", site.tags()),
                () -> Map.of("terms", site.tags(), "kind", "tag")));
        for (TermIndex t : site.tags()) articleLists(pages, "tags/" + t.slug() + "/", t.name(), t, t.articles());

        pages.add(page("cities/", "cities.ftlh", "cities", "双拥模范城光荣榜",
                "全国和省级双拥模范城（县、区）的荣誉与连冠", () -> Map.of("cities", site.cities(),
                        "chart", Charts.nationalHonors(site.cities()))));
        for (City c : site.cities()) {
            String description = c.summary() != null && !c.summary().isBlank() ? c.summary()
                    : c.name() + "（" + c.province() + "）的双拥荣誉、先进典型、拥军优待商家和相关报道";
            pages.add(page(c.url(), "city.ftlh", "cities", c.name(), description, () -> {
                Map<String, Object> vars = new HashMap<>(Map.of(
                        "city", c,
                        "articles", site.articlesOfCity(c.id()),
                        "exemplars", site.exemplarsOfCity(c.id()),
                        "merchants", site.merchantsOfCity(c.id())));
                Timeline timeline = Timeline.of(c);
                if (timeline != null) vars.put("timeline", timeline);
                return vars;
            }));
        }
        pages.add(page("exemplars/", "exemplars.ftlh", "exemplars", "先进典型", "最美退役军人、最美拥军人物等先进典型",
                () -> Map.of("exemplars", site.exemplars())));
        for (Exemplar e : site.exemplars()) {
            pages.add(page(e.url(), "exemplar.ftlh", "exemplars", e.name(), e.summary(), () -> {
                Map<String, Object> vars = new HashMap<>();
                vars.put("exemplar", e);
                vars.put("articles", site.articlesOfExemplar(e.id()));
                if (site.city(e.city()) != null) vars.put("city", site.city(e.city()));
                return vars;
            }));
        }
        pages.add(page("merchants/", "merchants.ftlh", "merchants", "拥军优待商家",
                "凭优待证等证件享受优惠的拥军联盟商家名录", () -> Map.of("merchants", site.merchants(),
                        "categoryChart", Charts.merchantsByCategory(site), "cityChart", Charts.merchantsByCity(site))));
        pages.add(new Page.Json("merchants/index.json", MerchantIndex.of(site)));
        for (Merchant m : site.merchants()) {
            pages.add(page(m.url(), "merchant.ftlh", "merchants", m.name(), m.name() + "：" + m.offers().get(0).text(),
                    () -> Map.of("merchant", m, "city", site.city(m.city()))));
        }
        DisplayDeck deck = DisplayDeck.of(site, themeStamp);
        pages.add(page("display/", "display.ftlh", "display", deck.title(), "在公共场所的屏幕上轮播的双拥荣誉展示",
                () -> Map.of("deck", deck)));
        pages.add(new Page.Json("display/version.json", Map.of("version", deck.version())));
        pages.add(search());
        pages.add(page("feed.xml", "feed.ftlx", "", site.settings().title(), site.settings().description(),
                () -> Map.of("entries", site.articles().subList(0, Math.min(FEED_ENTRIES, site.articles().size())))));
        List<Page> listed = List.copyOf(pages);
        pages.add(page("sitemap.xml", "sitemap.ftlx", "", "", "", () -> Map.of("urls", sitemap(listed))));
        pages.add(page("robots.txt", "robots.ftl", "", "", "", Map::of));
        pages.add(notFound());
        return pages;
    }

    private void articleLists(List<Page> pages, String base, String title, TermIndex term, List<Article> articles) {
        for (Pager<Article> pager : Pager.paginate(articles, site.settings().pageSize(), base)) {
            Supplier<Map<String, Object>> vars = () -> {
                Map<String, Object> own = new HashMap<>();
                own.put("pager", pager);
                // the term's name and slug, not its articles: a list page shows only its own slice
                if (term != null) own.put("term", term.term());
                return own;
            };
            String pageTitle = pager.number() == 1 ? title : title + "（第" + pager.number() + "页）";
            String description = (term == null ? site.settings().title() + "的全部新闻动态"
                    : (base.startsWith("columns/") ? "栏目" : "标签") + "“" + title + "”下的文章")
                    + "，共 " + articles.size() + " 篇，按发布时间从新到旧排列"
                    + (pager.number() == 1 ? "" : "（第 " + pager.number() + " 页）");
            String section = base.startsWith("articles/") ? "articles" : "articles";
            pages.add(page(pager.path(), "list.ftlh", section, pageTitle, description, vars));
        }
    }

    /** 全部 6 个栏目：工作综述、拥军优属…（the first ten names） */
    private static String termsDescription(String kind, List<TermIndex> terms) {
        List<String> names = terms.stream().limit(10).map(TermIndex::name).toList();
        return "全部 " + terms.size() + " 个" + kind + (names.isEmpty() ? "" : "：" + String.join("、", names)
                + (terms.size() > names.size() ? " 等" : ""));
    }

    private Page article(Article a) {
        return page(a.url(), "article.ftlh", "articles", a.title(), a.summary(), () -> articleVariables(a));
    }

    private Map<String, Object> articleVariables(Article a) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("article", a);
        vars.put("cities", a.cities().stream().map(site::city).toList());
        vars.put("exemplars", a.exemplars().stream().map(site::exemplar).toList());
        vars.put("neighbours", site.neighbours(a));
        String badge = site.badge(a);
        if (badge != null) vars.put("badge", badge);
        vars.put("structuredData", new StructuredData(a, site.settings()));
        return vars;
    }

    /** The search page; its script reads the index that {@link rongguang.search.SearchIndex} writes. */
    private Page search() {
        List<Map<String, String>> kinds = new ArrayList<>();
        for (SearchDocument.Kind k : SearchDocument.Kind.values()) {
            kinds.add(Map.of("key", k.key(), "label", k.label(), "list", k.list()));
        }
        return page("search/", "search.ftlh", "search", "站内搜索", "搜索文章、模范城、人物和商家", () -> Map.of("kinds", kinds));
    }

    /** The 404 page is served at any depth, so its links start from the site's base path instead of a relative root. */
    private Page notFound() {
        String root = site.settings().basePath();
        Map<String, Object> vars = new HashMap<>();
        vars.put("site", site);
        vars.put("root", root);
        vars.put("page", new PageInfo("404.html", root, "页面不存在", "", "", site.settings().absolute("404.html")));
        return new Page.Templated("404.html", "404.ftlh", vars);
    }

    /**
     * A page whose own variables are worked out when first needed. Whatever {@code own} takes from an article's
     * text (body, summary) must come with the article itself as a variable of its own: the page then depends on
     * all of the article's text ({@link TextReads#own}).
     */
    private Page page(String path, String template, String section, String title, String description,
                      Supplier<Map<String, Object>> own) {
        return new Page.Templated(path, template, () -> {
            String root = "../".repeat((int) path.chars().filter(c -> c == '/').count());
            Map<String, Object> vars = new HashMap<>(own.get());
            vars.put("site", site);
            vars.put("root", root);
            vars.put("page", new PageInfo(path, root, title, description == null ? "" : description, section,
                    site.settings().absolute(path)));
            return vars;
        });
    }

    /** One entry of the sitemap; {@code lastmod} is null where the page has no date of its own. */
    public record SitemapUrl(String loc, String lastmod) {}

    /** Every HTML page but the 404, with the date of the article where there is one. */
    private List<SitemapUrl> sitemap(List<Page> pages) {
        Map<String, String> dates = new HashMap<>();
        for (Article a : site.articles()) dates.put(a.url(), a.isoDate());
        List<SitemapUrl> urls = new ArrayList<>();
        for (Page p : pages) {
            if (!(p instanceof Page.Templated) || !p.file().endsWith(".html")) continue;
            urls.add(new SitemapUrl(site.settings().absolute(p.path()), dates.get(p.path())));
        }
        return urls;
    }
}
