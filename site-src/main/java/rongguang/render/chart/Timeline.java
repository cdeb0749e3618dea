package rongguang.render.chart;

import java.util.ArrayList;
import java.util.List;
import rongguang.model.City;
import rongguang.model.Honor;

/**
 * A city's honors on a line of years, one row per honor that lists its {@code years}: a dot and the year for each
 * award, and for a streak (连冠) a band joining them. Geometry for {@code charts.ftlh}.
 */
public record Timeline(String id, String title, String description, String width, String height, String labelX,
                       String lineFrom, String lineTo, List<Row> rows) {

    static final double WIDTH = 480;
    static final double FONT = 15;
    static final double ROW = 58;
    static final double PAD = 20;
    /** Room for a year's label (four digits) so neighbours never overlap. */
    static final double YEAR_GAP = 38;

    /** One honor: its name and count, where its line runs and its awards. {@code streakFrom} null unless a streak. */
    public record Row(String title, String shortTitle, String level, String countLabel, String yearsText, String y,
                      String labelY, String countY, String streakFrom, String streakTo, List<Mark> marks) {}

    public record Mark(int year, String x, String labelY) {}

    /** The timeline of {@code city}, or null when none of its honors lists years. */
    public static Timeline of(City city) {
        List<Honor> dated = city.honors().stream().filter(h -> !h.years().isEmpty()).toList();
        if (dated.isEmpty()) return null;
        List<Integer> all = dated.stream().flatMap(h -> h.years().stream()).sorted().toList();
        int first = all.get(0);
        int last = all.get(all.size() - 1);
        int closest = Integer.MAX_VALUE;
        for (Honor h : dated) {
            List<Integer> ys = h.years().stream().sorted().toList();
            for (int i = 1; i < ys.size(); i++) closest = Math.min(closest, Math.max(1, ys.get(i) - ys.get(i - 1)));
        }
        double widest = dated.stream().mapToDouble(h -> Svg.ems(h.title())).max().orElse(4);
        double left = Math.ceil(Math.min(widest, 9) * FONT) + 12;
        int span = Math.max(1, last - first);
        double perYear = (WIDTH - left - 2 * PAD) / span;
        if (closest != Integer.MAX_VALUE) perYear = Math.max(perYear, YEAR_GAP / closest);
        double from = left + PAD;
        double width = Math.max(WIDTH, from + span * perYear + PAD);
        double centre = first == last ? (from + width - PAD) / 2 : Double.NaN;

        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < dated.size(); i++) {
            Honor h = dated.get(i);
            double y = i * ROW + ROW / 2 - 6;
            List<Integer> ys = h.years().stream().sorted().distinct().toList();
            List<Mark> marks = new ArrayList<>();
            for (int year : ys) {
                double x = Double.isNaN(centre) ? from + (year - first) * perYear : centre;
                marks.add(new Mark(year, Svg.num(x), Svg.num(y + 24)));
            }
            boolean streak = h.consecutive() && marks.size() >= 2;
            rows.add(new Row(h.title(), Svg.fit(h.title(), 9), h.level().label(), h.countLabel(), joined(ys),
                    Svg.num(y), Svg.num(y - 3), Svg.num(y + FONT + 2), streak ? marks.get(0).x() : null,
                    streak ? marks.get(marks.size() - 1).x() : null, List.copyOf(marks)));
        }
        String description = city.name() + "获评荣誉的年份："
                + String.join("；", rows.stream().map(r -> r.title() + " " + r.yearsText()).toList()) + "。";
        return new Timeline("timeline-" + city.id(), city.name() + "获评双拥荣誉的年份", description, Svg.num(width),
                Svg.num(dated.size() * ROW), Svg.num(left - 6), Svg.num(left), Svg.num(width - 4), List.copyOf(rows));
    }

    private static String joined(List<Integer> years) {
        return String.join("、", years.stream().map(String::valueOf).toList());
    }
}
