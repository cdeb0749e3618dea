package rongguang.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files kept as a whole, without a look at each: only in the preview's overlay, only files it wrote itself. */
class OutputTreeKeepTest {
    @TempDir
    Path tmp;
    private Path site;
    private Path out;
    private Set<String> written;

    @BeforeEach
    void firstBuild() throws IOException {
        site = Files.createDirectories(tmp.resolve("site"));
        out = tmp.resolve("preview");
        try (OutputTree tree = OutputTree.overlay(out, site, Set.of())) {
            for (String f : List.of("index.html", "articles/a/index.html", "articles/b/index.html")) {
                tree.write(f, f.getBytes(StandardCharsets.UTF_8));
            }
            tree.commit();
            written = Set.copyOf(tree.files());
        }
    }

    @Test
    void thePreviewKeepsItsOwnFilesWholeAndRemovesThoseNotKept() throws IOException {
        try (OutputTree tree = OutputTree.overlay(out, site, written)) {
            assertThat(tree.keepAsWritten(List.of("index.html", "articles/a/index.html"))).isTrue();
            tree.write("articles/c/index.html", "新".getBytes(StandardCharsets.UTF_8));
            tree.commit();

            assertThat(tree.fileCount()).isEqualTo(3);
            assertThat(tree.files()).containsExactlyInAnyOrder("index.html", "articles/a/index.html",
                    "articles/c/index.html");
        }
        assertThat(Files.readString(out.resolve("articles/a/index.html"))).isEqualTo("articles/a/index.html");
        assertThat(out.resolve("articles/b/index.html")).doesNotExist();
        assertThat(Files.readString(out.resolve("articles/c/index.html"))).isEqualTo("新");
    }

    @Test
    void aFileTheLastBuildDidNotWriteIsNotKeptAndNeitherAreTheOthers() throws IOException {
        try (OutputTree tree = OutputTree.overlay(out, site, written)) {
            assertThat(tree.keepAsWritten(List.of("index.html", "articles/x/index.html"))).isFalse();
            assertThat(tree.fileCount()).isZero();
            assertThat(tree.files()).isEmpty();
        }
    }

    @Test
    void publishedOutputIsNeverKeptUnseen() throws IOException {
        try (OutputTree tree = OutputTree.update(out, site, written)) {
            assertThat(tree.keepAsWritten(List.of("index.html"))).as("an update of published output").isFalse();
        }
        try (OutputTree tree = OutputTree.begin(tmp.resolve("other"), site)) {
            assertThat(tree.keepAsWritten(List.of("index.html"))).as("a whole new tree").isFalse();
        }
    }
}
