package rongguang.render.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** SVG coordinates written the same on every machine: one decimal at most, a dot, no exponent. */
final class Svg {
    private Svg() {}

    static String num(double value) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /**
     * The width of a text in units of its font size: CJK and other wide characters count one, Latin letters and
     * digits about half. Good enough to leave room for labels, which is all it is used for.
     */
    static double ems(String text) {
        double w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += width(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** {@code text} cut to at most {@code ems} wide, with an ellipsis when cut. */
    static String fit(String text, double ems) {
        if (ems(text) <= ems) return text;
        StringBuilder sb = new StringBuilder();
        double w = 1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (w + width(cp) > ems) break;
            w += width(cp);
            sb.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return sb.append('…').toString();
    }

    private static double width(int cp) {
        return cp < 0x1100 ? 0.6 : 1.0;
    }
}
