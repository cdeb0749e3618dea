package rongguang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import rongguang.problems.Problems;
import rongguang.testing.ImageFiles;
import rongguang.testing.TestSite;
import rongguang.write.OutputTree;

/**
 * An incremental build equals a clean build byte for byte, after each kind of change an editor makes, both for
 * {@code build} with its cache beside the output and for the dev server's in-place session. And it is
 * incremental: a change to one article re-renders a handful of pages, not the site.
 */
class IncrementalBuildTest {
    private static final String ARTICLE = "content/articles/2024/bayi-tushuo.md";
    private static final AtomicLong CLOCK = new AtomicLong(1_900_000_000_000L);

    @TempDir
    Path tmp;

    /** An edit to the site, and the most pages it may re-render (the site has about 170). */
    record Change(String name, Edit setup, Edit edit, int maxWritten) {
        Change(String name, Edit edit, int maxWritten) {
            this(name, site -> { }, edit, maxWritten);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    interface Edit {
        void apply(Path site) throws IOException;
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                // lists show the summary (the first paragraph), which stays: the article's own page alone changes
                new Change("article body edited", site -> append(site.resolve(ARTICLE), "\n新增的一段话。\n"), 1),
                new Change("article body edited where lists show bodies", site -> replace(
                        site.resolve("templates/macros.ftlh"), "${a.summary}</p>", "${a.summary}</p>${a.bodyHtml?no_esc}"),
                        site -> append(site.resolve(ARTICLE), "\n新增的一段话。\n"), 60),
                // a member that is not where the article shows counts as reading its body
                new Change("article body edited where lists show its length", site -> replace(
                        site.resolve("templates/macros.ftlh"), "${a.summary}</p>", "${a.summary}</p>${a.bodyUtf8?size}"),
                        site -> append(site.resolve(ARTICLE), "\n新增的一段话。\n"), 60),
                // no summary in its front matter: the first paragraph is the summary that lists show
                new Change("first paragraph of an article without a summary edited", site -> replace(
                        site.resolve("content/articles/2023/anyang-wuge-yi-gongcheng.md"),
                        "安阳先后7次被命名为全国双拥模范城", "安阳先后七次被命名为全国双拥模范城"), 60),
                new Change("two articles' bodies edited", site -> {
                    append(site.resolve(ARTICLE), "\n新增的一段话。\n");
                    append(site.resolve("content/articles/2023/beihai-qiangjun-hao.md"), "\n又一段。\n");
                }, 60),
                new Change("article body edited and a folder of articles renamed", site -> {
                    append(site.resolve(ARTICLE), "\n新增的一段话。\n");
                    Files.move(site.resolve("content/articles/2025"), site.resolve("content/articles/2025-archive"));
                }, 200),
                new Change("article moved to another folder", site -> {
                    Files.createDirectories(site.resolve("content/articles/moved"));
                    Files.move(site.resolve(ARTICLE), site.resolve("content/articles/moved/bayi-tushuo.md"));
                }, 200),
                new Change("article title changed", site -> replace(site.resolve(ARTICLE),
                        "title: \"镜头里的双拥风景：从地铁站到公交专线\"", "title: \"镜头里的双拥风景\""), 60),
                new Change("article column changed", site -> replace(site.resolve(ARTICLE),
                        "column: 图说双拥", "column: 双拥动态"), 60),
                new Change("article tags changed", site -> replace(site.resolve(ARTICLE),
                        "tags: [双拥宣传, 国防教育]", "tags: [国防教育, 拥军优属]"), 200),
                new Change("article added", site -> write(site.resolve("content/articles/2026/xin-wenzhang.md"), """
                        ---
                        title: 新添的一篇文章
                        date: 2026-11-20T10:00:00+08:00
                        column: 双拥动态
                        tags: [双拥宣传]
                        cities: [changsha]
                        ---

                        新添文章的正文，讲长沙的双拥工作。
                        """), 60),
                new Change("article deleted", site -> Files.delete(site.resolve(ARTICLE)), 60),
                new Change("city data changed", site -> replace(site.resolve("content/data/cities/anyang.json"),
                        "\"value\": 10,", "\"value\": 12,"), 200),
                new Change("exemplar file deleted", site -> {
                    Path exemplars = site.resolve("content/data/exemplars");
                    try (Stream<Path> files = Files.list(exemplars)) {
                        // one that no article names, so the site still builds
                        for (Path f : files.sorted().toList()) {
                            String id = f.getFileName().toString().replace(".json", "");
                            if (!mentioned(site, id)) {
                                Files.delete(f);
                                return;
                            }
                        }
                    }
                    throw new IllegalStateException("every exemplar is named by an article");
                }, 200),
                new Change("template changed", site -> replace(site.resolve("templates/article.ftlh"),
                        "${article.bodyHtml?no_esc}", "<!-- 正文 -->${article.bodyHtml?no_esc}"), 200),
                // a comment only: the minified stylesheet, its hash and so the pages stay the same
                new Change("asset changed without effect", site -> append(site.resolve("templates/assets/style.css"),
                        "\n/* 新规则 */\n"), 0),
                // every HTML page links the stylesheet by its hash
                new Change("asset changed", site -> append(site.resolve("templates/assets/style.css"),
                        "\n.new-rule { color: red; }\n"), 200),
                new Change("script changed", site -> append(site.resolve("templates/assets/merchants.js"),
                        "\n// changed\n"), 1),
                new Change("image resized", site -> replace(site.resolve("content/media/covers/beihai-ship.svg"),
                        "width=\"1200\" height=\"675\" role", "width=\"1000\" height=\"562\" role"), 30),
                new Change("large photo became a cover", site -> {
                    ImageFiles.writeJpeg(site.resolve("content/media/covers/photo.jpg"), 1600, 900);
                    replace(site.resolve("content/articles/2023/beihai-qiangjun-hao.md"),
                            "cover: covers/beihai-ship.svg", "cover: covers/photo.jpg");
                }, 30),
                new Change("photo replaced", site -> {
                    ImageFiles.writeJpeg(site.resolve("content/media/covers/photo.jpg"), 1600, 900);
                    replace(site.resolve("content/articles/2023/beihai-qiangjun-hao.md"),
                            "cover: covers/beihai-ship.svg", "cover: covers/photo.jpg");
                }, site -> ImageFiles.writeOtherJpeg(site.resolve("content/media/covers/photo.jpg"), 1200, 800), 30))
                .flatMap(c -> Stream.of(Mode.values()).map(m -> Arguments.of(c, m)));
    }

    /**
     * The cache of {@code build}, the dev server's session, the session told the changed paths, the session told
     * them that commits the pages before the search index (as {@code serve} does, to reload pages sooner), and the
     * publishing session of {@code build --watch}, told the changed paths.
     */
    enum Mode { CACHE, SESSION, SESSION_TOLD, SESSION_PAGES_FIRST, PUBLISHING }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("changes")
    void incrementalEqualsClean(Change change, Mode mode) throws IOException {
        Path site = tmp.resolve("site");
        TestSite.copySample(site);
        change.setup().apply(site);
        Path out = tmp.resolve("out");
        boolean session = mode != Mode.CACHE && mode != Mode.PUBLISHING;
        Generator.Options options = new Generator.Options(site, out, TestSite.NOW, session, true, null);

        Generator.Result first;
        Generator.Result second;
        if (mode == Mode.PUBLISHING) {
            try (Generator.Session s = Generator.Session.publishing(options)) {
                first = s.build(new Problems());
                Map<Path, String> before = SiteFiles.state(site);
                change.edit().apply(site);
                second = s.build(new Problems(), SiteFiles.changed(before, SiteFiles.state(site)));
            }
            assertThat(new Generator().build(options, new Problems()).written())
                    .as("the cache kept true: a build after the session writes nothing").isZero();
        } else if (session) {
            try (Generator.Session s = new Generator.Session(options)) {
                first = s.build(new Problems());
                Map<Path, String> before = SiteFiles.state(site);
                change.edit().apply(site);
                java.util.concurrent.atomic.AtomicInteger pagesReady = new java.util.concurrent.atomic.AtomicInteger();
                second = switch (mode) {
                    case SESSION -> s.build(new Problems());
                    case SESSION_TOLD -> s.build(new Problems(), SiteFiles.changed(before, SiteFiles.state(site)));
                    default -> s.build(new Problems(), SiteFiles.changed(before, SiteFiles.state(site)),
                            result -> pagesReady.incrementAndGet());
                };
                assertThat(pagesReady.get()).isEqualTo(mode == Mode.SESSION_PAGES_FIRST ? 1 : 0);
            }
        } else {
            first = new Generator().build(options, new Problems());
            Generator.Result again = new Generator().build(options, new Problems());
            assertThat(again.written()).as("nothing changed, nothing written").isZero();
            change.edit().apply(site);
            second = new Generator().build(options, new Problems());
        }

        Path clean = tmp.resolve("clean");
        new Generator().build(new Generator.Options(site, clean, TestSite.NOW, session), new Problems());
        Map<String, byte[]> expected = TestSite.snapshot(clean);
        Map<String, byte[]> actual = TestSite.snapshot(out);
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((file, bytes) -> assertThat(new String(actual.get(file), StandardCharsets.UTF_8))
                .as(file).isEqualTo(new String(bytes, StandardCharsets.UTF_8)));
        assertThat(first.written()).isEqualTo(first.pages());
        assertThat(second.written()).as("pages re-rendered").isLessThanOrEqualTo(change.maxWritten());
    }

    private Path copyOfSample() throws IOException {
        return TestSite.copySample(tmp.resolve("site"));
    }

    private Map<String, byte[]> clean(Path site) throws IOException {
        Path clean = tmp.resolve("clean");
        new Generator().build(new Generator.Options(site, clean, TestSite.NOW, false), new Problems());
        return TestSite.snapshot(clean);
    }

    private static Generator.Result cached(Path site, Path out) throws IOException {
        return new Generator().build(new Generator.Options(site, out, TestSite.NOW, false, true, null), new Problems());
    }

    @Test
    void anOutputFileChangedOrDeletedByHandIsWrittenAgain() throws IOException {
        Path site = copyOfSample();
        Path out = tmp.resolve("out");
        cached(site, out);
        Path page = out.resolve("articles/bayi-jingtou-shuangyong/index.html");
        Files.writeString(page, "改坏了");
        Files.delete(out.resolve("cities/index.html"));
        Files.delete(out.resolve("assets/style.css"));

        Generator.Result again = cached(site, out);

        assertThat(again.written()).isEqualTo(2);
        assertThat(TestSite.snapshot(out)).containsExactlyInAnyOrderEntriesOf(clean(site));
    }

    @Test
    void aFailedIncrementalBuildLeavesTheOutputAndTheCacheAsTheyWere() throws IOException {
        Path site = copyOfSample();
        Path out = tmp.resolve("out");
        cached(site, out);
        Map<String, byte[]> before = TestSite.snapshot(out);
        String good = Files.readString(site.resolve(ARTICLE));
        append(site.resolve(ARTICLE), "\n新的一段。\n");
        write(site.resolve("content/articles/2026/broken.md"), "---\ntitle: [没有闭合\n---\n正文\n");

        assertThatThrownBy(() -> cached(site, out)).isInstanceOf(rongguang.problems.BuildFailedException.class);
        assertThat(TestSite.snapshot(out)).containsExactlyInAnyOrderEntriesOf(before);

        Files.delete(site.resolve("content/articles/2026/broken.md"));
        Generator.Result fixed = cached(site, out);
        assertThat(fixed.written()).as("still incremental after the failure").isLessThan(fixed.pages() / 2);
        assertThat(TestSite.snapshot(out)).containsExactlyInAnyOrderEntriesOf(clean(site));
        assertThat(good).isNotEqualTo(Files.readString(site.resolve(ARTICLE)));
    }

    @Test
    void aCommitThatFailsHalfWayMakesTheNextBuildAFullOne() throws IOException {
        Path site = copyOfSample();
        Path out = tmp.resolve("out");
        Generator.Result first = cached(site, out);
        // a folder where the changed page must go: moving the new page into place fails, after others moved
        Path page = out.resolve("articles/bayi-jingtou-shuangyong/index.html");
        Files.delete(page);
        Files.createDirectories(page.resolve("in-the-way"));
        replace(site.resolve(ARTICLE), "title: \"镜头里的双拥风景：从地铁站到公交专线\"", "title: \"镜头里的双拥风景\"");

        assertThatThrownBy(() -> cached(site, out)).isInstanceOf(IOException.class);

        OutputTree.deleteTree(page);
        Generator.Result next = cached(site, out);
        assertThat(next.written()).as("the cache was void, so everything was written").isEqualTo(first.pages());
        assertThat(TestSite.snapshot(out)).containsExactlyInAnyOrderEntriesOf(clean(site));
    }

    @ParameterizedTest(name = "manifest {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"cut short", "with bytes after its end", "garbled"})
    void aDamagedCacheMakesAFullBuildEqualToACleanOne(String damage) throws IOException {
        Path site = copyOfSample();
        Path out = tmp.resolve("out");
        Generator.Result first = cached(site, out);
        Path manifest = rongguang.cache.BuildCache.folderOf(out).resolve("manifest");
        byte[] bytes = Files.readAllBytes(manifest);
        switch (damage) {
            case "cut short" -> Files.write(manifest, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
            case "with bytes after its end" -> Files.write(manifest, java.util.Arrays.copyOf(bytes, bytes.length + 3));
            default -> {
                for (int i = bytes.length / 2; i < bytes.length; i += 97) bytes[i] = (byte) ~bytes[i];
                Files.write(manifest, bytes);
            }
        }
        append(site.resolve(ARTICLE), "\n新增的一段话。\n");

        Generator.Result next = cached(site, out);

        assertThat(next.written()).as("no record to trust: every page written").isEqualTo(first.pages());
        assertThat(TestSite.snapshot(out)).containsExactlyInAnyOrderEntriesOf(clean(site));
        assertThat(cached(site, out).written()).as("and the cache is whole again").isZero();
    }

    @Test
    void aDataFileTakenFromTheCacheIsReportedAtItsExactPlace() throws IOException {
        Path site = copyOfSample();
        Path out = tmp.resolve("out");
        cached(site, out);
        // the exemplar's file is unchanged, so its objects come from the cache, which keeps no places
        Files.delete(site.resolve("content/data/cities/zhangzhou.json"));
        Problems problems = new Problems();

        assertThatThrownBy(() -> new Generator().build(new Generator.Options(site, out, TestSite.NOW, false, true,
                null), problems)).isInstanceOf(rongguang.problems.BuildFailedException.class);

        assertThat(problems.sorted()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("content/data/exemplars/cai-tiaoyang.json");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isEqualTo(11);
            assertThat(p.message()).contains("zhangzhou");
        });
    }

    @Test
    void aCacheWhoseBodiesAreMostlyDeadWeightStartsOver() throws IOException {
        Path site = copyOfSample();
        Path out = tmp.resolve("out");
        Generator.Result first = cached(site, out);
        Path bodies = rongguang.cache.BuildCache.folderOf(out).resolve("bodies");
        long live = Files.size(bodies);
        // as if many bodies had been replaced since: 80 MB no entry points into (a sparse file, nothing written)
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(bodies.toFile(), "rw")) {
            file.setLength(live + 80L * 1024 * 1024);
        }
        append(site.resolve(ARTICLE), "\n新增的一段话。\n");

        Generator.Result next = cached(site, out);

        assertThat(next.written()).as("started over: a full build").isEqualTo(first.pages());
        assertThat(Files.size(bodies)).as("the bodies of this build only").isLessThan(2 * live);
        assertThat(TestSite.snapshot(out)).containsExactlyInAnyOrderEntriesOf(clean(site));
        assertThat(cached(site, out).written()).isZero();
    }

    @Test
    void theCacheGivesBackTheDataFilesAsTheyWereRead() throws IOException {
        Path site = copyOfSample();
        Path out = tmp.resolve("out");
        Map<String, rongguang.load.DataEntry> read;
        try (rongguang.load.BodyStore bodies = rongguang.load.BodyStore.temporary()) {
            rongguang.load.SiteLoader loader = new rongguang.load.SiteLoader(site, bodies, Map.of());
            loader.load(new Problems());
            read = loader.dataEntries();
        }
        assertThat(read).hasSizeGreaterThan(40);
        try (rongguang.cache.BuildCache cache = rongguang.cache.BuildCache.open(out, "key")) {
            cache.save("key", Map.of(), read, rongguang.render.RenderedPages.NONE, java.util.Set.of(), null);
        }
        try (rongguang.cache.BuildCache cache = rongguang.cache.BuildCache.open(out, "key")) {
            assertThat(cache.data()).isEqualTo(read);
        }
    }

    @Test
    void aBuildWithoutTheSearchIndexIsFollowedByOneWithTheWholeIndex() throws IOException {
        Path site = copyOfSample();
        Path out = tmp.resolve("out");
        new Generator().build(new Generator.Options(site, out, TestSite.NOW, false, true, null, false), new Problems());
        assertThat(out.resolve("search/index/meta.json")).doesNotExist();
        assertThat(out.resolve("search/index.html")).exists();

        cached(site, out);

        assertThat(TestSite.snapshot(out)).containsExactlyInAnyOrderEntriesOf(clean(site));
    }

    @Test
    void aBodyEditFingerprintsOnlyThePagesThatShowTheArticle() throws IOException {
        Path site = copyOfSample();
        Path out = tmp.resolve("out");
        Generator.Result first = cached(site, out);
        append(site.resolve(ARTICLE), "\n新增的一段话。\n");

        Generator.Result second = cached(site, out);

        assertThat(second.fingerprinted()).as("pages looked at again").isLessThan(first.pages() / 4).isPositive();
        assertThat(TestSite.snapshot(out)).containsExactlyInAnyOrderEntriesOf(clean(site));
    }

    @Test
    void timePassingPublishesAScheduledArticleEverywhereItShows() throws IOException {
        Path site = copyOfSample();
        Path out = tmp.resolve("out");
        java.time.ZonedDateTime later = java.time.ZonedDateTime.parse("2027-08-02T12:00:00+08:00[Asia/Shanghai]");
        for (boolean preview : new boolean[] {false, true}) {
            new Generator().build(new Generator.Options(site, out, TestSite.NOW, preview, true, null), new Problems());
            Generator.Result next = new Generator().build(new Generator.Options(site, out, later, preview, true, null),
                    new Problems());
            assertThat(next.fingerprinted()).isEqualTo(next.pages());
            Path clean = tmp.resolve("clean-" + preview);
            new Generator().build(new Generator.Options(site, clean, later, preview), new Problems());
            assertThat(TestSite.snapshot(out)).as("preview " + preview)
                    .containsExactlyInAnyOrderEntriesOf(TestSite.snapshot(clean));
        }
    }

    @Test
    void changesToldToTheSessionAddUpUntilABuildSucceeds() throws IOException {
        Path site = copyOfSample();
        Path out = tmp.resolve("out");
        Path broken = site.resolve("content/articles/2026/broken.md");
        try (Generator.Session s = new Generator.Session(new Generator.Options(site, out, TestSite.NOW, true, true, null))) {
            s.build(new Problems());
            append(site.resolve(ARTICLE), "\n失败之前改的一段。\n");
            write(broken, "---\ntitle: [没有闭合\n---\n正文\n");
            assertThatThrownBy(() -> s.build(new Problems(), java.util.Set.of(site.resolve(ARTICLE), broken)))
                    .isInstanceOf(rongguang.problems.BuildFailedException.class);

            Files.delete(broken);
            s.build(new Problems(), java.util.Set.of(broken));
        }
        Path clean = tmp.resolve("clean");
        new Generator().build(new Generator.Options(site, clean, TestSite.NOW, true), new Problems());
        assertThat(TestSite.snapshot(out)).containsExactlyInAnyOrderEntriesOf(TestSite.snapshot(clean));
    }

    @Test
    void aFolderToldAsGoneWhoseFilesHadNoEventsIsWalkedAgain() throws IOException {
        Path site = copyOfSample();
        Path out = tmp.resolve("out");
        try (Generator.Session s = new Generator.Session(new Generator.Options(site, out, TestSite.NOW, true, true, null))) {
            s.build(new Problems());
            Path folder = site.resolve("content/articles/2025");
            Files.move(folder, tmp.resolve("2025-elsewhere"));
            // a folder moved out of the site: the watcher sees the folder go, not its files
            s.build(new Problems(), java.util.Set.of(folder));
        }
        Path clean = tmp.resolve("clean");
        new Generator().build(new Generator.Options(site, clean, TestSite.NOW, true), new Problems());
        assertThat(TestSite.snapshot(out)).containsExactlyInAnyOrderEntriesOf(TestSite.snapshot(clean));
    }

    private static boolean mentioned(Path site, String id) throws IOException {
        try (Stream<Path> files = Files.walk(site.resolve("content"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(id + ".json")).toList()) {
                if (Files.readString(f).contains(id)) return true;
            }
        }
        return false;
    }

    private static void append(Path file, String text) throws IOException {
        write(file, Files.readString(file) + text);
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        write(file, text.replace(from, to));
    }

    /** Writes, and moves the file's time on: the cache must not depend on a coarse clock to see a change. */
    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.fromMillis(CLOCK.addAndGet(1000)));
    }
}
