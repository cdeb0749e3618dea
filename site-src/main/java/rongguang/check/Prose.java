package rongguang.check;

import rongguang.problems.Place;

/**
 * A run of text as a reader reads it: one paragraph, heading, table cell or image description of Markdown, or
 * one string value. Markdown syntax, code and URLs are gone; a code span, an image or a footnote mark is one
 * {@link #OBJECT} character, a line break inside a paragraph is {@code \n} and a deliberate break ({@code <br>},
 * two trailing spaces) is {@link #BREAK}. Each character knows its index in the text it came from.
 *
 * @param origin for each character of {@code text}, its index in {@code source.text()}
 */
record Prose(String text, int[] origin, TextInFile source) {
    /** Stands for something that is not text (code, an image, a footnote mark, an autolink). */
    static final char OBJECT = '\uFFFC';
    /** A line break the writer asked for. */
    static final char BREAK = '\u2028';

    /** A string value read as a whole. */
    static Prose of(TextInFile value) {
        int[] origin = new int[value.text().length()];
        for (int i = 0; i < origin.length; i++) origin[i] = i;
        return new Prose(value.text(), origin, value);
    }

    /** The place of the character at {@code index}; the end of the text is the place after its last character. */
    Place place(int index) {
        if (index < text.length()) return source.place(origin[index]);
        return text.isEmpty() ? source.place(0) : source.place(origin[text.length() - 1] + 1);
    }
}
