package rongguang.model;

import java.util.List;
import rongguang.text.ChineseNumerals;

/** A title awarded to a city, e.g. 全国双拥模范城, national, 7 times in a row. */
public record Honor(Level level, String title, int count, boolean consecutive, List<Integer> years, String note) {

    public enum Level implements Keyed {
        NATIONAL("national", "全国"),
        PROVINCIAL("provincial", "省级"),
        MUNICIPAL("municipal", "市级");

        private final String key;
        private final String label;

        Level(String key, String label) {
            this.key = key;
            this.label = label;
        }

        @Override
        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

    }

    /** 七连冠 for a consecutive honor won at least twice, else null. */
    public String streakLabel() {
        return consecutive && count >= 2 ? ChineseNumerals.streak(count) : null;
    }

    /** 七连冠, or 8次 / 1次 for honors that are not a streak. */
    public String countLabel() {
        String streak = streakLabel();
        return streak != null ? streak : count + "次";
    }

    public boolean national() {
        return level == Level.NATIONAL;
    }
}
