package rongguang.render;

import freemarker.core.Environment;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.List;
import java.util.Set;
import rongguang.model.Site;

/**
 * Which parts of {@code site} a page read while it was rendered. Templates may reach anything through
 * {@code site}; recording the members they touch (settings, cities, merchantCategories …) lets the next build know
 * that an article's page does not change when a merchant does, without a list of dependencies to keep up by hand.
 */
final class SiteDependencies {
    private static final String MEMBERS = "rongguang.siteMembers";

    private SiteDependencies() {}

    /** Starts recording for the page rendered in {@code env}. */
    static void record(Environment env, Set<String> members) {
        Recorded.start(env, MEMBERS, members);
    }

    /** Notes that the page being rendered on this thread depends on {@code member} (an asset, a media file). */
    static void note(String member) {
        Recorded.add(MEMBERS, member);
    }

    /** The {@code site} seen by templates: the usual bean, noting each member read. */
    static TemplateModel tracked(TemplateHashModel site, Object adapted) {
        return new Tracked(site, adapted);
    }

    /**
     * The value a member stands for, to be digested: the member itself when it takes no argument, else the
     * collection its answers come from ({@code city(id)} reads the cities).
     */
    static Object valueOf(Site site, String member) {
        return switch (member) {
            case "settings" -> site.settings();
            case "today" -> site.today();
            case "preview" -> site.preview();
            case "articles", "articlesOfCity", "articlesOfExemplar", "neighbours" -> site.articles();
            case "cities", "city" -> site.cities();
            case "exemplars", "exemplar", "exemplarsOfCity" -> site.exemplars();
            case "merchants", "merchantsOfCity" -> site.merchants();
            case "columns" -> site.columns();
            case "tags" -> site.tags();
            case "media" -> site.media();
            // badge(article) answers for the article the page already shows; what can change is which ones have one
            case "badge" -> site.articles().stream().filter(a -> site.badge(a) != null)
                    .map(a -> a.slug() + ":" + site.badge(a)).toList();
            case "merchantCategories" -> site.merchantCategories();
            case "merchantCities" -> site.merchantCities();
            case "merchantGroups" -> site.merchantGroups();
            // a member not listed here: count on everything
            default -> List.of(site.settings(), site.articles(), site.cities(), site.exemplars(), site.merchants(),
                    site.columns(), site.tags(), site.media(), site.today(), site.preview());
        };
    }

    /**
     * Whether a member is made of the visible articles in order, digested by where each shows, and of what the
     * shape of the site covers ({@link Fingerprints#shape}): then two builds of the same shape whose articles differ
     * at most in their text see the same value, and its digest need not be worked out again.
     */
    static boolean followsFromPlaces(String member) {
        return switch (member) {
            case "articles", "articlesOfCity", "articlesOfExemplar", "neighbours", "columns", "tags", "badge" -> true;
            default -> false;
        };
    }

    private static final class Tracked implements TemplateHashModel, AdapterTemplateModel {
        private final TemplateHashModel site;
        private final Object adapted;

        Tracked(TemplateHashModel site, Object adapted) {
            this.site = site;
            this.adapted = adapted;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            note(key);
            return site.get(key);
        }

        @Override
        public boolean isEmpty() throws TemplateModelException {
            return site.isEmpty();
        }

        @Override
        public Object getAdaptedObject(Class<?> hint) {
            return adapted;
        }
    }
}
