package rongguang.hash;

/**
 * A fast 128-bit hash for fingerprints: two 64-bit multiply-and-rotate lanes over the input, finished with
 * MurmurHash3's mixer. Fingerprints only need to tell versions of a build's own inputs apart, not to resist an
 * attacker, and a cryptographic hash cost more than rendering on a rebuild that touches one page.
 */
public final class Hash128 {
    private static final long P1 = 0x9E3779B97F4A7C15L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private long h1 = 0x243F6A8885A308D3L;
    private long h2 = 0x13198A2E03707344L;
    private long length;

    public Hash128 update(long v) {
        h1 = Long.rotateLeft(h1 ^ (v * P1), 31) * P2;
        h2 = Long.rotateLeft(h2 ^ (v * P2), 29) * P1 + h1;
        length++;
        return this;
    }

    public Hash128 update(byte b) {
        return update((long) b);
    }

    public Hash128 update(byte[] bytes) {
        update(bytes.length);
        for (int i = 0; i + 8 <= bytes.length; i += 8) update(readLong(bytes, i));
        long tail = 0;
        for (int i = bytes.length & ~7; i < bytes.length; i++) tail = (tail << 8) | (bytes[i] & 0xFF);
        return update(tail);
    }

    /** The string's chars, length first, so that "ab"+"c" and "a"+"bc" differ. */
    public Hash128 update(String s) {
        int n = s.length();
        update(n);
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            update(((long) s.charAt(i) << 48) | ((long) s.charAt(i + 1) << 32) | ((long) s.charAt(i + 2) << 16)
                    | s.charAt(i + 3));
        }
        long tail = 0;
        for (; i < n; i++) tail = (tail << 16) | s.charAt(i);
        return update(tail);
    }

    public byte[] digest() {
        long a = fmix(h1 ^ length);
        long b = fmix(h2 + a);
        a += b;
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (a >>> (56 - 8 * i));
            out[8 + i] = (byte) (b >>> (56 - 8 * i));
        }
        return out;
    }

    private static long readLong(byte[] b, int i) {
        long v = 0;
        for (int k = 0; k < 8; k++) v = (v << 8) | (b[i + k] & 0xFF);
        return v;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xFF51AFD7ED558CCDL;
        k ^= k >>> 33;
        k *= 0xC4CEB9FE1A85EC53L;
        k ^= k >>> 33;
        return k;
    }
}
