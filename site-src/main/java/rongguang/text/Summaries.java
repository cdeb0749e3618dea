package rongguang.text;

/** Summaries of about 120 characters that end at a Chinese sentence end (。！？). */
public final class Summaries {
    public static final int TARGET = 120;
    private static final String SENTENCE_ENDS = "。！？!?";
    private static final String CLOSERS = "”’」』）)》";

    private Summaries() {}

    public static String of(String text) {
        return of(text, TARGET);
    }

    /**
     * The sentence end nearest to {@code target} characters (and not beyond 1.5 times it) closes the summary;
     * when the first sentence alone is longer than that, the text is cut at {@code target} with an ellipsis.
     */
    public static String of(String text, int target) {
        String s = text.strip().replaceAll("\\s+", " ");
        if (s.codePointCount(0, s.length()) <= target) return s;
        int limit = target + target / 2;
        int best = -1;
        int count = 0;
        for (int i = 0; i < s.length() && count <= limit; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            count++;
            if (SENTENCE_ENDS.indexOf(cp) >= 0) {
                while (i < s.length() && CLOSERS.indexOf(s.charAt(i)) >= 0) {
                    i++;
                    count++;
                }
                if (count <= limit && (best < 0 || Math.abs(count - target) < Math.abs(codePoints(s, best) - target))) {
                    best = i;
                }
            }
        }
        if (best > 0) return s.substring(0, best);
        return s.substring(0, s.offsetByCodePoints(0, target)).strip() + "……";
    }

    private static int codePoints(String s, int end) {
        return s.codePointCount(0, end);
    }
}
