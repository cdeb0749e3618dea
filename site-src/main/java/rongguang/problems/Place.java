package rongguang.problems;

/** A place in a source file: path relative to the site folder, 1-based line and column. */
public record Place(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
