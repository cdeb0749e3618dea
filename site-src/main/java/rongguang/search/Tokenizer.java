package rongguang.search;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How text becomes search keys, the same way in Java and in {@code templates/assets/search.js}: each code point is
 * normalized on its own (NFKC, so full-width ＡＢＣ１２３ and half-width ABC123 are one; then lower case), Chinese
 * is cut into character bigrams and everything else into words of letters and digits.
 *
 * <p>Why bigrams and not a segmenter (HanLP is on the class path): a reader types any run of characters, and a
 * segmenter cuts 退役军人事务局 into words that a query like 军人事 never equals. Bigrams with positions find every
 * run of two or more characters wherever it stands: a query of n characters is its n-1 bigrams found at adjacent
 * positions. Single characters are not indexed (they would match almost every page).
 */
public final class Tokenizer {
    /** Longest word kept; longer runs of letters are cut (hashes, long numbers). */
    static final int MAX_WORD = 32;

    /** Receives keys in text order. */
    public interface Sink {
        /** A bigram of two characters of the Basic Multilingual Plane, as {@code first << 16 | second}. */
        void bigram(int key, int position);

        /**
         * A word, or a bigram of characters outside the Basic Multilingual Plane: {@code text[from, to)}, to be
         * read during the call (a string per word met was most of what the index allocated for words).
         */
        void key(char[] text, int from, int to, int position);
    }

    static String bigram(int key) {
        return new String(new char[] {(char) (key >>> 16), (char) key});
    }

    private Tokenizer() {}

    /** NFKC and lower case, one code point at a time (so positions in a text never shift with its neighbours). */
    public static String normalize(String text) {
        Normalized n = normalized(text);
        return new String(n.chars, 0, n.length);
    }

    /**
     * A normalized text in {@code chars[0, length)}, in arrays the thread keeps (it runs over every body of the
     * site, and two new arrays per body were a tenth of the index's garbage): valid until the thread normalizes again.
     */
    record Normalized(char[] chars, int length) {}

    private static final ThreadLocal<char[][]> BUFFERS = ThreadLocal.withInitial(() -> new char[2][8192]);

    static Normalized normalized(String text) {
        char[][] buffers = BUFFERS.get();
        int n = text.length();
        if (buffers[0].length < n) buffers[0] = new char[n + (n >> 1)];
        text.getChars(0, n, buffers[0], 0);
        return normalized(buffers[0], n);
    }

    /** The same of the text {@code in[0, n)}. */
    static Normalized normalized(char[] in, int n) {
        char[][] buffers = BUFFERS.get();
        if (buffers[1].length < n) buffers[1] = new char[n + (n >> 1)];
        char[] out = buffers[1];
        int o = 0;
        for (int i = 0; i < n; ) {
            char c = in[i];
            if (c < 0x80) {
                out[o++] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
                i++;
                continue;
            }
            String many;
            if (!Character.isSurrogate(c) && c != 0xffff) {
                char one = ONE[c];
                if (one == 0) {
                    String nf = normalize((int) c);
                    if (nf.length() == 1) {
                        one = nf.charAt(0);
                    } else {
                        MANY[c] = nf;
                        one = 0xffff;
                    }
                    ONE[c] = one;
                }
                i++;
                if (one != 0xffff) {
                    out[o++] = one;
                    continue;
                }
                many = MANY[c] != null ? MANY[c] : normalize((int) c);
            } else {
                int cp = Character.codePointAt(in, i, n);
                i += Character.charCount(cp);
                many = normalize(cp);
            }
            if (o + many.length() > out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2 + many.length());
                buffers[1] = out;
            }
            many.getChars(0, many.length(), out, o);
            o += many.length();
        }
        return new Normalized(out, o);
    }

    /**
     * What characters of the Basic Multilingual Plane normalize to, filled as they are met (normalizing each anew
     * cost more than the rest of the index): the one character, or 0xffff when it is several, kept in MANY.
     * Races write the same values; a reader that sees 0xffff before MANY is filled normalizes anew.
     */
    private static final char[] ONE = new char[0x10000];
    private static final String[] MANY = new String[0x10000];
    /** What each character of the Basic Multilingual Plane is, filled as met: 0 not yet known, else a class. */
    private static final byte[] CLASS = new byte[0x10000];
    private static final byte HAN = 1;
    private static final byte WORD = 2;
    private static final byte OTHER = 3;

    private static String normalize(int cp) {
        return Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    public static boolean isHan(int cp) {
        if (cp < 0x80) return false;
        return cp >= 0x10000 ? han(cp) : classOf(cp) == HAN;
    }

    private static byte classOf(int cp) {
        byte known = CLASS[cp];
        if (known == 0) CLASS[cp] = known = han(cp) ? HAN : isWordChar(cp) ? WORD : OTHER;
        return known;
    }

    private static boolean han(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN && Character.isLetter(cp);
    }

    /** Letters and digits of any script but Han, as JavaScript's {@code [\p{L}\p{N}]}. */
    static boolean isWordChar(int cp) {
        if (Character.isLetter(cp)) return true;
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /**
     * Emits the keys of an already normalized text; positions count code points from {@code base}. A bigram's
     * position is that of its first character.
     */
    public static void keys(String normalized, int base, Sink sink) {
        keys(normalized.toCharArray(), normalized.length(), base, sink);
    }

    static void keys(Normalized text, int base, Sink sink) {
        keys(text.chars(), text.length(), base, sink);
    }

    private static void keys(char[] s, int length, int base, Sink sink) {
        int position = base;
        int previousHan = -1;
        int previousAt = 0;
        // a word is a run of letters and digits, so it is s[wordFrom, wordFrom + wordLength), cut at MAX_WORD
        int wordFrom = -1;
        int wordLength = 0;
        int wordStart = 0;
        for (int i = 0; i < length; ) {
            int cp = s[i];
            int at = i;
            byte kind;
            if (cp < 0x80) {
                kind = cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9' || cp >= 'A' && cp <= 'Z' ? WORD : OTHER;
                i++;
            } else if (!Character.isHighSurrogate((char) cp) || i + 1 >= length) {
                kind = classOf(cp);
                i++;
            } else {
                cp = Character.codePointAt(s, i, length);
                i += Character.charCount(cp);
                kind = han(cp) ? HAN : isWordChar(cp) ? WORD : OTHER;
            }
            if (kind == WORD) {
                if (wordFrom < 0) {
                    wordFrom = at;
                    wordLength = 0;
                    wordStart = position;
                }
                if (wordLength < MAX_WORD) wordLength += i - at;
            } else if (wordFrom >= 0) {
                sink.key(s, wordFrom, wordFrom + wordLength, wordStart);
                wordFrom = -1;
            }
            if (kind == HAN && previousHan >= 0) {
                if (previousHan < 0x10000 && cp < 0x10000) sink.bigram(previousHan << 16 | cp, position - 1);
                else sink.key(s, previousAt, i, position - 1);
            }
            previousHan = kind == HAN ? cp : -1;
            previousAt = at;
            position++;
        }
        if (wordFrom >= 0) sink.key(s, wordFrom, wordFrom + wordLength, wordStart);
    }

    /**
     * The key that decides a key's shard: a bigram itself; for a word its first two characters, so that every
     * word a prefix can complete lies in the prefix's shard.
     */
    static String shardKey(String key) {
        int first = key.codePointAt(0);
        if (isHan(first)) return key;
        int end = key.offsetByCodePoints(0, Math.min(2, key.codePointCount(0, key.length())));
        return key.substring(0, end);
    }

    /** The shard of a key among {@code shards} (a power of two), as search.js finds it. */
    static int shardOf(String key, int shards) {
        return hash(shardKey(key)) & (shards - 1);
    }

    /** FNV-1a over code points; search.js computes the same. */
    static int hash(String s) {
        int h = 0x811c9dc5;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            h = (h ^ cp) * 16777619;
        }
        return h;
    }
}
