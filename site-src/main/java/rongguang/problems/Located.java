package rongguang.problems;

/**
 * A value read from a file, with a way back to the place of each of its fields, so that later stages (links,
 * duplicates) can report at the exact key or list item.
 */
public record Located<T>(T value, Locator where) {

    /**
     * Finds the place of a field of the value, or of the first item of a list field whose text is {@code item}
     * (by text, not index: the list in the model may have lost repeated or invalid items); for a field that is
     * not a list, {@code item} is ignored.
     */
    @FunctionalInterface
    public interface Locator {
        Place at(String key, String item);

        default Place at(String key) {
            return at(key, null);
        }
    }
}
