package rongguang.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import rongguang.problems.Located;
import rongguang.problems.Place;
import rongguang.problems.Problems;
import rongguang.text.Suggestions;

/**
 * The model stage: checks that ids and slugs are unique and that every reference resolves, keeps what is
 * published, and builds the indexes that link articles, cities, exemplars and merchants. Every index is built in
 * one pass over its items (no step compares all items with all others), so the cost grows with the site.
 */
public final class SiteAssembler {
    private static final List<String> CATEGORY_ORDER = List.of("最美退役军人", "最美拥军人物", "模范退役军人",
            "最美军嫂", "最美军人家庭", "立功军人");

    private final Publication publication;
    private final Problems problems;

    private final RelatedArticles.Memo related;

    public SiteAssembler(Publication publication, Problems problems) {
        this(publication, problems, null);
    }

    /** @param related what the last build of this site found of related articles, or null */
    public SiteAssembler(Publication publication, Problems problems, RelatedArticles.Memo related) {
        this.publication = publication;
        this.problems = problems;
        this.related = related;
    }

    public Site assemble(SiteInput in) {
        Map<String, City> cityById = unique(in.cities(), City::id, "城市");
        Map<String, Exemplar> exemplarById = unique(in.exemplars(), Exemplar::id, "人物");
        Map<String, Merchant> merchantById = unique(in.merchants(), Merchant::id, "商家");
        Map<String, Article> articleBySlug = unique(in.articles(), Article::slug, "文章网址（slug）");

        for (Located<City> c : in.cities()) checkMedia(c, "image", c.value().image(), in.media());
        for (Located<Exemplar> e : in.exemplars()) {
            checkRef(e, "city", e.value().city(), cityById.keySet(), "城市", "data/cities");
            checkMedia(e, "photo", e.value().photo(), in.media());
        }
        for (Located<Merchant> m : in.merchants()) {
            checkRef(m, "city", m.value().city(), cityById.keySet(), "城市", "data/cities");
        }
        for (Located<Article> a : in.articles()) {
            for (String c : a.value().cities()) checkRef(a, "cities", c, cityById.keySet(), "城市", "data/cities");
            for (String e : a.value().exemplars()) {
                checkRef(a, "exemplars", e, exemplarById.keySet(), "人物", "data/exemplars");
            }
            checkMedia(a, "cover", a.value().cover(), in.media());
        }

        List<Article> articles = articleBySlug.values().stream()
                .filter(publication::isVisible)
                .sorted(Comparator.comparing(Article::date).reversed().thenComparing(Article::slug))
                .toList();
        List<City> cities = cityById.values().stream()
                .sorted(Comparator.comparingInt(City::nationalCount).reversed()
                        .thenComparing(Comparator.comparingInt(SiteAssembler::totalHonors).reversed())
                        .thenComparing(City::id))
                .toList();
        List<Exemplar> exemplars = exemplarById.values().stream()
                .sorted(Comparator.comparingInt((Exemplar e) -> categoryRank(e.category()))
                        .thenComparing(Exemplar::category)
                        .thenComparing(Exemplar::id))
                .toList();
        List<Merchant> merchants = merchantById.values().stream()
                .filter(m -> m.listedOn(publication.now().toLocalDate()))
                .sorted(Comparator.comparing(Merchant::city).thenComparing(Merchant::id))
                .toList();

        List<TermIndex> columns = terms(in.articles(), articles, a -> a.column() == null ? List.of() : List.of(a.column()), "column");
        List<TermIndex> tags = terms(in.articles(), articles, Article::tags, "tags");
        Map<String, List<Article>> articlesByCity = group(articles, Article::cities);
        Map<String, List<Article>> articlesByExemplar = group(articles, Article::exemplars);
        Map<String, List<Exemplar>> exemplarsByCity = group(exemplars, e -> e.city() == null ? List.of() : List.of(e.city()));
        Map<String, List<Merchant>> merchantsByCity = group(merchants, m -> List.of(m.city()));

        Map<String, Neighbours> neighbours = RelatedArticles.of(articles, tags, articlesByCity, articlesByExemplar, related);
        return new Site(in.settings(), publication, articles, cities, exemplars, merchants, columns, tags,
                in.media(), Map.copyOf(cityById), Map.copyOf(exemplarById), articlesByCity, articlesByExemplar,
                exemplarsByCity, merchantsByCity, neighbours);
    }

    private static int totalHonors(City c) {
        return c.honors().stream().mapToInt(Honor::count).sum();
    }

    private static int categoryRank(String category) {
        int i = CATEGORY_ORDER.indexOf(category);
        return i < 0 ? CATEGORY_ORDER.size() : i;
    }

    /** Items by key; a key seen twice is an error at the second place, naming the first. */
    private <T> Map<String, T> unique(List<Located<T>> items, Function<T, String> key, String what) {
        Map<String, T> out = new TreeMap<>();
        Map<String, Located<T>> first = new HashMap<>();
        String field = what.startsWith("文章") ? "slug" : "id";
        for (Located<T> item : items) {
            String k = key.apply(item.value());
            if (first.containsKey(k)) {
                // places are looked up only for a duplicate: finding one may mean reading the file again
                Place here = item.where().at(field);
                Place there = first.get(k).where().at(field);
                String hint = field.equals("slug") ? "；没写 slug 的文章以文件名或标题的拼音作网址，请在 front matter 中写不同的 slug" : "";
                problems.error(here, what + "“" + k + "”重复：" + there + " 已经使用了它" + hint);
                problems.error(there, what + "“" + k + "”重复：" + here + " 也使用了它" + hint);
            } else {
                first.put(k, item);
                out.put(k, item.value());
            }
        }
        return out;
    }

    private void checkRef(Located<?> item, String key, String id, Set<String> known, String what, String folder) {
        if (id == null || known.contains(id)) return;
        String hint = Suggestions.nearest(id, known).map(k -> "，是否应为“" + k + "”？").orElse("");
        problems.error(item.where().at(key, id),
                "找不到" + what + "“" + id + "”（content/" + folder + "/ 中没有这个 id）" + hint);
    }

    private void checkMedia(Located<?> item, String key, String path, Set<String> media) {
        if (path == null || media.contains(path)) return;
        problems.error(item.where().at(key), "找不到文件 content/media/" + path);
    }

    /**
     * Columns or tags with their articles; two names with one slug (e.g. 双拥动态 and 双拥 动态) would share a
     * page, so that is an error at the later use.
     */
    private List<TermIndex> terms(List<Located<Article>> all, List<Article> visible, Function<Article, List<Term>> of,
                                  String key) {
        Map<String, Term> bySlug = new HashMap<>();
        for (Located<Article> a : all) {
            List<Term> terms = of.apply(a.value());
            for (Term t : terms) {
                Term seen = bySlug.putIfAbsent(t.slug(), t);
                if (seen != null && !seen.name().equals(t.name())) {
                    problems.error(a.where().at(key, t.name()), "“" + t.name() + "”与“"
                            + seen.name() + "”的网址相同（" + t.slug() + "），请统一写法");
                }
            }
        }
        Map<String, List<Article>> bySlugArticles = new HashMap<>();
        for (Article a : visible) {
            for (Term t : of.apply(a)) bySlugArticles.computeIfAbsent(t.slug(), x -> new ArrayList<>()).add(a);
        }
        return bySlugArticles.entrySet().stream()
                .map(e -> new TermIndex(bySlug.get(e.getKey()), List.copyOf(e.getValue())))
                .sorted(Comparator.comparingInt((TermIndex t) -> t.articles().size()).reversed()
                        .thenComparing(TermIndex::slug))
                .toList();
    }

    /** Items grouped by each of their keys, keeping the items' order. */
    private static <T> Map<String, List<T>> group(List<T> items, Function<T, List<String>> keys) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        for (T item : items) for (String k : keys.apply(item)) out.computeIfAbsent(k, x -> new ArrayList<>()).add(item);
        out.replaceAll((k, v) -> List.copyOf(v));
        return java.util.Collections.unmodifiableMap(out);
    }
}
