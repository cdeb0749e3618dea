package rongguang.check;

/** Character classes of Chinese typesetting. */
final class ChineseText {
    /** Full-width punctuation of Chinese text, opening and closing marks included. */
    private static final String PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕…—～·";

    private ChineseText() {}

    /** A Chinese character (汉字), not punctuation. */
    static boolean isHan(int cp) {
        if (cp >= 0x4E00 && cp <= 0x9FFF) return true;
        if (cp < 0x2E80) return false;
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN && Character.isLetter(cp);
    }

    static boolean isPunctuation(int cp) {
        return cp < 0x10000 && PUNCTUATION.indexOf(cp) >= 0;
    }

    /** A character of Chinese text: a 汉字 or full-width punctuation. */
    static boolean isChinese(int cp) {
        return isHan(cp) || isPunctuation(cp);
    }

    /** A space inside a line: ASCII space, tab, the ideographic space of newspaper layouts, no-break space. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u3000' || c == '\u00A0';
    }

    /** A word of HanLP's core dictionary (政务, 服务), to tell a space that cuts a word from one between words. */
    static boolean isWord(String s) {
        return com.hankcs.hanlp.dictionary.CoreDictionary.contains(s);
    }

    /** The code point before {@code index}, or -1 at the start. */
    static int before(String s, int index) {
        return index > 0 ? s.codePointBefore(index) : -1;
    }

    /** The code point at {@code index}, or -1 at the end. */
    static int at(String s, int index) {
        return index < s.length() ? s.codePointAt(index) : -1;
    }
}
