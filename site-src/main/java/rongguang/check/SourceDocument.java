package rongguang.check;

import java.util.Arrays;
import rongguang.load.Tree;
import rongguang.problems.Place;

/** The text of one content file, with line starts, to turn offsets into places. */
final class SourceDocument {
    final String file;
    final String text;
    private final int[] lineStarts;

    SourceDocument(String file, String text) {
        this.file = file;
        this.text = text;
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    /** The place of a character offset: 1-based line and column (in UTF-16 units, as the parsers count). */
    Place place(int offset) {
        int line = Arrays.binarySearch(lineStarts, offset);
        if (line < 0) line = -line - 2;
        return new Place(file, line + 1, offset - lineStarts[line] + 1);
    }

    int lineCount() {
        return lineStarts.length;
    }

    /** The offset of a 1-based line and column; clamped to the text. */
    int offset(int line, int column) {
        int l = Math.min(Math.max(line, 1), lineStarts.length) - 1;
        return Math.min(lineStarts[l] + Math.max(column, 1) - 1, text.length());
    }

    int offset(Tree.Position p) {
        return offset(p.line(), p.column());
    }

    /**
     * A string value of a JSON or YAML tree as the reader sees it, mapped back to this file: {@code decoded} is the
     * value, {@code valueStart} where its token starts (the opening quote, or the first character of a plain YAML
     * scalar).
     */
    TextInFile value(String decoded, Tree.Position valueStart) {
        int start = offset(valueStart);
        return new TextInFile(decoded, new ScalarPositions(decoded, text, start)::offset, start, this);
    }

    /** A stretch of this file read as it is (a Markdown body), starting at {@code start}. */
    TextInFile verbatim(int start, int end) {
        return new TextInFile(text.substring(start, end), i -> start + i, start, this);
    }
}
