package rongguang.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.problems.Problems;
import rongguang.testing.ImageFiles;
import rongguang.testing.TestSite;

class ImageStoreTest {
    @TempDir
    Path tmp;

    @Test
    void copiesAreKeptForTheNextBuildOfTheSameGeneratorOnly() throws Exception {
        Path media = tmp.resolve("media");
        ImageFiles.writeJpeg(media.resolve("a.jpg"), 1000, 500);
        Path dir = tmp.resolve("cache/images");

        ImageStore first = ImageStore.open(dir, "k1");
        Map<String, ImageInfo> infos = first.scan(media, List.of("a.jpg"), new Problems());
        assertThat(infos.get("a.jpg").variantWidths()).containsExactly(480, 960);
        first.save();
        Path copy = ((ImageStore.Copy.InFile) first.copies(infos).get("a.480w.jpg")).file();
        FileTime made = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(copy, made);

        ImageStore again = ImageStore.open(dir, "k1");
        assertThat(again.scan(media, List.of("a.jpg"), new Problems())).isEqualTo(infos);
        assertThat(Files.getLastModifiedTime(copy)).as("not encoded again").isEqualTo(made);

        ImageStore.open(dir, "k2");
        assertThat(TestSite.files(dir)).as("another generator's copies are dropped").isEmpty();
    }

    @Test
    void anUnreadableImageIsAnErrorAtItsFile() throws Exception {
        Path media = tmp.resolve("media");
        Files.createDirectories(media);
        Files.write(media.resolve("bad.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Files.writeString(media.resolve("notes.txt"), "not an image, not looked at");
        Problems problems = new Problems();
        Map<String, ImageInfo> infos = ImageStore.inMemory().scan(media, List.of("bad.png", "notes.txt"), problems);
        assertThat(infos).isEmpty();
        assertThat(problems.sorted()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("content/media/bad.png");
            assertThat(p.message()).startsWith("无法读取图片：");
        });
    }
}
