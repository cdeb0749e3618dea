package rongguang.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher on a bare site folder: what it reports, and how it groups a burst. */
class ChangeWatcherTest {
    @TempDir
    Path site;

    final BlockingQueue<ChangeWatcher.Changes> bursts = new LinkedBlockingQueue<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();
    /** Every path reported so far. */
    final Set<Path> reported = new HashSet<>();
    ChangeWatcher watcher;

    @AfterEach
    void stop() throws IOException {
        if (watcher != null) watcher.close();
        assertThat(warnings).isEmpty();
    }

    private void start(Duration quiet) {
        try {
            watcher = new ChangeWatcher(site, quiet, bursts::add, warnings::add);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        watcher.start();
    }

    private Path write(String relative, String text) throws IOException {
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** Waits for the burst that reports {@code path}; every path of the bursts until then goes to {@link #reported}. */
    private ChangeWatcher.Changes awaitReport(Path path) throws InterruptedException {
        long deadline = System.nanoTime() + ServedSite.DEADLINE.toNanos();
        while (true) {
            ChangeWatcher.Changes burst = bursts.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (burst == null) throw new AssertionError(path + " not reported; reported: " + reported);
            reported.addAll(burst.paths());
            if (burst.paths().contains(path)) return burst;
        }
    }

    @Test
    void editsInContentAndTemplatesAreReported() throws Exception {
        write("content/articles/a.md", "a");
        write("templates/layout.ftlh", "x");
        start(Duration.ofMillis(40));
        awaitReport(write("content/articles/a.md", "改过"));
        awaitReport(write("templates/layout.ftlh", "改过"));
        Path added = write("content/data/cities/x.json", "{}");
        awaitReport(added);
        Files.delete(added);
        awaitReport(added);
    }

    @Test
    void editorTemporaryFilesAndFilesOutsideTheTreesAreIgnored() throws Exception {
        write("content/articles/a.md", "a");
        start(Duration.ofMillis(40));
        for (String name : List.of(".#a.md", "a.md~", ".a.md.swp", "4913", "#a.md#")) {
            write("content/articles/" + name, "x");
        }
        write("output/index.html", "x");
        write(".output.rongguang-new/index.html", "x");
        write("notes.txt", "x");
        Path real = write("content/articles/a.md", "改过");
        awaitReport(real);
        assertThat(reported).allSatisfy(p -> assertThat(p).startsWith(site.resolve("content")))
                .noneMatch(p -> EditorFiles.isIgnored(p.getFileName().toString()));
    }

    @Test
    void aBurstOfSavesIsReportedOnce() throws Exception {
        // a long quiet period, so that a loaded machine cannot split the burst
        start(Duration.ofSeconds(1));
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) files.add(write("content/articles/a" + i + ".md", "第" + i + "篇"));
        ChangeWatcher.Changes burst = awaitReport(files.get(19));
        assertThat(burst.paths()).containsAll(files);
        assertThat(bursts).isEmpty();
    }

    @Test
    void foldersCreatedLaterAreWatchedWithTheFilesAlreadyInThem() throws Exception {
        Files.createDirectories(site.resolve("content"));
        start(Duration.ofMillis(40));
        // the file is written before the watcher can have registered its folders: it must still be reported
        Path early = write("content/articles/2027/deep/a.md", "a");
        awaitReport(early);
        awaitReport(write("content/articles/2027/deep/b.md", "b"));
        awaitReport(write("content/articles/2027/deep/deeper/c.md", "c"));
    }

    @Test
    void theTreesThemselvesMayComeLater() throws Exception {
        start(Duration.ofMillis(40));
        awaitReport(write("content/site.json", "{}"));
        awaitReport(write("templates/layout.ftlh", "x"));
        awaitReport(write("templates/assets/style.css", "x"));
    }

    @Test
    void renamedFoldersAreFollowedUnderTheirNewName() throws Exception {
        write("content/articles/old/sub/a.md", "a");
        start(Duration.ofMillis(40));
        Path articles = site.resolve("content/articles");
        Files.move(articles.resolve("old"), articles.resolve("new"));
        ChangeWatcher.Changes moved = awaitReport(articles.resolve("new"));
        assertThat(reported).contains(articles.resolve("old"));
        assertThat(moved.paths()).contains(articles.resolve("new/sub/a.md"));

        Path edited = write("content/articles/new/sub/a.md", "改过");
        awaitReport(edited);
        assertThat(reported).noneMatch(p -> p.startsWith(articles.resolve("old/sub")));
        awaitReport(write("content/articles/new/sub/deeper/b.md", "b"));

        // moved out of the tree and back in
        Path outside = site.resolve("elsewhere");
        Files.move(articles.resolve("new"), outside);
        awaitReport(articles.resolve("new"));
        Files.move(outside, articles.resolve("back"));
        awaitReport(articles.resolve("back"));
        awaitReport(write("content/articles/back/sub/a.md", "又改了"));
    }

    @Test
    void deletedFoldersAreReported() throws Exception {
        write("content/articles/2025/a.md", "a");
        write("content/articles/2025/more/b.md", "b");
        start(Duration.ofMillis(40));
        Path folder = site.resolve("content/articles/2025");
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        awaitReport(folder);
        // and the same name made again is watched anew
        awaitReport(write("content/articles/2025/c.md", "c"));
    }
}
