package rongguang.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.testing.TestSite;

/** Reading the preview tree while builds swap new trees in. */
class PreviewTreeTest {
    @TempDir
    Path tmp;

    @Test
    void pagesAreNeverMissingWhileNewTreesAreSwappedIn() throws Exception {
        TestSite site = TestSite.create(tmp.resolve("site"), 10).article("a", "第一篇", "2025-01-01");
        try (PreviewFolder folder = PreviewFolder.create()) {
            IncrementalPreview preview = new IncrementalPreview(site.dir(), folder.siteRoot(), TestSite.NOW);
            assertThat(preview.buildAll().ok()).isTrue();
            PreviewTree tree = new PreviewTree(preview.root());
            Generation generation = new Generation("v", "/", true, false, List.of());
            RequestPath page = RequestPath.parse("/articles/a/");

            int builds = 12;
            CompletableFuture<Void> building = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < builds; i++) assertThat(preview.buildAll().ok()).isTrue();
            });
            int reads = 0;
            try {
                while (!building.isDone()) {
                    PreviewTree.Found found = tree.read(page, generation, 200);
                    assertThat(found.body()).as("read %d, during a swap", reads).isNotNull();
                    assertThat(new String(found.body().bytes(), StandardCharsets.UTF_8)).contains("第一篇");
                    reads++;
                }
            } finally {
                // even after a failure: the builds must be over before the folder is deleted
                building.get(ServedSite.DEADLINE.toSeconds() * builds, TimeUnit.SECONDS);
            }
            assertThat(reads).isGreaterThan(builds);
        }
    }
}
