package rongguang.problems;

/**
 * A value read from a file, with a way back to the place of each of its fields, so that later stages (links,
 * duplicates) can report at the exact key or list item.
 */
public record Located<T>(T value, Locator where) {

    /** Finds the place of a field of the value, or of item {@code index} of a list field ({@code -1}: the field). */
    @FunctionalInterface
    public interface Locator {
        Place at(String key, int index);

        default Place at(String key) {
            return at(key, -1);
        }
    }
}
