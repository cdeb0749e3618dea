package rongguang.model;

import java.math.BigDecimal;

/** A headline figure: 1805 个 with qualifier 余 reads 1805余个; 近 / 超 / 约 go before the number. */
public record Stat(String label, BigDecimal value, String unit, String qualifier) {

    public String valueText() {
        return value.stripTrailingZeros().toPlainString();
    }

    /** The figure as written in Chinese: 近4万个, 1000余万元, 超2万人次. */
    public String text() {
        String q = qualifier == null ? "" : qualifier;
        String u = unit == null ? "" : unit;
        boolean after = q.equals("余") || q.equals("多");
        if (after && u.length() > 1 && (u.startsWith("万") || u.startsWith("亿"))) {
            return valueText() + q + u;
        }
        return after ? valueText() + q + u : q + valueText() + u;
    }
}
