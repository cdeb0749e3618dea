package rongguang.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rongguang.testing.ImageFiles;

class ImageReadingTest {
    @TempDir
    Path tmp;

    private byte[] jpeg(int width, int height) throws IOException {
        return Files.readAllBytes(ImageFiles.writeJpeg(tmp.resolve("a.jpg"), width, height));
    }

    /** The JPEG with an EXIF segment saying how to turn it (big-endian TIFF, one IFD0 entry: Orientation). */
    private static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
                0, 0, 0, 0};
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + exif.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(exif);
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void readsTheSizeOfJpegAndPng() throws Exception {
        assertThat(ImageReading.size(jpeg(1200, 800), "jpeg")).containsExactly(1200, 800);
        byte[] png = Files.readAllBytes(ImageFiles.writePng(tmp.resolve("b.png"), 33, 20));
        assertThat(ImageReading.size(png, "png")).containsExactly(33, 20);
    }

    @Test
    void aPhotoTakenUprightCountsTurned() throws Exception {
        byte[] turned = withOrientation(jpeg(1200, 800), 6);
        assertThat(ExifOrientation.of(turned)).isEqualTo(6);
        assertThat(ImageReading.size(turned, "jpeg")).containsExactly(800, 1200);
        assertThat(ImageReading.size(withOrientation(jpeg(1200, 800), 3), "jpeg")).containsExactly(1200, 800);
        assertThat(ExifOrientation.of(jpeg(10, 10))).isEqualTo(1);
    }

    @Test
    void readsTheSizeOfSvgFromAttributesOrViewBox() {
        assertThat(ImageReading.svgSize("<?xml version=\"1.0\"?><svg xmlns=\"…\" width=\"120px\" height='80'>"))
                .containsExactly(120, 80);
        assertThat(ImageReading.svgSize("<svg viewBox=\"0 0 1200 675\" width=\"100%\">")).containsExactly(1200, 675);
        assertThat(ImageReading.svgSize("<svg viewBox=\"0,0,48.4,48\">")).containsExactly(48, 48);
        assertThat(ImageReading.svgSize("<svg width=\"10em\" height=\"5em\">")).isNull();
        assertThat(ImageReading.svgSize("not svg")).isNull();
    }

    @Test
    void copiesAreSmallerAndTheSameBytesEachTime() throws Exception {
        byte[] photo = jpeg(1600, 1000);
        byte[] a = ImageReading.resized(photo, "jpeg", 480);
        byte[] b = ImageReading.resized(photo, "jpeg", 480);
        assertThat(Arrays.equals(a, b)).isTrue();
        assertThat(ImageReading.size(a, "jpeg")).containsExactly(480, 300);
        assertThat(a.length).isLessThan(photo.length);
    }

    @Test
    void aDamagedFileIsReportedInPlainWords() {
        byte[] cut = "\u0089PNG\r\n\u001a\n and nothing more".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ImageReading.size(cut, "png")).isInstanceOf(ImageReading.UnreadableImage.class)
                .hasMessageContaining("损坏");
        assertThatThrownBy(() -> ImageReading.size(new byte[] {1, 2, 3}, "jpeg"))
                .isInstanceOf(ImageReading.UnreadableImage.class).hasMessageContaining("不是可识别的图片格式");
    }
}
