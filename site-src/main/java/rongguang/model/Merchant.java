package rongguang.model;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/** An alliance merchant (拥军联盟商家) and the offers it gives on showing a credential. */
public record Merchant(
        String id,
        String name,
        String city,
        String district,
        String category,
        String address,
        Location location,
        String phone,
        List<Offer> offers,
        List<String> credentials,
        String alliance,
        LocalDate since,
        LocalDate reviewUntil,
        String source) {

    public record Offer(List<String> groups, String text, java.math.BigDecimal discount, boolean free) {
        /** 8.5折, 免费, or null. */
        public String label() {
            if (free) return "免费";
            return discount == null ? null : discount.stripTrailingZeros().toPlainString() + "折";
        }
    }

    public String url() {
        return "merchants/" + id + "/";
    }

    /** Every beneficiary group any offer is for, in a stable order. */
    public List<String> groups() {
        TreeSet<String> all = new TreeSet<>(Groups.ORDER);
        offers.forEach(o -> all.addAll(o.groups()));
        return List.copyOf(all);
    }

    /** Listed in the public directory on {@code today}: membership not lapsed. */
    public boolean listedOn(LocalDate today) {
        return reviewUntil == null || !reviewUntil.isBefore(today);
    }

    /** The usual order of beneficiary groups, then others by code point. */
    public static final class Groups {
        private static final List<String> KNOWN = List.of("现役军人", "退役军人", "军属", "烈属", "其他优抚对象");
        public static final java.util.Comparator<String> ORDER = java.util.Comparator
                .comparingInt((String g) -> KNOWN.contains(g) ? KNOWN.indexOf(g) : KNOWN.size())
                .thenComparing(java.util.Comparator.naturalOrder());

        private Groups() {}
    }
}
