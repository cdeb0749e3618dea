package rongguang.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseNumeralsTest {

    @ParameterizedTest
    @CsvSource({
            "1, 一", "2, 二", "3, 三", "4, 四", "5, 五", "6, 六", "7, 七", "8, 八", "9, 九", "10, 十",
            "11, 十一", "12, 十二", "20, 二十", "21, 二十一", "99, 九十九", "100, 一百", "101, 一百零一",
            "110, 一百一十", "111, 一百一十一", "120, 一百二十", "999, 九百九十九", "0, 零"})
    void numerals(int n, String expected) {
        assertThat(ChineseNumerals.of(n)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2, 二连冠", "7, 七连冠", "8, 八连冠", "10, 十连冠", "12, 十二连冠", "21, 二十一连冠"})
    void streaks(int count, String expected) {
        assertThat(ChineseNumerals.streak(count)).isEqualTo(expected);
    }

    @Test
    void streakOfSevenTenAndTwelve() {
        assertThat(ChineseNumerals.streak(7)).isEqualTo("七连冠");
        assertThat(ChineseNumerals.streak(10)).isEqualTo("十连冠");
        assertThat(ChineseNumerals.streak(12)).isEqualTo("十二连冠");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1000, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void outOfRangeIsRefused(int n) {
        assertThatThrownBy(() -> ChineseNumerals.of(n)).isInstanceOf(IllegalArgumentException.class);
    }
}
