package rongguang.render;

import java.util.List;
import rongguang.model.Merchant;
import rongguang.model.Site;

/** The merchant directory as JSON, for the filters on /merchants/ (and for anyone who wants the data). */
record MerchantIndex(List<Entry> merchants) {

    record Entry(String id, String name, String url, String city, String cityName, String district, String category,
                 String address, List<String> groups, List<String> offers) {}

    static MerchantIndex of(Site site) {
        return new MerchantIndex(site.merchants().stream().map(m -> entry(site, m)).toList());
    }

    private static Entry entry(Site site, Merchant m) {
        List<String> offers = m.offers().stream()
                .map(o -> String.join("、", o.groups()) + (o.label() == null ? "" : " " + o.label()) + "：" + o.text())
                .toList();
        return new Entry(m.id(), m.name(), m.url(), m.city(), site.city(m.city()).name(), m.district(), m.category(),
                m.address(), m.groups(), offers);
    }
}
