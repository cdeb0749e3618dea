package rongguang.render.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rongguang.model.City;
import rongguang.model.Merchant;
import rongguang.model.Site;

/** The charts of the default theme, made from the model. */
public final class Charts {
    private Charts() {}

    /** The honor roll as bars: each city's national titles, cities without one left out. */
    public static BarChart nationalHonors(List<City> cities) {
        List<BarChart.Datum> data = cities.stream().filter(c -> c.nationalCount() > 0)
                .map(c -> new BarChart.Datum(c.name(), c.nationalCount())).toList();
        return BarChart.ranked("chart-national", "获评全国双拥模范城（县、区）的次数",
                data.size() + "个城市（县、区）获评全国双拥模范城，按次数从多到少排列" + most(data, "次")
                        + "各城市的次数见图下的数据表。",
                "城市", "全国称号次数", "次", data);
    }

    public static BarChart merchantsByCategory(Site site) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String category : site.merchantCategories()) counts.put(category, 0);
        for (Merchant m : site.merchants()) counts.merge(m.category(), 1, Integer::sum);
        List<BarChart.Datum> data = counts.entrySet().stream()
                .map(e -> new BarChart.Datum(e.getKey(), e.getValue())).toList();
        return BarChart.ranked("chart-merchant-categories", "各类别的拥军优待商家数",
                site.merchants().size() + "家商家分属" + data.size() + "个类别，按商家数从多到少排列" + most(data, "家")
                        + "各类别的数字见图下的数据表。",
                "类别", "商家数", "家", data);
    }

    public static BarChart merchantsByCity(Site site) {
        List<BarChart.Datum> data = site.merchantCities().stream()
                .map(c -> new BarChart.Datum(c.name(), site.merchantsOfCity(c.id()).size())).toList();
        return BarChart.ranked("chart-merchant-cities", "各城市的拥军优待商家数",
                site.merchants().size() + "家商家分布在" + data.size() + "个城市（县、区），按商家数从多到少排列"
                        + most(data, "家") + "各城市的数字见图下的数据表。",
                "城市", "商家数", "家", data);
    }

    /** "；最多的是保定市、邯郸市（9次）。" — the leaders, or nothing for no data. */
    private static String most(List<BarChart.Datum> data, String unit) {
        int max = data.stream().mapToInt(BarChart.Datum::value).max().orElse(0);
        if (max == 0) return "。";
        List<String> leaders = data.stream().filter(d -> d.value() == max).map(BarChart.Datum::label).toList();
        return "；最多的是" + String.join("、", leaders) + "（" + max + unit + "）。";
    }
}
