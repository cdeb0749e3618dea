package rongguang.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The immutable site: published articles, cities, exemplars, listed merchants and taxonomies, with the indexes
 * that link them. Built by {@link SiteAssembler}; read by templates.
 */
public final class Site {
    private final Settings settings;
    private final Publication publication;
    private final List<Article> articles;
    private final List<City> cities;
    private final List<Exemplar> exemplars;
    private final List<Merchant> merchants;
    private final List<TermIndex> columns;
    private final List<TermIndex> tags;
    private final Set<String> media;
    private final Map<String, City> cityById;
    private final Map<String, Exemplar> exemplarById;
    private final Map<String, List<Article>> articlesByCity;
    private final Map<String, List<Article>> articlesByExemplar;
    private final Map<String, List<Exemplar>> exemplarsByCity;
    private final Map<String, List<Merchant>> merchantsByCity;
    private final Map<String, Neighbours> neighbours;

    Site(Settings settings, Publication publication, List<Article> articles, List<City> cities,
         List<Exemplar> exemplars, List<Merchant> merchants, List<TermIndex> columns, List<TermIndex> tags,
         Set<String> media, Map<String, City> cityById, Map<String, Exemplar> exemplarById,
         Map<String, List<Article>> articlesByCity, Map<String, List<Article>> articlesByExemplar,
         Map<String, List<Exemplar>> exemplarsByCity, Map<String, List<Merchant>> merchantsByCity,
         Map<String, Neighbours> neighbours) {
        this.settings = settings;
        this.publication = publication;
        this.articles = articles;
        this.cities = cities;
        this.exemplars = exemplars;
        this.merchants = merchants;
        this.columns = columns;
        this.tags = tags;
        this.media = media;
        this.cityById = cityById;
        this.exemplarById = exemplarById;
        this.articlesByCity = articlesByCity;
        this.articlesByExemplar = articlesByExemplar;
        this.exemplarsByCity = exemplarsByCity;
        this.merchantsByCity = merchantsByCity;
        this.neighbours = neighbours;
    }

    public Settings settings() {
        return settings;
    }

    /** The day the build considers today, in the site's time zone. */
    public LocalDate today() {
        return publication.now().toLocalDate();
    }

    public boolean preview() {
        return publication.preview();
    }

    /** Published articles, newest first (in a preview, drafts and scheduled ones too). */
    public List<Article> articles() {
        return articles;
    }

    /** Model cities in honor-roll order: most national titles first. */
    public List<City> cities() {
        return cities;
    }

    public List<Exemplar> exemplars() {
        return exemplars;
    }

    /** Merchants in the public directory (membership not lapsed). */
    public List<Merchant> merchants() {
        return merchants;
    }

    public List<TermIndex> columns() {
        return columns;
    }

    public List<TermIndex> tags() {
        return tags;
    }

    /** Paths under media/, sorted. */
    public Set<String> media() {
        return media;
    }

    public City city(String id) {
        return id == null ? null : cityById.get(id);
    }

    public Exemplar exemplar(String id) {
        return id == null ? null : exemplarById.get(id);
    }

    public List<Article> articlesOfCity(String id) {
        return articlesByCity.getOrDefault(id, List.of());
    }

    public List<Article> articlesOfExemplar(String id) {
        return articlesByExemplar.getOrDefault(id, List.of());
    }

    public List<Exemplar> exemplarsOfCity(String id) {
        return exemplarsByCity.getOrDefault(id, List.of());
    }

    public List<Merchant> merchantsOfCity(String id) {
        return merchantsByCity.getOrDefault(id, List.of());
    }

    public Neighbours neighbours(Article article) {
        return neighbours.get(article.slug());
    }

    /** 草稿 or 定时发布 in a preview; null otherwise. */
    public String badge(Article article) {
        return publication.badge(article);
    }

    // the indexes as they are, for Retelling
    Publication publication() {
        return publication;
    }

    Map<String, City> cityById() {
        return cityById;
    }

    Map<String, Exemplar> exemplarById() {
        return exemplarById;
    }

    Map<String, List<Article>> articlesByCity() {
        return articlesByCity;
    }

    Map<String, List<Article>> articlesByExemplar() {
        return articlesByExemplar;
    }

    Map<String, List<Exemplar>> exemplarsByCity() {
        return exemplarsByCity;
    }

    Map<String, List<Merchant>> merchantsByCity() {
        return merchantsByCity;
    }

    Map<String, Neighbours> neighboursBySlug() {
        return neighbours;
    }

    /** Distinct merchant categories, cities and beneficiary groups, for the directory's filters. */
    public List<String> merchantCategories() {
        return merchants.stream().map(Merchant::category).distinct().sorted().toList();
    }

    public List<City> merchantCities() {
        return cities.stream().filter(c -> merchantsByCity.containsKey(c.id())).toList();
    }

    public List<String> merchantGroups() {
        return merchants.stream().flatMap(m -> m.groups().stream()).distinct().sorted(Merchant.Groups.ORDER).toList();
    }
}
