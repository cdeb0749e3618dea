package rongguang.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagerTest {
    private static final String BASE = "articles/";
    private static final int SIZE = 20;

    private static List<Integer> items(int n) {
        return IntStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void emptyListHasOneEmptyPage() {
        List<Pager<Integer>> pages = Pager.paginate(items(0), SIZE, BASE);
        assertThat(pages).hasSize(1);
        Pager<Integer> only = pages.get(0);
        assertThat(only.items()).isEmpty();
        assertThat(only.number()).isEqualTo(1);
        assertThat(only.totalPages()).isEqualTo(1);
        assertThat(only.totalItems()).isZero();
        assertThat(only.path()).isEqualTo(BASE);
        assertThat(only.hasPrevious()).isFalse();
        assertThat(only.hasNext()).isFalse();
        assertThat(only.window()).containsExactly(1);
    }

    @Test
    void oneItemIsOnePage() {
        List<Pager<Integer>> pages = Pager.paginate(items(1), SIZE, BASE);
        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).items()).containsExactly(1);
        assertThat(pages.get(0).totalItems()).isEqualTo(1);
        assertThat(pages.get(0).hasPrevious()).isFalse();
        assertThat(pages.get(0).hasNext()).isFalse();
    }

    @Test
    void exactlyOnePageSizeIsOnePage() {
        List<Pager<Integer>> pages = Pager.paginate(items(SIZE), SIZE, BASE);
        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).items()).isEqualTo(items(SIZE));
        assertThat(pages.get(0).hasNext()).isFalse();
    }

    @Test
    void onePageSizePlusOneIsTwoPages() {
        List<Pager<Integer>> pages = Pager.paginate(items(SIZE + 1), SIZE, BASE);
        assertThat(pages).hasSize(2);
        Pager<Integer> first = pages.get(0);
        Pager<Integer> second = pages.get(1);

        assertThat(first.items()).isEqualTo(items(SIZE));
        assertThat(second.items()).containsExactly(SIZE + 1);
        assertThat(pages).allSatisfy(p -> {
            assertThat(p.totalPages()).isEqualTo(2);
            assertThat(p.totalItems()).isEqualTo(SIZE + 1);
            assertThat(p.base()).isEqualTo(BASE);
        });

        assertThat(first.number()).isEqualTo(1);
        assertThat(second.number()).isEqualTo(2);
        assertThat(first.path()).isEqualTo("articles/");
        assertThat(second.path()).isEqualTo("articles/page/2/");
        assertThat(first.pathOf(2)).isEqualTo(second.path());
        assertThat(second.pathOf(1)).isEqualTo(first.path());

        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        assertThat(second.hasPrevious()).isTrue();
        assertThat(second.hasNext()).isFalse();
        assertThat(first.window()).containsExactly(1, 2);
    }

    @Test
    void everyItemAppearsOnceInOrder() {
        List<Pager<Integer>> pages = Pager.paginate(items(95), 10, "tags/shuangyong/");
        assertThat(pages).hasSize(10);
        assertThat(pages.stream().flatMap(p -> p.items().stream()).toList()).isEqualTo(items(95));
        assertThat(pages.subList(0, 9)).allSatisfy(p -> assertThat(p.items()).hasSize(10));
        assertThat(pages.get(9).items()).hasSize(5);
        assertThat(pages.get(9).path()).isEqualTo("tags/shuangyong/page/10/");
        assertThat(Pager.pathOf("tags/shuangyong/", 1)).isEqualTo("tags/shuangyong/");
    }

    @Test
    void pageItemsAreACopy() {
        List<Integer> source = new java.util.ArrayList<>(items(3));
        List<Pager<Integer>> pages = Pager.paginate(source, 2, BASE);
        source.set(0, 99);
        assertThat(pages.get(0).items()).containsExactly(1, 2);
    }

    @Test
    void windowShowsFirstLastAndTwoAroundWithGaps() {
        List<Pager<Integer>> pages = Pager.paginate(items(100), 10, BASE);
        assertThat(pages).hasSize(10);
        assertThat(pages.get(0).window()).containsExactly(1, 2, 3, 0, 10);
        assertThat(pages.get(3).window()).containsExactly(1, 2, 3, 4, 5, 6, 0, 10);
        assertThat(pages.get(4).window()).containsExactly(1, 0, 3, 4, 5, 6, 7, 0, 10);
        assertThat(pages.get(6).window()).containsExactly(1, 0, 5, 6, 7, 8, 9, 10);
        assertThat(pages.get(9).window()).containsExactly(1, 0, 8, 9, 10);
    }

    @Test
    void windowOfFewPagesHasNoGaps() {
        List<Pager<Integer>> pages = Pager.paginate(items(4), 1, BASE);
        assertThat(pages).hasSize(4);
        assertThat(pages).allSatisfy(p -> assertThat(p.window()).containsExactly(1, 2, 3, 4));
        assertThat(Pager.paginate(items(5), 1, BASE).get(2).window()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void windowGapOfOnePageIsStillAGap() {
        // page 1 of 5: 1, 2, 3 and 5; page 4 is left out
        List<Pager<Integer>> five = Pager.paginate(items(5), 1, BASE);
        assertThat(five.get(0).window()).containsExactly(1, 2, 3, 0, 5);
        assertThat(five.get(4).window()).containsExactly(1, 0, 3, 4, 5);
        List<Pager<Integer>> six = Pager.paginate(items(6), 1, BASE);
        assertThat(six.get(0).window()).containsExactly(1, 2, 3, 0, 6);
        assertThat(six.get(5).window()).containsExactly(1, 0, 4, 5, 6);
    }
}
