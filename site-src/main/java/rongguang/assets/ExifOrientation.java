package rongguang.assets;

/**
 * The EXIF orientation of a JPEG (tag 0x0112 of IFD0 in the APP1 "Exif" segment). Phones store photos as the
 * sensor saw them and say how to turn them; browsers turn them, ImageIO does not.
 */
final class ExifOrientation {
    private ExifOrientation() {}

    /** 1 (as stored) when there is no EXIF orientation or it cannot be read. */
    static int of(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            int length = u16(jpeg, i + 2, false);
            if (marker == 0xDA || length < 2) break;
            if (marker == 0xE1 && i + 10 <= jpeg.length && new String(jpeg, i + 4, 4,
                    java.nio.charset.StandardCharsets.ISO_8859_1).equals("Exif")) {
                return tiffOrientation(jpeg, i + 10, Math.min(jpeg.length, i + 2 + length));
            }
            i += 2 + length;
        }
        return 1;
    }

    /** Orientations 5 to 8 turn the picture a quarter: width and height change places. */
    static boolean swapsSides(byte[] jpeg) {
        return of(jpeg) >= 5;
    }

    /** Orientations other than 1 need turning or mirroring before a copy can be made. */
    static boolean turned(byte[] jpeg) {
        return of(jpeg) != 1;
    }

    private static int tiffOrientation(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) return 1;
        boolean little = b[tiff] == 'I';
        int ifd = tiff + (int) u32(b, tiff + 4, little);
        if (ifd + 2 > end || ifd < tiff) return 1;
        int entries = u16(b, ifd, little);
        for (int k = 0; k < entries; k++) {
            int e = ifd + 2 + 12 * k;
            if (e + 12 > end) return 1;
            if (u16(b, e, little) == 0x0112) {
                int v = u16(b, e + 8, little);
                return v >= 1 && v <= 8 ? v : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int i, boolean little) {
        if (i + 2 > b.length) return 0;
        int a = b[i] & 0xFF;
        int c = b[i + 1] & 0xFF;
        return little ? a | (c << 8) : (a << 8) | c;
    }

    private static long u32(byte[] b, int i, boolean little) {
        long hi = u16(b, little ? i + 2 : i, little);
        long lo = u16(b, little ? i : i + 2, little);
        return (hi << 16) | lo;
    }
}
