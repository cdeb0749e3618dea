package rongguang.assets;

import java.util.List;

/**
 * What a page needs to know of an image under media/: its size in CSS pixels as a browser shows it, and the
 * widths of the smaller copies written beside it ({@code a.jpg} → {@code a.480w.jpg}), smallest first.
 *
 * @param hash content hash (hex), by which encoded copies are cached
 */
public record ImageInfo(String hash, int width, int height, List<Integer> variantWidths) {

    /** The name of the copy {@code width} pixels wide: {@code covers/a.jpg} → {@code covers/a.480w.jpg}. */
    public static String variantName(String path, int width) {
        int dot = path.lastIndexOf('.');
        return path.substring(0, dot) + "." + width + "w" + path.substring(dot);
    }

    /** What the page's fingerprint takes of the image. */
    public String digest() {
        return hash + ":" + width + "x" + height + ":" + variantWidths;
    }
}
