package rongguang.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import com.hankcs.hanlp.seg.common.Term;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Slugs for URLs: {@code [a-z0-9]+(-[a-z0-9]+)*}. Chinese becomes pinyin word by word, so that polyphones
 * are read in context (重庆 → chongqing, 银行 → yinhang) and words stay readable (双拥动态 → shuangyong-dongtai).
 */
public final class Slugs {
    public static final Pattern PATTERN = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_LENGTH = 80;

    private Slugs() {}

    /**
     * Loads the pinyin and word dictionaries on a thread of their own: the first slug otherwise waits for them
     * (about half a second), and every article of a first build needs its column's and tags' slugs.
     */
    public static void loadInBackground() {
        Thread thread = new Thread(() -> {
            try {
                of("双拥");
            } catch (RuntimeException | LinkageError e) {
                // not reported here: the first slug a build needs meets the same failure and reports it
            }
        }, "slug-dictionaries");
        thread.setDaemon(true);
        thread.start();
    }

    public static boolean isValid(String s) {
        return s != null && PATTERN.matcher(s).matches();
    }

    /** The slug of a name or title; empty when it holds nothing that can be spelt (e.g. only punctuation). */
    public static String of(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        List<Pinyin> pinyin = HanLP.convertToPinyinList(s);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int offset = 0;
        boolean inHan = false;
        // segments bound Chinese words only: the segmenter also splits Latin runs (at é, say), which must stay whole
        for (Term term : HanLP.newSegment()
                .enableNameRecognize(false)
                .enablePlaceRecognize(false)
                .enableOrganizationRecognize(false)
                .seg(s)) {
            for (int i = 0; i < term.word.length(); i++, offset++) {
                char c = s.charAt(offset);
                Pinyin p = offset < pinyin.size() ? pinyin.get(offset) : Pinyin.none5;
                String latin = latin(c);
                boolean han = latin == null && p != Pinyin.none5 && Character.isIdeographic(c);
                if (han != inHan || (latin == null && !han)) flush(word, words);
                if (latin != null) word.append(latin);
                else if (han) word.append(p.getPinyinWithoutTone().replace("ü", "v"));
                inHan = han;
            }
            if (inHan) flush(word, words);
        }
        flush(word, words);
        return truncate(String.join("-", words));
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** A Latin letter or digit in lowercase ASCII, accents dropped (é → e); null for anything else. */
    private static String latin(char c) {
        if (isAsciiAlnum(c)) return String.valueOf(Character.toLowerCase(c));
        if (!Character.isLetter(c) || Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) return null;
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return base.length() == 1 && isAsciiAlnum(base.charAt(0)) ? base.toLowerCase(java.util.Locale.ROOT) : null;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static String truncate(String slug) {
        if (slug.length() <= MAX_LENGTH) return slug;
        int cut = slug.lastIndexOf('-', MAX_LENGTH);
        return cut > 0 ? slug.substring(0, cut) : slug.substring(0, MAX_LENGTH);
    }
}
