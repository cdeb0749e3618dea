package rongguang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.testing.TestSite;

/**
 * The launcher's training run (whose classes the JVM's archive holds): it builds, rebuilds and checks a copy of
 * the site, leaving the site and the temporary folder as they were.
 */
class TrainCommandTest {
    @TempDir
    Path tmp;

    @Test
    void buildsRebuildsAndChecksACopyAndLeavesNothingBehind() throws IOException {
        Path site = TestSite.copySample(tmp.resolve("site"));
        List<Path> before = listing(site);
        String temporary = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.resolve("temporary").toString());
        try {
            Files.createDirectories(tmp.resolve("temporary"));
            assertThat(Main.run("train", site.toString())).isZero();
        } finally {
            System.setProperty("java.io.tmpdir", temporary);
        }
        assertThat(listing(site)).as("the site itself untouched").isEqualTo(before);
        assertThat(site.resolve("output")).doesNotExist();
        try (Stream<Path> left = Files.list(tmp.resolve("temporary"))) {
            assertThat(left.toList()).as("the copy, its output and the check's build removed").isEmpty();
        }
    }

    @Test
    void aFolderWithoutASiteFails() {
        assertThat(Main.run("train", tmp.resolve("nothing").toString())).isNotZero();
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.sorted().toList();
        }
    }
}
