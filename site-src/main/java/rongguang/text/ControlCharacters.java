package rongguang.text;

/**
 * Invisible control characters never mean anything in an article or a data file, but they break XML (the feed)
 * and hide things from URL checks ({@code \u007Fjavascript:}); they are removed from every text read.
 */
public final class ControlCharacters {
    private ControlCharacters() {}

    /** The text without C0 controls (but tab, line feed, carriage return), DEL, C1 controls and U+FFFE/U+FFFF. */
    public static String strip(String text) {
        if (text == null || text.chars().noneMatch(ControlCharacters::isControl)) return text;
        StringBuilder sb = new StringBuilder(text.length());
        text.chars().filter(c -> !isControl(c)).forEach(c -> sb.append((char) c));
        return sb.toString();
    }

    static boolean isControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF;
    }
}
