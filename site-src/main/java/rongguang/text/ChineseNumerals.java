package rongguang.text;

/** Chinese numerals as written in honor streaks: 7 → 七, 10 → 十, 12 → 十二, 21 → 二十一. */
public final class ChineseNumerals {
    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {}

    public static String of(int n) {
        if (n < 0 || n > 999) throw new IllegalArgumentException("out of range: " + n);
        if (n < 10) return String.valueOf(DIGITS.charAt(n));
        if (n < 20) return "十" + (n % 10 == 0 ? "" : DIGITS.charAt(n % 10));
        if (n < 100) return DIGITS.charAt(n / 10) + "十" + (n % 10 == 0 ? "" : DIGITS.charAt(n % 10));
        int rest = n % 100;
        String tail = rest == 0 ? "" : rest < 10 ? "零" + DIGITS.charAt(rest) : rest < 20 ? "一" + of(rest) : of(rest);
        return DIGITS.charAt(n / 100) + "百" + tail;
    }

    /** 七连冠 for a consecutive honor won 7 times. */
    public static String streak(int count) {
        return of(count) + "连冠";
    }
}
