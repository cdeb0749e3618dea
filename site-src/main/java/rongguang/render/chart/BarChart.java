package rongguang.render.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A ranked horizontal bar chart with its SVG geometry computed: one row a bar, the label left of it, the value at
 * its end, light grid lines at round steps. Templates draw it ({@code charts.ftlh}) without any arithmetic.
 *
 * @param id          unique on its page; the SVG's title and description take ids from it
 * @param labelHeader the heading of the label column in the data table, e.g. 城市
 * @param valueHeader the heading of the value column, e.g. 全国双拥模范城称号次数
 * @param plotX       where bars start; labels end a little left of it, at {@code labelX}
 */
public record BarChart(String id, String title, String description, String labelHeader, String valueHeader,
                       String width, String height, String plotX, String labelX, String plotBottom,
                       List<Bar> bars, List<Tick> ticks) {

    static final double WIDTH = 480;
    static final double FONT = 15;
    static final double ROW = 28;
    static final double BAR = 18;
    static final double TOP = 4;
    static final double AXIS = 24;
    static final double VALUE_ROOM = 48;
    static final double MAX_LABEL_EMS = 9;

    /**
     * One bar: its label (as drawn, cut when too long, and in full for the table) and value, and where to draw
     * them.
     */
    public record Bar(String label, String shortLabel, int value, String valueText, String y, String height,
                      String width, String textY, String valueX) {}

    /** A grid line at {@code x} with its value. */
    public record Tick(String x, String label) {}

    /** What a bar stands for, before layout. */
    public record Datum(String label, int value) {}

    public int total() {
        return bars.stream().mapToInt(Bar::value).sum();
    }

    public String tickLabelY() {
        return Svg.num(Double.parseDouble(plotBottom) + AXIS - 7);
    }

    /**
     * Lays out {@code data} ranked: the largest value first; equal values keep the order they came in (so the
     * caller's order, e.g. the honor roll's, decides ties). {@code unit} follows each value: 9次, 8家.
     */
    public static BarChart ranked(String id, String title, String description, String labelHeader,
                                  String valueHeader, String unit, List<Datum> data) {
        List<Datum> sorted = new ArrayList<>(data);
        sorted.sort(Comparator.comparingInt(Datum::value).reversed());
        int max = sorted.stream().mapToInt(Datum::value).max().orElse(0);
        int step = step(max);
        int top = Math.max(step, (max + step - 1) / step * step);
        double widest = sorted.stream().mapToDouble(d -> Svg.ems(d.label())).max().orElse(2);
        double left = Math.ceil(Math.min(widest, MAX_LABEL_EMS) * FONT) + 12;
        double scale = (WIDTH - left - VALUE_ROOM) / top;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Datum d = sorted.get(i);
            double y = TOP + i * ROW + (ROW - BAR) / 2;
            double w = d.value() * scale;
            bars.add(new Bar(d.label(), Svg.fit(d.label(), MAX_LABEL_EMS), d.value(), d.value() + unit,
                    Svg.num(y), Svg.num(BAR), Svg.num(w), Svg.num(y + BAR / 2 + FONT * 0.36), Svg.num(left + w + 5)));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int v = 0; v <= top; v += step) ticks.add(new Tick(Svg.num(left + v * scale), Integer.toString(v)));
        double bottom = TOP + sorted.size() * ROW;
        return new BarChart(id, title, description, labelHeader, valueHeader, Svg.num(WIDTH),
                Svg.num(bottom + AXIS), Svg.num(left), Svg.num(left - 6), Svg.num(bottom), List.copyOf(bars),
                List.copyOf(ticks));
    }

    /** A round step giving at most six grid intervals: 1, 2, 5, 10, 20, 50 … */
    static int step(int max) {
        for (int step = 1; ; step *= 10) {
            for (int f : new int[] {1, 2, 5}) {
                if (max <= 6 * step * f) return step * f;
            }
        }
    }
}
