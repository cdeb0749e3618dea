package rongguang.model;

import java.util.List;

/** A veteran or support exemplar (最美退役军人, 最美拥军人物 …). {@code storyHtml} is sanitized HTML. */
public record Exemplar(
        String id,
        String name,
        String category,
        String summary,
        String city,
        List<Title> titles,
        String role,
        String service,
        String storyHtml,
        String photo,
        String source) {

    public record Title(String title, Integer year, String issuer, String edition) {
        /** 2021年 第四届 全国最美拥军人物, with whatever parts are known. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            if (year != null) sb.append(year).append("年 ");
            if (edition != null) sb.append(edition);
            sb.append(title);
            return sb.toString();
        }
    }

    public String url() {
        return "exemplars/" + id + "/";
    }

    /** The first character of the name, for the placeholder portrait. */
    public String initial() {
        return name.substring(0, name.offsetByCodePoints(0, 1));
    }
}
