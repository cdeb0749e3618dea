package rongguang.testing;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Real JPEG and PNG files for tests, drawn with Java2D and written with ImageIO: a photo-like gradient with shapes. */
public final class ImageFiles {
    private ImageFiles() {}

    public static Path writeJpeg(Path file, int width, int height) throws IOException {
        return write(file, picture(width, height, Color.RED), "jpeg");
    }

    /** A different picture of the same size. */
    public static Path writeOtherJpeg(Path file, int width, int height) throws IOException {
        return write(file, picture(width, height, Color.BLUE), "jpeg");
    }

    public static Path writePng(Path file, int width, int height) throws IOException {
        return write(file, picture(width, height, Color.GREEN), "png");
    }

    private static BufferedImage picture(int width, int height, Color accent) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(183, 28, 28), width, height, new Color(255, 213, 79)));
        g.fillRect(0, 0, width, height);
        g.setColor(accent);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.setColor(Color.WHITE);
        for (int x = 0; x < width; x += 37) g.drawLine(x, 0, width - x, height);
        g.dispose();
        return image;
    }

    private static Path write(Path file, BufferedImage image, String format) throws IOException {
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, format, file.toFile())) throw new IOException("no ImageIO writer for " + format);
        // move the time on, so that a rewrite within the file system's time resolution is still seen
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                Math.max(System.currentTimeMillis(), Files.getLastModifiedTime(file).toMillis()) + STEP.addAndGet(1000)));
        return file;
    }

    private static final java.util.concurrent.atomic.AtomicLong STEP = new java.util.concurrent.atomic.AtomicLong();
}
