package rongguang.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import rongguang.model.City;
import rongguang.model.Honor;

/** The geometry the chart templates draw: ranking, proportions, room for labels, the same digits everywhere. */
class ChartGeometryTest {

    private static BarChart chart(List<BarChart.Datum> data) {
        return BarChart.ranked("c", "标题", "说明", "城市", "次数", "次", data);
    }

    @Test
    void barsAreRankedLargestFirstAndTiesKeepTheGivenOrder() {
        BarChart c = chart(List.of(new BarChart.Datum("乙", 3), new BarChart.Datum("甲", 9),
                new BarChart.Datum("丙", 3), new BarChart.Datum("丁", 9)));
        assertThat(c.bars()).extracting(BarChart.Bar::label).containsExactly("甲", "丁", "乙", "丙");
        assertThat(c.bars()).extracting(BarChart.Bar::valueText).containsExactly("9次", "9次", "3次", "3次");
        assertThat(c.total()).isEqualTo(24);
    }

    @Test
    void barLengthsAreProportionalToValuesAndStayInsideTheChart() {
        BarChart c = chart(List.of(new BarChart.Datum("长沙市", 7), new BarChart.Datum("张掖市", 1),
                new BarChart.Datum("保定市", 9)));
        double unit = Double.parseDouble(c.bars().get(2).width());
        assertThat(Double.parseDouble(c.bars().get(0).width())).isCloseTo(9 * unit, org.assertj.core.data.Offset.offset(0.2));
        assertThat(Double.parseDouble(c.bars().get(1).width())).isCloseTo(7 * unit, org.assertj.core.data.Offset.offset(0.2));
        double right = Double.parseDouble(c.plotX()) + Double.parseDouble(c.bars().get(0).width());
        assertThat(right).isLessThan(Double.parseDouble(c.width()) - 30);
        // labels end left of the bars, and rows do not overlap
        assertThat(Double.parseDouble(c.labelX())).isLessThan(Double.parseDouble(c.plotX()));
        double y0 = Double.parseDouble(c.bars().get(0).y());
        double y1 = Double.parseDouble(c.bars().get(1).y());
        assertThat(y1 - y0).isGreaterThan(Double.parseDouble(c.bars().get(0).height()));
        // grid lines 0, 2, 4 … 10 for a maximum of 9
        assertThat(c.ticks()).extracting(BarChart.Tick::label).containsExactly("0", "2", "4", "6", "8", "10");
    }

    @Test
    void roundSteps() {
        assertThat(BarChart.step(0)).isEqualTo(1);
        assertThat(BarChart.step(6)).isEqualTo(1);
        assertThat(BarChart.step(9)).isEqualTo(2);
        assertThat(BarChart.step(30)).isEqualTo(5);
        assertThat(BarChart.step(61)).isEqualTo(20);
        assertThat(BarChart.step(1805)).isEqualTo(500);
    }

    @Test
    void numbersAreWrittenTheSameWhateverTheLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            BarChart c = chart(List.of(new BarChart.Datum("甲", 7), new BarChart.Datum("乙", 3)));
            for (BarChart.Bar b : c.bars()) {
                assertThat(List.of(b.y(), b.width(), b.textY(), b.valueX())).allMatch(s -> s.matches("\\d+(\\.\\d)?"));
            }
        } finally {
            Locale.setDefault(saved);
        }
        assertThat(Svg.num(12.25)).isEqualTo("12.3");
        assertThat(Svg.num(40.0)).isEqualTo("40");
        assertThat(Svg.num(-0.01)).isEqualTo("0");
    }

    @Test
    void longLabelsAreCutForTheDrawingButKeptWholeForTheTable() {
        BarChart c = chart(List.of(new BarChart.Datum("巴音郭楞蒙古自治州双拥模范城", 2)));
        assertThat(c.bars().get(0).label()).isEqualTo("巴音郭楞蒙古自治州双拥模范城");
        assertThat(c.bars().get(0).shortLabel()).endsWith("…").hasSizeLessThanOrEqualTo(9);
    }

    private static City city(Honor... honors) {
        return new City("shiyan", "十堰市", "湖北省", City.Kind.CITY, List.of(honors), null, null, List.of(), null,
                null, null);
    }

    @Test
    void aTimelineHasADotForEachYearAndABandForAStreak() {
        Timeline t = Timeline.of(city(
                new Honor(Honor.Level.NATIONAL, "全国双拥模范城", 4, true, List.of(2020, 2008, 2012, 2016), null),
                new Honor(Honor.Level.PROVINCIAL, "全省双拥模范城", 5, true, List.of(), null),
                new Honor(Honor.Level.PROVINCIAL, "全省双拥模范县", 2, false, List.of(2019, 2020), null)));
        assertThat(t.rows()).hasSize(2);
        Timeline.Row national = t.rows().get(0);
        assertThat(national.marks()).extracting(Timeline.Mark::year).containsExactly(2008, 2012, 2016, 2020);
        assertThat(national.countLabel()).isEqualTo("四连冠");
        assertThat(national.streakFrom()).isEqualTo(national.marks().get(0).x());
        assertThat(national.streakTo()).isEqualTo(national.marks().get(3).x());
        assertThat(t.rows().get(1).streakFrom()).isNull();
        // 2019 and 2020 are a year apart: their labels still get room
        double a = Double.parseDouble(t.rows().get(1).marks().get(0).x());
        double b = Double.parseDouble(t.rows().get(1).marks().get(1).x());
        assertThat(b - a).isGreaterThanOrEqualTo(Timeline.YEAR_GAP - 0.1);
        assertThat(Double.parseDouble(t.width())).isGreaterThanOrEqualTo(b + 10);
        // years on one scale across rows
        double x2020 = Double.parseDouble(national.marks().get(3).x());
        assertThat(x2020).isEqualTo(b);
        assertThat(t.description()).contains("2008、2012、2016、2020");
    }

    @Test
    void noTimelineWithoutYears() {
        assertThat(Timeline.of(city(new Honor(Honor.Level.NATIONAL, "全国双拥模范城", 7, true, List.of(), null)))).isNull();
        assertThat(Timeline.of(city())).isNull();
    }

    @Test
    void aSingleYearSitsInTheMiddle() {
        Timeline t = Timeline.of(city(new Honor(Honor.Level.NATIONAL, "全国双拥模范城", 1, false, List.of(2020), null)));
        double x = Double.parseDouble(t.rows().get(0).marks().get(0).x());
        assertThat(x).isGreaterThan(Double.parseDouble(t.lineFrom())).isLessThan(Double.parseDouble(t.lineTo()));
    }
}
