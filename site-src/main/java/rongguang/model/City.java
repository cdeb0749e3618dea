package rongguang.model;

import java.util.List;

/** A model city, county or district (双拥模范城 / 县 / 区) and its honors. */
public record City(
        String id,
        String name,
        String province,
        Kind kind,
        List<Honor> honors,
        String target,
        String summary,
        List<Stat> stats,
        Location location,
        String image,
        String source) {

    public enum Kind implements Keyed {
        CITY("city", "城"),
        COUNTY("county", "县"),
        DISTRICT("district", "区");

        private final String key;
        private final String label;

        Kind(String key, String label) {
            this.key = key;
            this.label = label;
        }

        @Override
        public String key() {
            return key;
        }

        /** 城 / 县 / 区, as in 双拥模范城. */
        public String label() {
            return label;
        }

    }

    public String url() {
        return "cities/" + id + "/";
    }

    /** How many times the city has been a national model city, all national honors together. */
    public int nationalCount() {
        return honors.stream().filter(Honor::national).mapToInt(Honor::count).sum();
    }

    /** The honor shown first: the national one with the most awards, else the first. */
    public Honor leadingHonor() {
        return honors.stream()
                .max(java.util.Comparator.comparingInt((Honor h) -> h.national() ? 1 : 0)
                        .thenComparingInt(Honor::count))
                .orElse(null);
    }

    public boolean hasYears() {
        return honors.stream().anyMatch(h -> !h.years().isEmpty());
    }
}
