package rongguang.load;

import java.util.List;
import java.util.Set;
import rongguang.model.City;
import rongguang.model.Exemplar;
import rongguang.model.Honor;
import rongguang.model.Keyed;
import rongguang.model.Location;
import rongguang.model.Merchant;
import rongguang.model.Stat;

/** Turns the objects of {@code data/cities}, {@code data/exemplars} and {@code data/merchants} into model records. */
final class DataReaders {
    private static final Set<String> CITY_KEYS = Set.of("id", "name", "province", "kind", "honors", "target",
            "summary", "stats", "location", "image");
    private static final Set<String> HONOR_KEYS = Set.of("level", "title", "count", "consecutive", "years", "note");
    private static final Set<String> STAT_KEYS = Set.of("label", "value", "unit", "qualifier");
    private static final Set<String> LOCATION_KEYS = Set.of("lat", "lng");
    private static final Set<String> EXEMPLAR_KEYS = Set.of("id", "name", "category", "summary", "city", "titles",
            "role", "service", "story", "photo");
    private static final Set<String> TITLE_KEYS = Set.of("title", "year", "issuer", "edition");
    private static final Set<String> MERCHANT_KEYS = Set.of("id", "name", "city", "district", "category", "address",
            "location", "phone", "offers", "credentials", "alliance", "since", "reviewUntil");
    private static final Set<String> OFFER_KEYS = Set.of("for", "text", "discount", "free");

    private final Markdown markdown;

    DataReaders(Markdown markdown) {
        this.markdown = markdown;
    }

    City city(Fields f) {
        f.warnUnknown(CITY_KEYS);
        String id = f.id("id", true);
        String name = f.string("name", true);
        String province = f.string("province", true);
        City.Kind kind = City.Kind.CITY;
        String kindKey = f.string("kind", false);
        if (kindKey != null) {
            kind = Keyed.byKey(City.Kind.class, kindKey);
            if (kind == null) f.error("kind", "“kind”应为 city、county 或 district，实际是“" + kindKey + "”");
        }
        if (!f.has("honors")) f.errorHere("缺少必填的键“honors”（没有荣誉时写 []）");
        List<Honor> honors = f.objects("honors", false, this::honor);
        List<Stat> stats = f.objects("stats", false, this::stat);
        Location location = location(f);
        String image = media(f, "image");
        if (id == null || name == null || province == null || kind == null) return null;
        return new City(id, name, province, kind, honors, f.string("target", false), f.string("summary", false),
                stats, location, image, f.tree().file);
    }

    private Honor honor(Fields f) {
        f.warnUnknown(HONOR_KEYS);
        String levelKey = f.string("level", true);
        Honor.Level level = levelKey == null ? null : Keyed.byKey(Honor.Level.class, levelKey);
        if (levelKey != null && level == null) {
            f.error("level", "“level”应为 national、provincial 或 municipal，实际是“" + levelKey + "”");
        }
        String title = f.string("title", true);
        List<Integer> years = years(f);
        Integer count = f.integer("count", 1, 99);
        Boolean consecutive = f.bool("consecutive");
        if (level == null || title == null) return null;
        int n = count != null ? count : Math.max(1, years.size());
        return new Honor(level, title, n, Boolean.TRUE.equals(consecutive), years, f.string("note", false));
    }

    private static List<Integer> years(Fields f) {
        if (!f.has("years")) return List.of();
        List<Integer> years = f.integers("years", 1949, 2100);
        return years.stream().sorted().distinct().toList();
    }

    private Stat stat(Fields f) {
        f.warnUnknown(STAT_KEYS);
        String label = f.string("label", true);
        var value = f.decimal("value", true);
        if (label == null || value == null) return null;
        return new Stat(label, value, f.string("unit", false), f.string("qualifier", false));
    }

    private static Location location(Fields f) {
        Fields loc = f.object("location", false);
        if (loc == null) return null;
        loc.warnUnknown(LOCATION_KEYS);
        Double lat = loc.number("lat", true);
        Double lng = loc.number("lng", true);
        if (lat != null && (lat < -90 || lat > 90)) {
            loc.error("lat", "纬度 lat 应在 -90 到 90 之间");
            return null;
        }
        if (lng != null && (lng < -180 || lng > 180)) {
            loc.error("lng", "经度 lng 应在 -180 到 180 之间");
            return null;
        }
        return lat == null || lng == null ? null : new Location(lat, lng);
    }

    static String media(Fields f, String key) {
        String ref = f.string(key, false);
        if (ref == null) return null;
        String path = MediaPaths.normalize(ref);
        if (path == null) f.error(key, "“" + key + "”应为 media/ 下的相对路径，如 photos/a.jpg，实际是“" + ref + "”");
        return path;
    }

    Exemplar exemplar(Fields f) {
        f.warnUnknown(EXEMPLAR_KEYS);
        String id = f.id("id", true);
        String name = f.string("name", true);
        String category = f.string("category", true);
        String summary = f.string("summary", true);
        String city = f.id("city", false);
        List<Exemplar.Title> titles = f.objects("titles", false, t -> {
            t.warnUnknown(TITLE_KEYS);
            String title = t.string("title", true);
            Integer year = t.integer("year", 1900, 2100);
            return title == null ? null
                    : new Exemplar.Title(title, year, t.string("issuer", false), t.string("edition", false));
        });
        String story = f.string("story", false);
        String storyHtml = story == null ? null : markdown.render(story).html();
        String photo = media(f, "photo");
        if (id == null || name == null || category == null || summary == null) return null;
        return new Exemplar(id, name, category, summary, city, titles, f.string("role", false),
                f.string("service", false), storyHtml, photo, f.tree().file);
    }

    Merchant merchant(Fields f) {
        f.warnUnknown(MERCHANT_KEYS);
        String id = f.id("id", true);
        String name = f.string("name", true);
        String city = f.id("city", true);
        String category = f.string("category", true);
        String address = f.string("address", true);
        if (f.has("offers") && f.isEmptyList("offers")) f.error("offers", "“offers”至少要有一项优惠");
        List<Merchant.Offer> offers = f.objects("offers", true, this::offer);
        var since = f.date("since", false);
        var reviewUntil = f.date("reviewUntil", false);
        if (id == null || name == null || city == null || category == null || address == null || offers.isEmpty()) {
            return null;
        }
        return new Merchant(id, name, city, f.string("district", false), category, address, location(f),
                f.string("phone", false), offers, f.strings("credentials"), f.string("alliance", false), since,
                reviewUntil, f.tree().file);
    }

    private Merchant.Offer offer(Fields f) {
        f.warnUnknown(OFFER_KEYS);
        if (!f.has("for")) f.errorHere("缺少必填的键“for”（优惠对象，如 [\"现役军人\", \"退役军人\"]）");
        List<String> groups = f.strings("for");
        if (f.has("for") && groups.isEmpty()) f.error("for", "“for”至少要有一个优惠对象");
        String text = f.string("text", true);
        var discount = f.decimal("discount", false);
        if (discount != null && (discount.signum() <= 0 || discount.compareTo(java.math.BigDecimal.TEN) >= 0)) {
            f.error("discount", "“discount”是折扣（8.5 即八五折），应大于 0 且小于 10，实际是 "
                    + discount.stripTrailingZeros().toPlainString());
            discount = null;
        }
        Boolean free = f.bool("free");
        if (groups.isEmpty() || text == null) return null;
        return new Merchant.Offer(groups, text, discount, Boolean.TRUE.equals(free));
    }
}
