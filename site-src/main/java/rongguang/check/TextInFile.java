package rongguang.check;

import java.util.function.IntUnaryOperator;
import rongguang.problems.Place;

/**
 * A text as the reader sees it (a string value with its escapes resolved, a Markdown body) and the way back from
 * each of its characters to the file it was written in.
 *
 * @param offsetOf the offset in the file's text of the character at an index of {@code text}, or -1 when it
 *                 cannot be told
 * @param start    the offset of the text's start in the file, which stands in for characters that cannot be placed
 */
record TextInFile(String text, IntUnaryOperator offsetOf, int start, SourceDocument document) {

    String file() {
        return document.file;
    }

    /** The place of the character at {@code index}; the end of the text is the place after its last character. */
    Place place(int index) {
        int offset = -1;
        if (index >= 0 && index < text.length()) {
            offset = offsetOf.applyAsInt(index);
        } else if (index == text.length() && index > 0) {
            int last = offsetOf.applyAsInt(index - 1);
            if (last >= 0) offset = last + 1;
        }
        return document.place(offset >= 0 ? offset : start);
    }

    /** A part of this text, read as a text of its own (a Markdown story inside a JSON string). */
    TextInFile slice(int from, int to) {
        int sliceStart = offsetOf.applyAsInt(from);
        return new TextInFile(text.substring(from, to), i -> offsetOf.applyAsInt(from + i),
                sliceStart >= 0 ? sliceStart : start, document);
    }
}
