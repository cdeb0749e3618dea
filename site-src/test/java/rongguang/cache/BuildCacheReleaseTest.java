package rongguang.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.render.RenderedPages;

/** A cache kept between builds lets go of the output's lock and tells, on taking it again, whether another build came. */
class BuildCacheReleaseTest {
    @TempDir
    Path tmp;

    @Test
    void releasedTheOutputIsFreeAndNothingChangedIsTold() throws IOException {
        Path output = tmp.resolve("out");
        try (BuildCache kept = saved(output, "index.html")) {
            assertThatThrownBy(() -> BuildCache.lock(output)).hasMessageContaining("另一个构建正在写入");

            kept.release();
            BuildCache.lock(output).close();   // free while released

            assertThat(kept.retake()).isTrue();
            assertThatThrownBy(() -> BuildCache.lock(output)).hasMessageContaining("另一个构建正在写入");
        }
    }

    @Test
    void anotherBuildMeanwhileIsNoticed() throws IOException {
        Path output = tmp.resolve("out");
        try (BuildCache kept = saved(output, "index.html")) {
            kept.release();
            saved(output, "index.html", "a.html").close();
            assertThat(kept.retake()).isFalse();
        }
    }

    @Test
    void aCleanBuildMeanwhileIsNoticedAndOneHoldingTheLockRefusesIt() throws IOException {
        Path output = tmp.resolve("out");
        try (BuildCache kept = saved(output, "index.html")) {
            kept.release();
            try (BuildCache.Lock clean = BuildCache.lock(output)) {
                BuildCache.clear(output);
                assertThatThrownBy(kept::retake).hasMessageContaining("另一个构建正在写入");
            }
            assertThat(Files.exists(BuildCache.folderOf(output).resolve("manifest"))).isFalse();
            assertThat(kept.retake()).isFalse();
        }
    }

    /** The cache of {@code output} opened, and saved as a build of these files would save it. */
    private static BuildCache saved(Path output, String... files) throws IOException {
        BuildCache cache = BuildCache.open(output, "key");
        cache.save("key", Map.of(), Map.of(), RenderedPages.NONE, Set.of(files), null);
        return cache;
    }
}
