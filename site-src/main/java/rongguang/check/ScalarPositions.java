package rongguang.check;

/**
 * Where each character of a string value stands in its file. A value's text differs from what was written: JSON
 * and YAML escapes ({@code \"}, {@code \n}, {@code \u4E2D}, {@code ''}), quotes, and YAML's folded lines and
 * indentation. The written text is walked beside the value, skipping what the parser dropped; when the two cannot
 * be matched, the remaining characters are unknown (-1) and a finding falls back to the value's start.
 * The walk is done once, and only for values that have a finding.
 */
final class ScalarPositions {
    /** How far the walk may skip written characters that the value does not have (indentation, quotes). */
    private static final int MAX_SKIP = 200;

    private final String value;
    private final String source;
    private final int start;
    private int[] offsets;

    ScalarPositions(String value, String source, int start) {
        this.value = value;
        this.source = source;
        this.start = start;
    }

    synchronized int offset(int index) {
        if (offsets == null) offsets = align();
        return index >= 0 && index < offsets.length ? offsets[index] : -1;
    }

    private int[] align() {
        int[] out = new int[value.length()];
        java.util.Arrays.fill(out, -1);
        int s = start;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int skipped = 0;
            while (true) {
                if (s >= source.length() || skipped > MAX_SKIP) return out;
                char w = source.charAt(s);
                if (w == '\\' && s + 1 < source.length()) {
                    int length = escape(s, c);
                    if (length > 0) {
                        out[i] = s;
                        s += length;
                        break;
                    }
                }
                if (w == c) {
                    out[i] = s;
                    // a doubled quote in a single-quoted YAML scalar is one quote
                    s += c == '\'' && s + 1 < source.length() && source.charAt(s + 1) == '\'' ? 2 : 1;
                    break;
                }
                if (Character.isWhitespace(c) && Character.isWhitespace(w)) {
                    out[i] = s++; // a folded line break or indentation read as one space
                    break;
                }
                if (!skippable(w)) return out;
                s++;
                skipped++;
            }
        }
        return out;
    }

    /** The length of the escape at {@code s} when it stands for {@code c}, else 0. */
    private int escape(int s, char c) {
        char n = source.charAt(s + 1);
        if (n == 'u' && s + 6 <= source.length()) {
            try {
                return Integer.parseInt(source.substring(s + 2, s + 6), 16) == c ? 6 : 0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        char meaning = switch (n) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case '0' -> '\0';
            case '_' -> '\u00A0';
            default -> n;
        };
        return meaning == c ? 2 : 0;
    }

    /** Characters a parser drops around and inside a value: quotes, block scalar indicators, line breaks, indents. */
    private static boolean skippable(char w) {
        return Character.isWhitespace(w) || w == '"' || w == '\'' || w == '|' || w == '>' || w == '-' || w == '+'
                || w == '\\' || (w >= '1' && w <= '9');
    }
}
