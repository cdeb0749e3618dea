package rongguang.assets;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/** Sizes of PNG, JPEG, GIF and SVG files, and smaller copies of PNG and JPEG, with Java's ImageIO only. */
final class ImageReading {
    /** Raster images wider than this get smaller copies. */
    static final int VARIANT_THRESHOLD = 800;
    static final int[] VARIANT_WIDTHS = {480, 960};
    private static final float JPEG_QUALITY = 0.8f;

    private static final Pattern SVG_TAG = Pattern.compile("<svg\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(px)?\\s*");

    private ImageReading() {}

    /** The file is not an image ImageIO can read. */
    static final class UnreadableImage extends Exception {
        UnreadableImage(String message) {
            super(message);
        }
    }

    static String format(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".jpg") || p.endsWith(".jpeg")) return "jpeg";
        if (p.endsWith(".png")) return "png";
        if (p.endsWith(".gif")) return "gif";
        if (p.endsWith(".svg")) return "svg";
        return null;
    }

    static boolean resizable(String format) {
        return format.equals("jpeg") || format.equals("png");
    }

    /** {width, height} as shown (a JPEG turned by its EXIF orientation counts turned); null for an SVG without size. */
    static int[] size(byte[] bytes, String format) throws UnreadableImage {
        if (format.equals("svg")) return svgSize(new String(bytes, StandardCharsets.UTF_8));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new UnreadableImage("不是可识别的图片格式");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0) throw new UnreadableImage("图片尺寸为 0");
                return format.equals("jpeg") && ExifOrientation.swapsSides(bytes) ? new int[] {h, w} : new int[] {w, h};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableImage("文件已损坏或格式不受支持（" + e.getMessage() + "）");
        }
    }

    /** Width and height attributes in px or plain numbers, else the viewBox; null when neither says. */
    static int[] svgSize(String svg) {
        Matcher tag = SVG_TAG.matcher(svg);
        if (!tag.find()) return null;
        String t = tag.group();
        Double w = number(attribute(t, "width"));
        Double h = number(attribute(t, "height"));
        if (w != null && h != null && w > 0 && h > 0) return new int[] {(int) Math.round(w), (int) Math.round(h)};
        String viewBox = attribute(t, "viewBox");
        if (viewBox == null) return null;
        String[] parts = viewBox.trim().split("[\\s,]+");
        if (parts.length != 4) return null;
        try {
            double vw = Double.parseDouble(parts[2]);
            double vh = Double.parseDouble(parts[3]);
            if (vw <= 0 || vh <= 0) return null;
            return new int[] {(int) Math.round(vw), (int) Math.round(vh)};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "\\s*=\\s*(\"([^\"]*)\"|'([^']*)')").matcher(tag);
        if (!m.find()) return null;
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    private static Double number(String value) {
        if (value == null) return null;
        Matcher m = NUMBER.matcher(value);
        return m.matches() ? Double.valueOf(m.group(1)) : null;
    }

    /** A copy {@code width} pixels wide, same format; the same bytes for the same input. */
    static byte[] resized(byte[] bytes, String format, int width) throws UnreadableImage {
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableImage("文件已损坏或格式不受支持（" + e.getMessage() + "）");
        }
        if (source == null) throw new UnreadableImage("不是可识别的图片格式");
        int height = Math.max(1, Math.round((float) source.getHeight() * width / source.getWidth()));
        boolean alpha = format.equals("png") && source.getColorModel().hasAlpha();
        BufferedImage scaled = scale(source, width, height, alpha);
        try {
            return format.equals("jpeg") ? jpeg(scaled) : png(scaled);
        } catch (IOException e) {
            throw new UnreadableImage("无法生成缩小的副本（" + e.getMessage() + "）");
        }
    }

    /** Halves with bilinear filtering until close, then one last step: sharper than one bilinear step. */
    private static BufferedImage scale(BufferedImage image, int width, int height, boolean alpha) {
        BufferedImage current = image;
        int w = image.getWidth();
        int h = image.getHeight();
        do {
            w = Math.max(width, w / 2);
            h = Math.max(height, h / 2);
            BufferedImage next = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(current, 0, 0, w, h, null);
            g.dispose();
            current = next;
        } while (w != width || h != height);
        return current;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
