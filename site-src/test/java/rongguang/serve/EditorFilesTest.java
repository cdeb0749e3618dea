package rongguang.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EditorFilesTest {
    @ParameterizedTest
    @ValueSource(strings = {".#a.md", "a.md~", ".a.md.swp", "a.md.swp", ".a.md.swx", "4913", "#a.md#", ".DS_Store",
            "a.md___jb_tmp___", "a.md___jb_old___", ".hidden"})
    void editorsTemporaryFilesAreIgnored(String name) {
        assertThat(EditorFiles.isIgnored(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.md", "site.json", "4914", "a#b.md", "layout.ftlh", "延安.md"})
    void realFilesAreNot(String name) {
        assertThat(EditorFiles.isIgnored(name)).isFalse();
    }
}
