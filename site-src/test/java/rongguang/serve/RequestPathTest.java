package rongguang.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathTest {
    @Test
    void ordinaryPathsBecomeNamesUnderTheRoot() {
        assertThat(RequestPath.parse("/")).isEqualTo(new RequestPath(List.of(), true));
        assertThat(RequestPath.parse("/articles/x/")).isEqualTo(new RequestPath(List.of("articles", "x"), true));
        assertThat(RequestPath.parse("/feed.xml")).isEqualTo(new RequestPath(List.of("feed.xml"), false));
        assertThat(RequestPath.parse("/media/%E5%9B%BE%20a.png").names()).containsExactly("media", "图 a.png");
        assertThat(RequestPath.parse("/a/b.c/").relative()).isEqualTo("a/b.c");
        // decoded once: a double-encoded dot stays a harmless name
        assertThat(RequestPath.parse("/%252e%252e/x").names()).containsExactly("%2e%2e", "x");
        assertThat(RequestPath.parse("/...").names()).containsExactly("...");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "../x", "/..", "/../x", "/a/../../x", "/./x", "/a/.", "/%2e%2e/x", "/%2E%2e/x",
            "/.%2e/x", "/a%2f..%2f..%2fx", "//x", "/a//b", "/%2fx", "/a\\..\\x", "/a%5c..%5cx", "/a%00", "/%00/x",
            "/a\u0000b", "/a%0ab", "/a%7f", "/%", "/%2", "/%zz", "/%c0%ae%c0%ae/x", "/%ff", "/\u00e9", "/a b"})
    void pathsThatCouldLeaveTheRootAreRefused(String raw) {
        assertThat(RequestPath.parse(raw)).as(raw).isNull();
    }
}
