package rongguang.problems;

/**
 * One thing wrong with the input, at a place an editor can go to.
 *
 * @param file   path relative to the site folder, with forward slashes
 * @param line   1-based, 0 when the problem concerns the whole file
 * @param column 1-based, 0 when unknown
 */
public record Problem(String file, int line, int column, Severity severity, String message)
        implements Comparable<Problem> {

    /** {@code path:line:column: 错误: message}, the format every editor's tool understands. */
    public String format() {
        return file + ":" + Math.max(line, 1) + ":" + Math.max(column, 1) + ": " + severity.label() + ": " + message;
    }

    @Override
    public int compareTo(Problem o) {
        int c = file.compareTo(o.file);
        if (c == 0) c = Integer.compare(line, o.line);
        if (c == 0) c = Integer.compare(column, o.column);
        if (c == 0) c = severity.compareTo(o.severity);
        return c != 0 ? c : message.compareTo(o.message);
    }

    @Override
    public String toString() {
        return format();
    }
}
