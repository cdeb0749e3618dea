package rongguang.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.Generator;
import rongguang.bench.SyntheticSite;
import rongguang.model.Site;
import rongguang.problems.Problems;
import rongguang.testing.TestSite;
import rongguang.write.FileStamp;

/**
 * An index updated from the state of the last one equals the index a clean build writes, byte for byte; an edit
 * reads back and writes only the shards its keys fall in, and a change of the documents' order writes it whole.
 */
class SearchIndexUpdateTest {
    private static final String ARTICLE = "content/articles/2023/beihai-qiangjun-hao.md";

    @TempDir
    Path tmp;

    /** The index files in a folder, with what the update did to them. */
    private static final class Folder implements SearchIndex.Files {
        final Path dir;
        final List<String> read = new ArrayList<>();
        final List<String> written = new ArrayList<>();
        final List<String> kept = new ArrayList<>();

        Folder(Path dir) {
            this.dir = dir;
        }

        @Override
        public synchronized FileStamp write(String file, byte[] content) throws IOException {
            Path p = dir.resolve(file);
            Files.createDirectories(p.getParent());
            if (!Files.exists(p) || !java.util.Arrays.equals(Files.readAllBytes(p), content)) {
                Files.write(p, content);
                written.add(file);
            }
            return FileStamp.of(p);
        }

        @Override
        public boolean unchanged(String file, FileStamp stamp) throws IOException {
            return stamp.equals(FileStamp.of(dir.resolve(file)));
        }

        @Override
        public synchronized void keep(String file) {
            kept.add(file);
        }

        @Override
        public synchronized byte[] read(String file) throws IOException {
            read.add(file);
            return Files.readAllBytes(dir.resolve(file));
        }

        Map<String, byte[]> files() throws IOException {
            Map<String, byte[]> files = new TreeMap<>();
            for (String f : TestSite.files(dir)) files.put(f, Files.readAllBytes(dir.resolve(f)));
            return files;
        }
    }

    private Path sample() throws IOException {
        return TestSite.copySample(tmp.resolve("site"));
    }

    /** The search files of a clean build of the site as it now is. */
    private Map<String, byte[]> clean(Path site) throws IOException {
        Path out = tmp.resolve("clean");
        TestSite.build(site, out, false, new Problems());
        Map<String, byte[]> files = new TreeMap<>();
        for (String f : TestSite.files(out)) {
            if (f.startsWith("search/index/") || f.startsWith("search/doc/")) {
                files.put(f, Files.readAllBytes(out.resolve(f)));
            }
        }
        return files;
    }

    private static void assertSameFiles(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((f, bytes) -> assertThat(actual.get(f)).as(f).isEqualTo(bytes));
    }

    private interface Edit {
        void apply(Path site) throws IOException;
    }

    private record Run(Folder folder, SearchIndex.State before, SearchIndex.State after) {}

    /** Indexes the site, edits it, and updates the index from the first one's state. */
    private Run update(Path site, Edit edit) throws IOException {
        Folder folder = new Folder(tmp.resolve("index"));
        try (Generator.Session session = new Generator.Session(
                new Generator.Options(site, tmp.resolve("preview"), TestSite.NOW, false, false, null))) {
            Site first = session.build(new Problems()).site();
            SearchIndex.State before = SearchIndex.write(first, folder, null);
            folder.written.clear();
            edit.apply(site);
            Site second = session.build(new Problems()).site();
            return new Run(folder, before, SearchIndex.write(second, folder, before));
        }
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void anEditedBodyRewritesItsDocumentAndTheShardsOfItsKeysOnly() throws IOException {
        Path site = sample();
        Run run = update(site, s -> Files.writeString(s.resolve(ARTICLE),
                "\n新增一段：泾渭分明的鹦鹉螺号舰员。\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND));

        assertSameFiles(run.folder().files(), clean(site));
        assertThat(run.after().shards()).isEqualTo(run.before().shards());
        assertThat(run.folder().read).as("the shards read back").isNotEmpty();
        assertThat(run.folder().written).as("files written")
                .allMatch(f -> f.startsWith("search/index/") ? run.folder().read.contains(f) : f.startsWith("search/doc/"));
        List<String> documents = run.folder().written.stream().filter(f -> f.startsWith("search/doc/")).toList();
        assertThat(documents).hasSize(1);
        assertThat(Files.readString(tmp.resolve("index").resolve(documents.get(0))))
                .contains("\"url\":\"articles/beihai-qiangjun-hao/\"", "鹦鹉螺号");
    }

    @Test
    void aCharacterReplacedInTheMiddleReadsBackOnlyTheShardsOfTheKeysAroundIt() throws IOException {
        Path site = sample();
        // one character for another: the positions after it stay, so only the bigrams that hold it change
        Run run = update(site, s -> replace(s.resolve(ARTICLE), "载客量最大", "载客量极大"));

        assertSameFiles(run.folder().files(), clean(site));
        List<String> shardsRead = run.folder().read.stream().filter(f -> f.startsWith("search/index/d")).toList();
        // 量最, 最大 out, 量极, 极大 in: their shards, where 量最 and 最大 may well be elsewhere in the text too
        assertThat(shardsRead).isNotEmpty().hasSizeLessThanOrEqualTo(4);
        assertThat(run.folder().written.stream().filter(f -> f.startsWith("search/doc/"))).hasSize(1);
    }

    @Test
    void onALargerSiteAnEditedMerchantReadsBackOnlyTheShardsOfItsKeys() throws IOException {
        new SyntheticSite(SyntheticSite.Size.of(300, null), 1).write(tmp.resolve("synthetic"),
                TestSite.SAMPLE.resolve("templates"));
        Path site = tmp.resolve("synthetic/rongguang");
        Path merchants = site.resolve("content/data/merchants/merchants-0000.json");
        Run run = update(site, s -> {
            String text = Files.readString(merchants, StandardCharsets.UTF_8);
            Files.writeString(merchants, text.replaceFirst("\"address\": \"", "\"address\": \"鹦鹉螺路一号，"),
                    StandardCharsets.UTF_8);
        });
        assertSameFiles(run.folder().files(), clean(site));
        int shards = run.after().shards();
        assertThat(shards).isGreaterThanOrEqualTo(32);
        assertThat(run.folder().read).as("two files a shard").isNotEmpty().hasSizeLessThan(2 * shards);
        assertThat(run.folder().written.stream().filter(f -> f.startsWith("search/doc/"))).hasSize(1);
        assertThat(run.folder().kept).hasSizeGreaterThan(run.after().documents());
    }

    @Test
    void aNewTitleAndTagsAreFoundInTheUpdatedIndex() throws IOException {
        Path site = sample();
        Run run = update(site, s -> replace(s.resolve(ARTICLE), "title: ", "title: 鹦鹉螺号"));
        assertSameFiles(run.folder().files(), clean(site));
        assertThat(run.folder().read).isNotEmpty();
    }

    @Test
    void aTextLongerThanItsDocumentFileIsTakenOutOfEveryShard() throws IOException {
        Path site = sample();
        // the document file keeps 20,000 characters: the old keys of a longer text cannot be found from it
        Path longArticle = site.resolve("content/articles/2023/changdu.md");
        Files.writeString(longArticle, "---\ntitle: 长篇纪实\ndate: 2023-05-01\ncolumn: 双拥动态\n---\n\n"
                + "鱼水情深，军民同心。拥军优属，拥政爱民。".repeat(1200) + "\n\n结尾写着红旗渠。\n", StandardCharsets.UTF_8);
        Run run = update(site, s -> replace(longArticle, "结尾写着红旗渠。", "结尾改成鹦鹉螺。"));
        assertSameFiles(run.folder().files(), clean(site));
        assertThat(run.folder().read.stream().filter(f -> f.startsWith("search/index/d")))
                .as("every shard read back").hasSize(run.after().shards());
    }

    @Test
    void aDataFileChangeUpdatesItsDocument() throws IOException {
        Path site = sample();
        Path merchant;
        try (var files = Files.list(site.resolve("content/data/merchants"))) {
            merchant = files.sorted().findFirst().orElseThrow();
        }
        Run run = update(site, s -> replace(merchant, "\"address\": \"", "\"address\": \"鹦鹉螺路一号，"));
        assertSameFiles(run.folder().files(), clean(site));
        assertThat(run.folder().read).isNotEmpty();
    }

    @Test
    void aNewArticleMovesTheOthersAndTheIndexIsWrittenWhole() throws IOException {
        Path site = sample();
        Run run = update(site, s -> Files.writeString(s.resolve("content/articles/2026/yingwuluo.md"), """
                ---
                title: 鹦鹉螺号舰员回乡
                date: 2026-11-20
                column: 双拥动态
                ---

                鹦鹉螺号的舰员们回到家乡。
                """, StandardCharsets.UTF_8));
        assertSameFiles(run.folder().files(), clean(site));
        assertThat(run.folder().read).as("nothing read back: a whole new index").isEmpty();
    }

    @Test
    void anIndexFileChangedByHandMakesTheUpdateWriteItWhole() throws IOException {
        Path site = sample();
        Run run = update(site, s -> {
            Files.writeString(tmp.resolve("index/search/index/d0.bin"), "damaged");
            replace(s.resolve(ARTICLE), "title: ", "title: 鹦鹉螺号");
        });
        assertSameFiles(run.folder().files(), clean(site));
        assertThat(run.folder().read).isEmpty();
    }
}
