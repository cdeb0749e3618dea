package rongguang.model;

/** An enum written in the site files by a key such as {@code national} or {@code county}. */
public interface Keyed {
    String key();

    /** The constant of {@code type} with this key, or null. */
    static <E extends Enum<E> & Keyed> E byKey(Class<E> type, String key) {
        for (E e : type.getEnumConstants()) if (e.key().equals(key)) return e;
        return null;
    }
}
