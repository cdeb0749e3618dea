package rongguang.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import rongguang.hash.Hash128;
import rongguang.model.City;
import rongguang.model.Exemplar;
import rongguang.model.Honor;
import rongguang.model.Site;

/**
 * What the honor display at {@code /display/} shows, slide by slide: the model cities with honors, the exemplars,
 * and the latest honors (those with a year) a few to a slide. {@code version} is a digest of all of it and of the
 * theme's display files: the display polls {@code display/version.json} and reloads when a rebuilt site shows
 * something else, or shows it differently.
 */
public record DisplayDeck(String title, int interval, String version, List<City> cities,
                          List<ExemplarSlide> exemplars, List<List<RecentHonor>> honors) {

    static final String DEFAULT_TITLE = "双拥荣誉展示";
    static final int HONORS_PER_SLIDE = 6;
    static final int RECENT_HONORS = 12;

    /** An exemplar with the name of their city (null when none). */
    public record ExemplarSlide(Exemplar exemplar, String cityName) {}

    /** One award with its year: a city's latest 全国双拥模范城 (with its streak), an exemplar's title. */
    public record RecentHonor(int year, String who, String title, String streak) {}

    /** The files of the theme that make the display, whose changes a running screen should pick up. */
    static final List<String> THEME_FILES = List.of("display.ftlh", "assets/display.js", "assets/display.css");

    /** A digest of the theme's display files ({@link #THEME_FILES}), those that exist. */
    public static String themeStamp(Path templatesDir) throws IOException {
        Hash128 md = new Hash128();
        for (String name : THEME_FILES) {
            Path file = templatesDir.resolve(name);
            md.update(name);
            md.update(Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0]);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static DisplayDeck of(Site site, String themeStamp) {
        String title = site.settings().display().title();
        if (title == null || title.isBlank()) title = DEFAULT_TITLE;
        List<City> cities = site.cities().stream().filter(c -> !c.honors().isEmpty()).toList();
        List<ExemplarSlide> exemplars = site.exemplars().stream().map(e -> new ExemplarSlide(e,
                site.city(e.city()) == null ? null : site.city(e.city()).name())).toList();
        List<List<RecentHonor>> honors = pages(recent(site));
        DisplayDeck unversioned = new DisplayDeck(title, site.settings().display().interval(), "", cities, exemplars,
                honors);
        String version = HexFormat.of().formatHex(new Digests().of(List.of(unversioned, site.settings().title(),
                site.settings().organization(), site.settings().language(), themeStamp)));
        return new DisplayDeck(title, unversioned.interval(), version, cities, exemplars, honors);
    }

    /** The latest dated honors, newest first; in a year, cities in honor-roll order, then exemplars. */
    static List<RecentHonor> recent(Site site) {
        List<RecentHonor> all = new ArrayList<>();
        for (City c : site.cities()) {
            for (Honor h : c.honors()) {
                h.years().stream().max(Integer::compare).ifPresent(year ->
                        all.add(new RecentHonor(year, c.name(), h.title(), h.streakLabel())));
            }
        }
        for (Exemplar e : site.exemplars()) {
            for (Exemplar.Title t : e.titles()) {
                if (t.year() != null) {
                    String title = (t.edition() == null ? "" : t.edition()) + t.title();
                    all.add(new RecentHonor(t.year(), e.name(), title, null));
                }
            }
        }
        all.sort(Comparator.comparingInt(RecentHonor::year).reversed());
        return all.subList(0, Math.min(RECENT_HONORS, all.size()));
    }

    private static List<List<RecentHonor>> pages(List<RecentHonor> honors) {
        List<List<RecentHonor>> pages = new ArrayList<>();
        for (int i = 0; i < honors.size(); i += HONORS_PER_SLIDE) {
            pages.add(List.copyOf(honors.subList(i, Math.min(honors.size(), i + HONORS_PER_SLIDE))));
        }
        return List.copyOf(pages);
    }

    public int slideCount() {
        return cities.size() + exemplars.size() + honors.size();
    }
}
