package rongguang.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.load.ArticleEntry;
import rongguang.load.BodyStore;
import rongguang.load.SiteLoader;
import rongguang.problems.Problems;
import rongguang.testing.TestSite;

/** The sample site, loaded, changed on disk and loaded again as the dev server does between two saves. */
class RetellingTest {
    private static final String ARTICLE = "content/articles/2023/anyang-wuge-yi-gongcheng.md";
    private static final Publication NOW =
            new Publication(ZonedDateTime.of(2026, 12, 6, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")), true);

    @TempDir
    Path site;
    private BodyStore bodies;
    private SiteInput input;
    private Site assembled;
    private Map<String, ArticleEntry> entries;
    private Map<String, rongguang.load.DataEntry> data;

    @BeforeEach
    void loadSample() throws IOException {
        TestSite.copySample(site);
        bodies = BodyStore.temporary();
        SiteLoader loader = new SiteLoader(site, bodies, Map.of());
        input = loader.load(new Problems());
        entries = loader.entries();
        data = loader.dataEntries();
        assembled = assemble(input, NOW);
    }

    @AfterEach
    void closeBodies() throws IOException {
        bodies.close();
    }

    @Test
    void anArticleWhoseTextChangedIsPutInPlaceEverywhereTheAssemblerWouldPutIt() throws IOException {
        edit(ARTICLE, text -> text + "\n新增一段：安阳的拥军路又添了新的点位。\n");
        SiteInput again = reload();

        Site retold = Retelling.of(assembled, input, again, NOW);

        assertThat(retold).as("a body edit is retold, not assembled again").isNotNull();
        Article changed = again.articles().stream().map(l -> l.value())
                .filter(a -> a.file().equals(ARTICLE)).findFirst().orElseThrow();
        assertThat(retold.articles()).contains(changed);
        assertSameSite(retold, assemble(again, NOW));
    }

    @Test
    void aSummaryEditIsRetoldToo() throws IOException {
        edit(ARTICLE, text -> text.replace("安阳先后7次被命名为全国双拥模范城", "安阳已先后7次被命名为全国双拥模范城"));
        SiteInput again = reload();

        Site retold = Retelling.of(assembled, input, again, NOW);

        assertThat(retold).isNotNull();
        assertSameSite(retold, assemble(again, NOW));
    }

    @Test
    void aChangedTitleNeedsTheAssembler() throws IOException {
        edit(ARTICLE, text -> text.replace("title: \"安阳", "title: \"河南安阳"));
        assertThat(Retelling.of(assembled, input, reload(), NOW)).isNull();
    }

    @Test
    void aChangedTagNeedsTheAssembler() throws IOException {
        edit(ARTICLE, text -> text.replace("tags: [军民共建, ", "tags: ["));
        assertThat(Retelling.of(assembled, input, reload(), NOW)).isNull();
    }

    @Test
    void aChangedDataFileNeedsTheAssembler() throws IOException {
        edit("content/data/merchants/beihai.json", text -> text.replaceFirst("\"name\": \"", "\"name\": \"北海"));
        assertThat(Retelling.of(assembled, input, reload(), NOW)).isNull();
    }

    @Test
    void anArticleAddedOrRemovedNeedsTheAssembler() throws IOException {
        Files.delete(site.resolve(ARTICLE));
        assertThat(Retelling.of(assembled, input, reload(), NOW)).isNull();
    }

    @Test
    void aLaterTimeIsRetoldOnlyWhileTheSameArticlesAreVisible() throws IOException {
        ZonedDateTime expiry = input.articles().stream().map(a -> a.value().expiryDate())
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        SiteInput same = reload();
        Publication before = new Publication(expiry.minusDays(1), true);
        Site first = assemble(input, before);

        Publication minutesLater = new Publication(before.now().plusMinutes(5), true);
        Site retold = Retelling.of(first, input, same, minutesLater);
        assertThat(retold).isNotNull();
        assertSameSite(retold, assemble(same, minutesLater));

        // an article that expired between the two builds leaves the lists: the assembler's work
        assertThat(Retelling.of(first, input, same, new Publication(expiry.plusDays(1), true))).isNull();
    }

    private static Site assemble(SiteInput in, Publication publication) {
        Problems problems = new Problems();
        Site site = new SiteAssembler(publication, problems).assemble(in);
        assertThat(problems.sorted()).as("the sample site assembles cleanly").isEmpty();
        return site;
    }

    private SiteInput reload() throws IOException {
        Problems problems = new Problems();
        SiteInput again = new SiteLoader(site, bodies, entries, data).load(problems);
        assertThat(problems.sorted()).isEmpty();
        return again;
    }

    private void edit(String rel, java.util.function.UnaryOperator<String> change) throws IOException {
        Path file = site.resolve(rel);
        String before = Files.readString(file, StandardCharsets.UTF_8);
        String after = change.apply(before);
        assertThat(after).as("the edit changes " + rel).isNotEqualTo(before);
        Files.writeString(file, after, StandardCharsets.UTF_8);
        // a new time of change, even within the file system's clock resolution
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(file).toMillis() + 2000));
    }

    /** Every list and index of the two sites holds the very same objects in the same order. */
    private static void assertSameSite(Site a, Site b) {
        assertThat(a.today()).isEqualTo(b.today());
        assertSameObjects(a.articles(), b.articles(), "articles");
        assertSameObjects(a.cities(), b.cities(), "cities");
        assertSameObjects(a.exemplars(), b.exemplars(), "exemplars");
        assertSameObjects(a.merchants(), b.merchants(), "merchants");
        assertThat(a.media()).isEqualTo(b.media());
        assertSameTerms(a.columns(), b.columns(), "columns");
        assertSameTerms(a.tags(), b.tags(), "tags");
        for (City c : b.cities()) {
            assertSameObjects(a.articlesOfCity(c.id()), b.articlesOfCity(c.id()), "articles of " + c.id());
            assertSameObjects(a.exemplarsOfCity(c.id()), b.exemplarsOfCity(c.id()), "exemplars of " + c.id());
            assertSameObjects(a.merchantsOfCity(c.id()), b.merchantsOfCity(c.id()), "merchants of " + c.id());
            assertThat(a.city(c.id())).isSameAs(c);
        }
        for (Exemplar e : b.exemplars()) {
            assertSameObjects(a.articlesOfExemplar(e.id()), b.articlesOfExemplar(e.id()), "articles of " + e.id());
        }
        for (Article article : b.articles()) {
            Neighbours x = a.neighbours(article);
            Neighbours y = b.neighbours(article);
            assertThat(x.older()).as("older than " + article.file()).isSameAs(y.older());
            assertThat(x.newer()).as("newer than " + article.file()).isSameAs(y.newer());
            assertSameObjects(x.related(), y.related(), "related to " + article.file());
            assertThat(a.badge(article)).isEqualTo(b.badge(article));
        }
    }

    private static void assertSameTerms(List<TermIndex> a, List<TermIndex> b, String what) {
        assertThat(a).as(what).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).term()).as(what).isEqualTo(b.get(i).term());
            assertSameObjects(a.get(i).articles(), b.get(i).articles(), what + " " + b.get(i).slug());
        }
    }

    private static <T> void assertSameObjects(List<T> a, List<T> b, String what) {
        assertThat(a).as(what).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) assertThat(a.get(i)).as(what + " [" + i + "]").isSameAs(b.get(i));
    }
}
