package rongguang;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.problems.Problems;
import rongguang.testing.ImageFiles;
import rongguang.testing.TestSite;

/** Real JPEG and PNG files under media/: their sizes on the pages, smaller copies of large ones, lazy loading. */
class ImageBuildTest {
    @TempDir
    Path tmp;

    private TestSite site() throws IOException {
        TestSite site = TestSite.create(tmp.resolve("site"), 20);
        Path media = site.dir().resolve("content/media");
        ImageFiles.writeJpeg(media.resolve("covers/big.jpg"), 1600, 900);
        ImageFiles.writePng(media.resolve("figures/chart.png"), 1000, 600);
        ImageFiles.writeJpeg(media.resolve("photos/small.jpg"), 400, 300);
        site.write("content/articles/tu.md", """
                ---
                title: 图文报道
                date: 2024-05-01
                cover: covers/big.jpg
                ---

                第一段。

                ![统计图](/media/figures/chart.png)

                ![小图](/media/photos/small.jpg)
                """);
        return site;
    }

    private static Document page(Path out, String path) throws IOException {
        return Jsoup.parse(out.resolve(path).toFile(), "UTF-8");
    }

    private static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as(file.toString()).isNotNull();
        return image;
    }

    @Test
    void imagesGetTheirSizeCopiesAndLoading() throws IOException {
        Path out = tmp.resolve("out");
        site().build(out, false, new Problems());
        Elements images = page(out, "articles/tu/index.html").select("main img");
        assertThat(images).hasSize(3);

        Element cover = images.get(0);
        assertThat(cover.attr("width")).isEqualTo("1600");
        assertThat(cover.attr("height")).isEqualTo("900");
        assertThat(cover.hasAttr("loading")).as("the first image is loaded at once").isFalse();
        assertThat(cover.attr("srcset")).isEqualTo("../../media/covers/big.480w.jpg 480w, "
                + "../../media/covers/big.960w.jpg 960w, ../../media/covers/big.jpg 1600w");
        assertThat(cover.attr("sizes")).isNotEmpty();

        Element chart = images.get(1);
        assertThat(chart.attr("width")).isEqualTo("1000");
        assertThat(chart.attr("height")).isEqualTo("600");
        assertThat(chart.attr("loading")).isEqualTo("lazy");
        assertThat(chart.attr("decoding")).isEqualTo("async");
        assertThat(chart.attr("srcset")).contains("../../media/figures/chart.480w.png 480w, ../../media/figures/chart.960w.png 960w");

        Element small = images.get(2);
        assertThat(small.attr("width")).isEqualTo("400");
        assertThat(small.attr("height")).isEqualTo("300");
        assertThat(small.hasAttr("srcset")).as("a small image has no copies").isFalse();
        assertThat(out.resolve("media/photos/small.480w.jpg")).doesNotExist();

        BufferedImage copy = read(out.resolve("media/covers/big.480w.jpg"));
        assertThat(copy.getWidth()).isEqualTo(480);
        assertThat(copy.getHeight()).isEqualTo(270);
        assertThat(read(out.resolve("media/covers/big.960w.jpg")).getWidth()).isEqualTo(960);
        BufferedImage png = read(out.resolve("media/figures/chart.480w.png"));
        assertThat(png.getHeight()).isEqualTo(288);
        assertThat(Files.size(out.resolve("media/covers/big.480w.jpg"))).isLessThan(Files.size(out.resolve("media/covers/big.jpg")));

        Element thumb = page(out, "articles/index.html").selectFirst("img.article-thumb");
        assertThat(thumb.attr("width")).as("the template's own size stays").isEqualTo("160");
        assertThat(thumb.attr("sizes")).isEqualTo("160px");
    }

    @Test
    void copiesAreTheSameBytesEveryTimeAndReusedFromTheCache() throws IOException {
        TestSite site = site();
        site.build(tmp.resolve("a"), false, new Problems());
        site.build(tmp.resolve("b"), false, new Problems());
        Map<String, byte[]> a = TestSite.snapshot(tmp.resolve("a"));
        assertThat(a).containsKey("media/covers/big.960w.jpg");
        assertThat(a).usingRecursiveComparison().isEqualTo(TestSite.snapshot(tmp.resolve("b")));

        Path out = tmp.resolve("cached");
        Generator.Options options = new Generator.Options(site.dir(), out, TestSite.NOW, false, true, null);
        new Generator().build(options, new Problems());
        Path cached = out.resolveSibling(".cached.rongguang-cache/images");
        assertThat(TestSite.files(cached)).hasSize(5);
        new Generator().build(options, new Problems());
        assertThat(TestSite.snapshot(out)).usingRecursiveComparison().isEqualTo(a);
    }

    @Test
    void copiesOfARemovedImageGoAway() throws IOException {
        TestSite site = site();
        Path out = tmp.resolve("out");
        Generator.Options options = new Generator.Options(site.dir(), out, TestSite.NOW, false, true, null);
        new Generator().build(options, new Problems());
        Files.delete(site.dir().resolve("content/media/figures/chart.png"));
        site.write("content/articles/tu.md", """
                ---
                title: 图文报道
                date: 2024-05-01
                cover: covers/big.jpg
                ---

                第一段。
                """);
        new Generator().build(options, new Problems());
        assertThat(TestSite.files(out.resolve("media"))).containsExactly("covers/big.480w.jpg", "covers/big.960w.jpg",
                "covers/big.jpg", "photos/small.jpg");
        assertThat(TestSite.files(out.resolveSibling(".out.rongguang-cache/images"))).hasSize(3);
    }

    @Test
    void theSamePhotoInTwoPlacesGetsCopiesInBoth() throws IOException {
        TestSite site = site();
        Path media = site.dir().resolve("content/media");
        for (String copy : new String[] {"a/big.jpg", "b/big.jpg", "c/big.jpg"}) {
            Files.createDirectories(media.resolve(copy).getParent());
            Files.copy(media.resolve("covers/big.jpg"), media.resolve(copy));
        }
        Path out = tmp.resolve("out");
        Problems problems = new Problems();
        new Generator().build(new Generator.Options(site.dir(), out, TestSite.NOW, false, true, null), problems);
        assertThat(problems.hasErrors()).isFalse();
        for (String dir : new String[] {"a", "b", "c", "covers"}) {
            assertThat(out.resolve("media/" + dir + "/big.480w.jpg")).hasSameBinaryContentAs(out.resolve("media/covers/big.480w.jpg"));
        }
    }

    @Test
    void anEditorsOwnFileOfACopysNameWins() throws IOException {
        TestSite site = site();
        ImageFiles.writePng(site.dir().resolve("content/media/covers/big.480w.jpg"), 10, 10);
        Path out = tmp.resolve("out");
        site.build(out, false, new Problems());
        assertThat(read(out.resolve("media/covers/big.480w.jpg")).getWidth()).isEqualTo(10);
        assertThat(page(out, "articles/tu/index.html").selectFirst("main img").attr("srcset"))
                .isEqualTo("../../media/covers/big.960w.jpg 960w, ../../media/covers/big.jpg 1600w");
    }
}
